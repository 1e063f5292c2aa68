// CodeBatch → single-use constraint vouchers (`POST /vouchers/redeemable/constraint`), or, with `usesPerCode`,
// multi-use redeemable vouchers (`POST /vouchers/redeemable` with `redeemLimitPerCode`): both issue the codes
// of a template; `GET /vouchers/redeemable/summary` lists every batch with its settings and counts. A batch is
// create-only: nothing changes or removes one (codes can only be canceled one by one), so a larger count is
// an additional batch of the difference and anything else is blocked with the reason.
//
// Ownership: the batch's `description` (an internal note, max 500) carries promoc's marker. The batches of
// one CodeBatch (the first and any additional ones) are read back as one object whose count is their sum.
import type { ResourceOf } from '../../model/resource.js';
import { digest, type Json } from '../../model/canonical.js';
import { normalizeFields } from '../../model/normalize.js';
import { issueAt, unsupportedFields, type FieldRules } from '../lowering.js';
import { MARKER_MAX_LENGTH, nameFromKey, splitMarker } from '../ownership.js';
import type { Counter, KindCapability, LiveObject, LowerIssue, LowerResult, Normalized, Ownership } from '../provider.js';

type Obj = Readonly<Record<string, unknown>>;

/** The API issues at most this many codes per request; apply splits larger batches (`codeBatchRequests`). */
export const MAX_CODES_PER_REQUEST = 5000;
const DEFAULT_LENGTH = 12;
const DESCRIPTION_MAX = 500;

const RULES: FieldRules = {
  apiName: 'a code batch',
  allowed: ['spec.campaign', 'spec.count', 'spec.prefix', 'spec.length', 'spec.validForDays', 'spec.usesPerCode'],
  native: { 'spec.status': (v) => v === 'active' },
  reasons: { 'spec.status': 'single-use codes can be redeemed as soon as they are issued: a batch has no inactive state' },
  hints: { 'spec.status': 'Keep the CodeBatch out of the repository until its codes should be issued (status: active is what the API does).' },
};

export function lowerCodeBatch(r: ResourceOf<'CodeBatch'>): LowerResult {
  const issues: LowerIssue[] = [...unsupportedFields(r, RULES)];
  const s = r.spec;
  const prefix = s.prefix ?? '';
  const length = s.length ?? DEFAULT_LENGTH;
  const codeLength = length - prefix.length;
  const at = (path: (string | number)[], message: string, hint: string): void => {
    issues.push(issueAt(path, path.join('.'), { ...RULES, hints: { [path.join('.')]: hint } }, message));
  };
  if (prefix.length > 10)
    at(['spec', 'prefix'], `the API takes a prefix of at most 10 characters ("${prefix}" has ${prefix.length})`, 'Shorten the prefix to 10 characters.');
  else if (codeLength < 6 || codeLength > 20)
    at(
      ['spec', 'length'],
      `the API generates 6–20 characters after the prefix; length ${length} with prefix "${prefix}" leaves ${codeLength}`,
      `Use a length from ${prefix.length + 6} to ${prefix.length + 20}.`,
    );
  if ((r.metadata.description?.length ?? 0) + MARKER_MAX_LENGTH > DESCRIPTION_MAX)
    at(
      ['metadata', 'description'],
      "a batch description holds 500 characters including promoc's ownership marker",
      `Shorten metadata.description to ${DESCRIPTION_MAX - MARKER_MAX_LENGTH} characters.`,
    );
  if (issues.length > 0) return { ok: false, issues };
  const payload: Record<string, Json> = {
    voucherableId: { $voucherable: `Promotion/${s.campaign}` },
    quantity: s.count,
    prefix: prefix === '' ? null : prefix,
    codeLength,
    validityDays: s.validForDays ?? null,
    // Present only on multi-use batches: it also picks the endpoint (batchPath).
    ...(s.usesPerCode !== undefined ? { redeemLimitPerCode: s.usesPerCode } : {}),
    description: r.metadata.description ?? null,
  };
  return { ok: true, value: { payload, normalized: { ...raiseCodeBatch(payload, s.campaign), name: r.metadata.name, key: r.metadata.name } } };
}

/** A batch body (or the summary's view of one) → promoc's CodeBatch fields. The description is a note: not compared. */
export function raiseCodeBatch(b: Obj, campaign: string): Normalized {
  const prefix = typeof b.prefix === 'string' ? b.prefix : '';
  const codeLength = typeof b.codeLength === 'number' ? b.codeLength : 8;
  const multiUse = b.type === 'REDEEMABLE' || (b.type === undefined && typeof b.redeemLimitPerCode === 'number');
  const fields = normalizeFields({
    spec: {
      campaign,
      count: Number(b.quantity ?? 0),
      prefix: prefix === '' ? null : prefix,
      length: prefix.length + codeLength,
      validForDays: typeof b.validityDays === 'number' ? b.validityDays : null,
      usesPerCode: multiUse ? Number(b.redeemLimitPerCode ?? 1) : null,
    },
  });
  return { kind: 'CodeBatch', name: campaign, key: campaign, fields };
}

