// Live EV billing objects → normalized resources. `raiseCode`/`raiseUserType` are also what `lower` uses to
// say what the API would hold, so both sides of the diff are read by the same function.
import { canonicalAmount, parseNumeric, type Json } from '../../model/canonical.js';
import { digestEach } from '../../model/digest-each.js';
import { normalizeFields } from '../../model/normalize.js';
import type { HttpClient } from '../http/client.js';
import { readNumberedPages } from '../http/paginate.js';
import { nameFromKey, splitMarker } from '../ownership.js';
import type { Counter, LiveObject, LiveRead, Normalized, ReadOptions } from '../provider.js';
import { EV_BASE, EV_MAX_LIMIT } from './client.js';

type Obj = Readonly<Record<string, unknown>>;

export function raiseCode(o: Obj): { normalized: Normalized; owner: ReturnType<typeof splitMarker>['owner'] } {
  const { text, owner } = splitMarker(o.description as string | null);
  const value = parseNumeric(o.discount_value);
  const currency = typeof o.currency === 'string' ? o.currency : undefined;
  const benefit: Json =
    o.discount_type === 'fixed' && currency ? { amountOff: { amount: canonicalAmount(value ?? 0, currency), currency } } : { percentOff: value ?? null };
  const code = String(o.code);
  const fields = normalizeFields({
    metadata: { description: text },
    spec: {
      code,
      status: 'active',
      window: { until: (o.expires_at as string | null) ?? null },
      limits: { redemptions: (o.max_uses as number | null) ?? null, perCustomer: (o.max_uses_per_user as number | null) ?? null },
      benefits: [benefit],
    },
  });
  return { normalized: { kind: 'Promotion', name: owner?.name ?? nameFromKey(code), key: code, fields }, owner };
}

export function raiseUserType(o: Obj): { normalized: Normalized; owner: ReturnType<typeof splitMarker>['owner'] } {
  const { text, owner } = splitMarker(o.description as string | null);
  const name = String(o.name);
  return { normalized: { kind: 'UserType', name, key: name, fields: normalizeFields({ spec: { description: text } }) }, owner };
}

function codeObject(o: Obj, fingerprint: string): LiveObject {
  const { normalized, owner } = raiseCode(o);
  const uses = typeof o.uses_count === 'number' ? o.uses_count : 0;
  const counters: Counter[] = [{ name: 'redemptions', value: uses, text: `${uses} redemption${uses === 1 ? '' : 's'} so far` }];
  if (o.active === false) counters.push({ name: 'active', value: 'false', text: 'no longer redeemable (max_uses reached or expires_at passed)' });
  return {
    id: String(o.code_id),
    normalized,
    ...(owner ? { owner } : {}),
    counters,
    liveRedemptions: uses,
    facts: { active: o.active !== false },
    fingerprint,
  };
}

function userTypeObject(o: Obj, fingerprint: string): LiveObject {
  const { normalized, owner } = raiseUserType(o);
  return { id: String(o.user_type_id), normalized, ...(owner ? { owner } : {}), counters: [], liveRedemptions: 0, facts: {}, fingerprint };
}

/**
 * Each page is raised as it arrives, while later pages are still in flight: raising after the last page
 * left the network idle and the CPU busy one after the other.
 */
async function list(
  client: HttpClient,
  path: string,
  plural: string,
  limit: number,
  raise: (o: Obj, fingerprint: string) => LiveObject,
  onRaised: ReadOptions['onRaised'],
): Promise<{ items: LiveObject[]; pages: number }> {
  return readNumberedPages(async (index) => {
    const res = await client.request({ method: 'GET', path, query: { limit, offset: index * limit } });
    const body = res.body as { total?: number } & Record<string, unknown>;
    const items = Array.isArray(body[plural]) ? (body[plural] as Obj[]) : [];
    const fingerprints = digestEach(items, 16);
    const raised = items.map((o, i) => raise(o, fingerprints[i]!));
    if (onRaised) for (const o of raised) onRaised(o);
    return {
      items: raised,
      totalPages: Math.ceil((typeof body.total === 'number' ? body.total : items.length) / limit),
    };
  });
}

export async function readEv(client: HttpClient, options: ReadOptions): Promise<LiveRead> {
  const limit = Math.min(options.pageSize ?? EV_MAX_LIMIT, EV_MAX_LIMIT);
  const [codes, types] = await Promise.all([
    list(client, `${EV_BASE}/promotional-codes`, 'promotional_codes', limit, codeObject, options.onRaised),
    list(client, `${EV_BASE}/user-types`, 'user_types', limit, userTypeObject, options.onRaised),
  ]);
  return { objects: [...codes.items, ...types.items], pages: codes.pages + types.pages };
}
