// Mobility operations (goUrban / Wunder style). Templates are created INACTIVE (create then /activate); PUT
// is a full replacement; DELETE refuses an ACTIVE template, so a delete deactivates first. Annotations
// (tags) are created before the templates that reference them, and the `{ "$tag": name }` placeholders in
// plan payloads become annotation ids at run time. A code batch is issued by POST /vouchers/redeemable/
// constraint (single-use) or POST /vouchers/redeemable (multi-use), at most 5,000 codes per request, after its
// template (`{ "$voucherable": "Kind/name" }`).
import type { Action } from '../../generated/plan.js';
import { ProviderError } from '../../model/errors.js';
import type { Json } from '../../model/canonical.js';
import type { HttpClient } from '../http/client.js';
import { batchPath, codeBatchRequests } from './code-batch.js';
import { resolveTagRefs, resolveVoucherableRefs } from './refs.js';
import type { ApiAdapter, CallDraft, ResolveContext } from '../writes.js';
import { desiredStatus, liveStatus, payloadOf } from '../writes.js';

const ANNOTATION = 'annotation:';
const VOUCHERABLE = 'voucherable:';
const BATCH = 'batch:';

const transition = (op: 'activate' | 'deactivate', target: CallDraft['target']): CallDraft => ({
  op,
  method: 'POST',
  path: `/voucherables/{id}/${op}`,
  target,
  idempotent: true,
});

function tagCalls(a: Action): CallDraft[] | undefined {
  if (a.action === 'create') return [{ op: 'create', method: 'POST', path: '/annotations', body: payloadOf(a), target: 'none', idempotent: false }];
  if (a.action === 'update') return [{ op: 'update', method: 'PUT', path: '/annotations/{id}', body: payloadOf(a), target: 'live', idempotent: true }];
  return undefined;
}

/** Each request adds its quantity to the live batch: the running total settles a lost answer. */
function batchCalls(a: Action): CallDraft[] | undefined {
  if (a.action !== 'create') return undefined;
  let count = Number((a.live as { spec?: { count?: unknown } } | undefined)?.spec?.count ?? 0);
  return codeBatchRequests(payloadOf(a) as { readonly [k: string]: Json }).map((body) => {
    count += Number(body.quantity ?? 0);
    return { op: 'create', method: 'POST', path: batchPath(body), body, target: 'none', idempotent: false, expectCount: count };
  });
}

function templateCalls(a: Action): CallDraft[] | undefined {
  const put: CallDraft = { op: 'update', method: 'PUT', path: '/voucherables/{id}', body: payloadOf(a), target: 'live', idempotent: true };
  switch (a.action) {
    case 'create':
      return [
        { op: 'create', method: 'POST', path: '/voucherables', body: payloadOf(a), target: 'none', idempotent: false },
        ...(desiredStatus(a) === 'active' ? [transition('activate', 'created')] : []),
      ];
    // Deactivating first lets the replacement carry a configuration an ACTIVE template would refuse.
    case 'update':
      return a.activation === 'deactivate'
        ? [transition('deactivate', 'live'), put]
        : [put, ...(a.activation === 'activate' ? [transition('activate', 'live')] : [])];
    case 'activate':
    case 'deactivate':
      return [transition(a.action, 'live')];
    case 'delete':
      return [
        ...(liveStatus(a) === 'active' ? [transition('deactivate', 'live')] : []),
        { op: 'delete', method: 'DELETE', path: '/voucherables/{id}', target: 'live', idempotent: true },
      ];
    default:
      return undefined;
  }
}

/** Annotation ids by name, listed once per client (tags this run created are in `known` instead). */
const listed = new WeakMap<HttpClient, Promise<Map<string, number>>>();

function annotationsOf(client: HttpClient): Promise<Map<string, number>> {
  let found = listed.get(client);
  if (!found) {
    found = client
      .request({ method: 'GET', path: '/annotations', query: { page: 0, size: 5000 } })
      .then((res) => new Map((Array.isArray(res.body) ? (res.body as { id?: unknown; name?: unknown }[]) : []).map((x) => [String(x.name), Number(x.id)])));
    found.catch(() => listed.delete(client));
    listed.set(client, found);
  }
  return found;
}

async function resolveRefs(body: Json, ctx: ResolveContext): Promise<Json> {
  const templates = new Map<string, number>();
  for (const [key, liveId] of ctx.known) if (liveId.startsWith(VOUCHERABLE)) templates.set(key, Number(liveId.slice(VOUCHERABLE.length)));
  const withTemplates = resolveVoucherableRefs(body, templates);
  if (withTemplates.missing.length > 0) {
    throw new ProviderError(`mobility: no live template for ${withTemplates.missing.join(', ')}`, {
      provider: 'mobility',
      hint: 'A code batch issues codes of a campaign planned on the same target: declare the campaign (labels.target: mobility).',
    });
  }
  return resolveTags(withTemplates.value, ctx);
}

async function resolveTags(body: Json, ctx: ResolveContext): Promise<Json> {
  const ids = new Map<string, number>();
  for (const [key, liveId] of ctx.known)
    if (key.startsWith('Tag/') && liveId.startsWith(ANNOTATION)) ids.set(key.slice(4), Number(liveId.slice(ANNOTATION.length)));
  let resolved = resolveTagRefs(body, ids);
  if (resolved.missing.length > 0) {
    for (const [name, id] of await annotationsOf(ctx.client)) if (!ids.has(name)) ids.set(name, id);
    resolved = resolveTagRefs(body, ids);
  }
  if (resolved.missing.length > 0) {
    throw new ProviderError(`mobility: tag${resolved.missing.length === 1 ? '' : 's'} ${resolved.missing.join(', ')} not found on the target`, {
      provider: 'mobility',
      hint: 'Declare the tags (kind Tag, labels.target: mobility) so apply creates them first, or create the annotations in the dashboard.',
    });
  }
  return resolved.value;
}

/** `Kind/name` of every `$tag` and `$voucherable` placeholder in a body. */
function references(body: Json): string[] {
  const out: string[] = [];
  const walk = (v: Json): void => {
    if (Array.isArray(v)) {
      for (const x of v as readonly Json[]) walk(x);
      return;
    }
    if (!v || typeof v !== 'object') return;
    const o = v as { readonly [k: string]: Json };
    if (typeof o.$tag === 'string') out.push(`Tag/${o.$tag}`);
    else if (typeof o.$voucherable === 'string') out.push(o.$voucherable);
    else for (const x of Object.values(o)) walk(x);
  };
  walk(body);
  return [...new Set(out)];
}

export const mobilityAdapter: ApiAdapter = {
  provider: 'mobility',
  calls: (a) => (a.kind === 'Tag' ? tagCalls(a) : a.kind === 'CodeBatch' ? batchCalls(a) : templateCalls(a)),
  createdId(kind, body) {
    const b = body as { id?: unknown; batchId?: unknown } | undefined;
    const id = kind === 'CodeBatch' ? b?.batchId : b?.id;
    if (typeof id !== 'number' && typeof id !== 'string') return undefined;
    return `${kind === 'Tag' ? ANNOTATION : kind === 'CodeBatch' ? BATCH : VOUCHERABLE}${String(id)}`;
  },
  pathId: (liveId) => encodeURIComponent(liveId.replace(/^(annotation|voucherable|batch):/, '')),
  resolveBody: resolveRefs,
  references,
};