const count = (n: Normalized): number => Number((n.fields.spec as { count?: unknown } | undefined)?.count ?? 0);
const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** The constraint batches of the summary, one live object per CodeBatch (its batches summed). */
export function codeBatchObjects(batches: readonly Obj[], campaignOf: (voucherableId: number) => string): LiveObject[] {
  const groups = new Map<string, { owner?: Ownership; items: Obj[] }>();
  for (const b of batches) {
    if (b.type !== 'CONSTRAINT' && b.type !== 'REDEEMABLE') continue;
    const { owner } = splitMarker(b.description as string | null);
    const mine = owner?.kind === 'CodeBatch' ? owner : undefined;
    const name = mine?.name ?? nameFromKey(`batch ${String(b.batchId)}`);
    const group = groups.get(name) ?? { items: [] };
    group.items.push(b);
    if (mine) group.owner = mine; // items arrive oldest first: the latest marker (the last digest written) wins
    groups.set(name, group);
  }
  return [...groups.entries()].map(([name, { owner, items }]) => {
    const first = items[0]!;
    const quantity = items.reduce((n, b) => n + Number(b.quantity ?? 0), 0);
    const raised = raiseCodeBatch({ ...first, quantity }, campaignOf(Number(first.voucherableId)));
    const redeemed = items.reduce((n, b) => n + Number(b.redeemed ?? 0), 0);
    const waiting = items.reduce((n, b) => n + Number(b.notRedeemed ?? 0), 0);
    const counters: Counter[] = [
      {
        name: 'codes',
        value: quantity,
        text:
          `${plural(quantity, 'code')} issued in ${items.length} batch${items.length === 1 ? '' : 'es'}: ` +
          `${redeemed.toLocaleString('en-US')} redeemed, ${waiting.toLocaleString('en-US')} not redeemed yet`,
      },
    ];
    // Counts move with every redemption; only how the batches were issued makes a saved plan stale.
    const settings = items.map(({ total: _t, redeemed: _r, notRedeemed: _n, canceled: _c, expired: _e, ...rest }) => rest);
    return {
      id: `batch:${items.map((b) => String(b.batchId)).join(',')}`,
      normalized: { ...raised, name, key: name },
      ...(owner ? { owner } : {}),
      counters,
      liveRedemptions: redeemed,
      facts: { batchIds: items.map((b) => String(b.batchId)) },
      fingerprint: digest(settings, 16),
    };
  });
}

export const codeBatchCapability: KindCapability = {
  apiObject: 'code batch (redeemable vouchers: single-use constraint, or multi-use)',
  naturalKey: 'name',
  update: false,
  delete: false,
  activate: false,
  immutable: () =>
    ['spec.campaign', 'spec.prefix', 'spec.length', 'spec.validForDays', 'spec.usesPerCode'].map((path) => ({
      path,
      reason:
        'issued codes keep the template, prefix, length, validity and uses per code they were ' +
        'issued with: a batch is create-only (declare a new CodeBatch for codes issued differently)',
    })),
  replacement: () => undefined,
  additional(live, desired) {
    const issued = count(live.normalized);
    const wanted = count(desired.normalized);
    if (wanted > issued) {
      return {
        payload: { ...desired.payload, quantity: wanted - issued },
        reason:
          `issues an additional batch of ${plural(wanted - issued, 'code')}: ` + `${issued.toLocaleString('en-US')} were issued before and a batch cannot grow`,
      };
    }
    if (wanted < issued) {
      return (
        `${plural(issued, 'code')} are already issued and a batch cannot shrink; promoc never ` +
        `withdraws codes. Cancel unredeemed codes with POST /vouchers/constraint-vouchers/{id}/cancel ` +
        `if they must stop working, and set spec.count back to ${issued}`
      );
    }
    return undefined;
  },
  sameBinding: (r) => [{ path: ['spec', 'campaign'], ref: `Promotion/${(r as ResourceOf<'CodeBatch'>).spec.campaign}` }],
  noUpdateReason:
    'a code batch is create-only: issued codes keep the template, prefix, length, validity and uses per code they ' +
    'were issued with, and the API can only issue more (declare a new CodeBatch for codes issued differently)',
  noDeleteReason:
    'the mobility API cannot delete a code batch; cancel its unredeemed codes (POST /vouchers/constraint-vouchers/{id}/cancel) if they must stop working',
};

/** Multi-use codes (a body with `redeemLimitPerCode`) are redeemable vouchers; single-use ones constraint vouchers. */
export function batchPath(body: { readonly [k: string]: Json }): string {
  return body.redeemLimitPerCode != null ? '/vouchers/redeemable' : '/vouchers/redeemable/constraint';
}

/** The requests that issue a batch body: the API takes at most 5,000 codes per request. */
export function codeBatchRequests(body: { readonly [k: string]: Json }): { readonly [k: string]: Json }[] {
  const total = Number(body.quantity ?? 0);
  const out: { readonly [k: string]: Json }[] = [];
  for (let done = 0; done < total; done += MAX_CODES_PER_REQUEST) out.push({ ...body, quantity: Math.min(MAX_CODES_PER_REQUEST, total - done) });
  return out;
}
