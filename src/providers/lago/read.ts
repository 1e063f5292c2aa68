// Live Lago coupons → normalized resources, with their applied coupons counted: whether a coupon was ever
// applied decides which fields Lago still lets change, and active applications are what a delete cuts off.
import { minorToAmount, parseNumeric, type Json } from '../../model/canonical.js';
import { digestEach } from '../../model/digest-each.js';
import { normalizeFields } from '../../model/normalize.js';
import type { HttpClient } from '../http/client.js';
import { readNumberedPages } from '../http/paginate.js';
import { nameFromKey, splitMarker } from '../ownership.js';
import type { Counter, LiveObject, LiveRead, Normalized, Ownership } from '../provider.js';

type Obj = Readonly<Record<string, unknown>>;

const list = (o: Obj, key: string, nested: string): string[] => {
  const direct = o[key];
  if (Array.isArray(direct)) return direct.map(String);
  const applies = o.applies_to as Obj | undefined;
  return Array.isArray(applies?.[nested]) ? (applies[nested] as unknown[]).map(String) : [];
};

/** A coupon as the API shows it, or a create/update body (`applies_to`), → promoc's vocabulary. */
export function raiseCoupon(o: Obj): { normalized: Normalized; owner?: Ownership } {
  const { text, owner } = splitMarker(o.description as string | null);
  const plans = list(o, 'plan_codes', 'plan_codes');
  const metrics = list(o, 'billable_metric_codes', 'billable_metric_codes');
  const appliesTo: Json = { plans, metrics };
  const benefit: Json =
    o.coupon_type === 'fixed_amount'
      ? {
          amountOff: { amount: minorToAmount(Number(o.amount_cents ?? 0), String(o.amount_currency ?? 'EUR')), currency: String(o.amount_currency ?? 'EUR') },
          appliesTo,
        }
      : { percentOff: parseNumeric(o.percentage_rate) ?? null, appliesTo };
  const code = String(o.code);
  const frequency = String(o.frequency ?? 'once');
  const fields = normalizeFields({
    metadata: { description: text },
    spec: {
      code,
      displayName: (o.name as string | null) ?? null,
      window: { until: o.expiration === 'time_limit' ? ((o.expiration_at as string | null) ?? null) : null },
      duration: { frequency, periods: frequency === 'recurring' ? ((o.frequency_duration as number | null) ?? null) : null },
      benefits: [benefit],
      providers: { lago: { reusable: o.reusable !== false } },
    },
  });
  return { normalized: { kind: 'Promotion', name: owner?.name ?? nameFromKey(code), key: code, fields }, ...(owner ? { owner } : {}) };
}

interface Applications {
  total: number;
  active: number;
}

/** A coupon raised as its page arrives; its applications are known only once every page is read. */
interface RaisedCoupon {
  readonly o: Obj;
  readonly normalized: Normalized;
  readonly owner?: Ownership;
  readonly fingerprint: string;
}

function raisedCoupons(page: readonly Obj[]): RaisedCoupon[] {
  const fingerprints = digestEach(page, 16);
  return page.map((o, i) => ({ o, ...raiseCoupon(o), fingerprint: fingerprints[i]! }));
}

function couponObject({ o, normalized, owner, fingerprint }: RaisedCoupon, applications: Applications | undefined): LiveObject {
  const apps = applications ?? { total: 0, active: 0 };
  const counters: Counter[] = [];
  if (apps.total > 0)
    counters.push({
      name: 'appliedCoupons',
      value: apps.total,
      text: `applied to customers ${apps.total} time${apps.total === 1 ? '' : 's'} (${apps.active} still active)`,
    });
  if (o.terminated_at) counters.push({ name: 'terminatedAt', value: String(o.terminated_at), text: `terminated or expired at ${String(o.terminated_at)}` });
  return {
    id: String(o.code),
    normalized,
    ...(owner ? { owner } : {}),
    counters,
    liveRedemptions: apps.active,
    facts: { applied: apps.total > 0, lagoId: String(o.lago_id ?? '') },
    fingerprint,
  };
}

/** Each page is raised as it arrives, while later pages are still in flight. */
async function pages<T>(
  client: HttpClient,
  path: string,
  root: string,
  perPage: number,
  raise: (page: readonly Obj[]) => readonly T[],
): Promise<{ items: T[]; pages: number }> {
  return readNumberedPages(async (index) => {
    const res = await client.request({ method: 'GET', path, query: { page: index + 1, per_page: perPage } });
    const body = res.body as Record<string, unknown> & { meta?: { total_pages?: number } };
    return { items: Array.isArray(body[root]) ? raise(body[root] as Obj[]) : [], totalPages: body.meta?.total_pages ?? 1 };
  });
}

const asIs = (page: readonly Obj[]): readonly Obj[] => page;

export async function readLago(client: HttpClient, options: { pageSize?: number }): Promise<LiveRead> {
  const perPage = options.pageSize ?? 100;
  const [coupons, applied] = await Promise.all([
    pages(client, '/coupons', 'coupons', perPage, raisedCoupons),
    pages(client, '/applied_coupons', 'applied_coupons', perPage, asIs),
  ]);
  const byCoupon = new Map<string, Applications>();
  for (const a of applied.items) {
    const id = String(a.lago_coupon_id ?? '');
    const entry = byCoupon.get(id) ?? { total: 0, active: 0 };
    entry.total += 1;
    if (a.status === 'active') entry.active += 1;
    byCoupon.set(id, entry);
  }
  return { objects: coupons.items.map((c) => couponObject(c, byCoupon.get(String(c.o.lago_id)))), pages: coupons.pages + applied.pages };
}
