// Live Lago coupons → normalized resources, with their applied coupons counted: whether a coupon was ever
// applied decides which fields Lago still lets change, and active applications are what a delete cuts off.
import { minorToAmount, parseNumeric, type Json } from '../../model/canonical.js';
import { append } from '../../model/append.js';
import { digestEach } from '../../model/digest-each.js';
import { normalizeFields } from '../../model/normalize.js';
import type { HttpClient } from '../http/client.js';
import { readNumberedPages } from '../http/paginate.js';
import { nameFromKey, splitMarker } from '../ownership.js';
import type { Counter, LiveObject, LiveRead, Normalized, Ownership, ReadOptions } from '../provider.js';

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

/**
 * A page of coupons as live objects. A coupon's counters need its applications, so pages are raised once those
 * are read (they are read beside the coupons); the raw coupon is not kept past its page.
 */
function raisedCoupons(page: readonly Obj[], byCoupon: ReadonlyMap<string, Applications>, onRaised: ReadOptions['onRaised']): LiveObject[] {
  const fingerprints = digestEach(page, 16);
  const raised = page.map((o, i) => couponObject(o, fingerprints[i]!, byCoupon.get(String(o.lago_id))));
  if (onRaised) for (const c of raised) onRaised(c);
  return raised;
}

function couponObject(o: Obj, fingerprint: string, applications: Applications | undefined): LiveObject {
  const { normalized, owner } = raiseCoupon(o);
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

/** Each page is handed to `take` as it arrives, while later pages are still in flight. */
async function pages(client: HttpClient, path: string, root: string, perPage: number, take: (page: readonly Obj[], index: number) => void): Promise<number> {
  const read = await readNumberedPages(async (index) => {
    const res = await client.request({ method: 'GET', path, query: { page: index + 1, per_page: perPage } });
    const body = res.body as Record<string, unknown> & { meta?: { total_pages?: number } };
    if (Array.isArray(body[root])) take(body[root] as Obj[], index);
    return { items: [], totalPages: body.meta?.total_pages ?? 1 };
  });
  return read.pages;
}

export async function readLago(client: HttpClient, options: ReadOptions): Promise<LiveRead> {
  const perPage = options.pageSize ?? 100;
  const byCoupon = new Map<string, Applications>();
  // Pages by index, each raised once every application is counted (usually before the second round of pages).
  // The coupons are asked for first, as they always were.
  const raised: Promise<LiveObject[]>[] = [];
  let counted: Promise<number> | undefined;
  const coupons = pages(client, '/coupons', 'coupons', perPage, (page, index) => {
    // A page is taken once its request has answered, after `counted` was set below.
    const objects = counted!.then(() => raisedCoupons(page, byCoupon, options.onRaised));
    // Awaited below unless a read fails first: its rejection is then the one reported, not this one.
    objects.catch(() => undefined);
    raised[index] = objects;
  });
  counted = pages(client, '/applied_coupons', 'applied_coupons', perPage, (page) => {
    for (const a of page) {
      const id = String(a.lago_coupon_id ?? '');
      const entry = byCoupon.get(id) ?? { total: 0, active: 0 };
      entry.total += 1;
      if (a.status === 'active') entry.active += 1;
      byCoupon.set(id, entry);
    }
  });
  // Awaited in order, not raced: when both reads fail, the coupons' failure is the one reported, whichever
  // answered first.
  counted.catch(() => undefined);
  const couponPages = await coupons;
  const appliedPages = await counted;
  const objects: LiveObject[] = [];
  for (const page of await Promise.all(raised)) append(objects, page ?? []);
  return { objects, pages: couponPages + appliedPages };
}
