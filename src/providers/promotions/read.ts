// Live promotions → normalized resources. The Default phase's conditions and effects become promoc's
// conditions, audience and benefits; `raisePromotion` also reads lower's payloads, so both sides of the diff
// go through the same function.
import { canonicalAmount, canonicalJson, digest, parseNumeric, type Json } from '../../model/canonical.js';
import { normalizeFields } from '../../model/normalize.js';
import type { HttpClient } from '../http/client.js';
import { readCursorPages } from '../http/paginate.js';
import { nameFromKey, splitMarker } from '../ownership.js';
import type { Counter, LiveObject, LiveRead, Normalized, Ownership } from '../provider.js';
import { PROMOTIONS_MAX_LIMIT } from './client.js';
import { append } from '../../model/append.js';

type Obj = Readonly<Record<string, unknown>>;

export const TIMING_OUT: Readonly<Record<string, string>> = { immediate: 'immediate', next_invoice: 'next_billing_period', renewal: 'renewal' };
export const BUDGET_OUT: Readonly<Record<string, string>> = { hard_cap: 'deactivate', soft_cap: 'notify' };
export const VISIBILITY_OUT: Readonly<Record<string, string>> = { public: 'public', private: 'hidden', internal: 'internal' };

function effectToBenefit(e: Obj): Json {
  switch (e.type) {
    case 'percent_discount':
      return { percentOff: parseNumeric(e.percent) ?? null };
    case 'fixed_discount':
      return { amountOff: money(e) };
    case 'credit_grant':
      return { credit: money(e) };
    case 'trial_extension':
      return { trialExtensionDays: (e.days as number) ?? null };
    case 'free_period':
      return { freePeriods: (e.periods as number) ?? null };
    default:
      return { [`unsupported:${String(e.type)}`]: e as Json };
  }
}

function money(o: Obj): Json {
  const currency = String(o.currency ?? 'EUR');
  return { amount: canonicalAmount(o.amount as string | number, currency), currency };
}

interface Raised {
  conditions: Record<string, Json>;
  audience: Record<string, Json>;
  plans: string[];
}

function raiseConditions(list: readonly Obj[], mode: string): Raised {
  const out: Raised = { conditions: {}, audience: {}, plans: [] };
  const attributes: Json[] = [];
  const usage: Json[] = [];
  const groupPlans: string[] = [];
  let folded = false;
  // Under ANY, first purchase and plans are alternatives of the group; under ALL they read as the audience
  // and the benefits' plan scope, as lower sends those.
  const any = mode === 'ANY';
  const once = (key: string, value: Json, c: Obj): void => {
    if (key in out.conditions) out.conditions[`unsupported:${String(c.type)}`] = c as Json;
    else out.conditions[key] = value;
  };
  for (const c of list) {
    if (c.type === 'minimum_spend') out.conditions.minimumSpend = money(c);
    else if (c.type === 'quantity_threshold') out.conditions.quantityAtLeast = (c.min_quantity as number) ?? null;
    else if (c.type === 'first_purchase' && any) out.conditions.firstPurchase = true;
    else if (c.type === 'first_purchase') out.audience.firstPurchaseOnly = true;
    else if (c.type === 'subscription_plan' && any) append(groupPlans, (c.plan_codes as string[] | undefined) ?? []);
    else if (c.type === 'subscription_plan') append(out.plans, (c.plan_codes as string[] | undefined) ?? []);
    else if (c.type === 'usage_threshold') usage.push({ metric: String(c.metric), atLeast: parseNumeric(c.threshold) ?? null });
    else if (c.type === 'product_combination') once('productCombination', ((c.product_ids as string[] | undefined) ?? []) as Json, c);
    else if (c.type === 'external_verification') once('externalVerification', { provider: String(c.provider) }, c);
    else if (c.type === 'customer_attribute' && (c.operator ?? 'eq') === 'eq') attributes.push({ attribute: String(c.attribute), equals: String(c.value) });
    else if (c.type === 'customer_attribute' && c.operator === 'in' && Array.isArray(c.value)) {
      // The inverse of lower's folding: "ANY of attribute = v" was sent as one `in` condition under ALL.
      for (const v of c.value) attributes.push({ attribute: String(c.attribute), equals: String(v) });
      folded = true;
    } else out.conditions[`unsupported:${String(c.type)}`] = c as Json;
  }
  if (attributes.length > 0) out.conditions.customerAttributes = attributes;
  if (usage.length > 0) out.conditions.usageThresholds = usage;
  if (groupPlans.length > 0) out.conditions.plans = groupPlans;
  const onlyAttributes = Object.keys(out.conditions).length === 1;
  if (folded && onlyAttributes && mode === 'ALL') out.conditions.mode = 'ANY';
  else if (mode !== 'ALL') out.conditions.mode = mode;
  return out;
}

export function raisePromotion(o: Obj, currency: string): { normalized: Normalized; owner?: Ownership } {
  const { text, owner } = splitMarker(o.description as string | null);
  const phases = Array.isArray(o.phases) ? (o.phases as Obj[]) : [];
  const phase = phases[0] ?? {};
  const raised = raiseConditions((phase.conditions as Obj[] | undefined) ?? [], String(o.condition_mode ?? 'ALL'));
  const appliesTo: Json = raised.plans.length > 0 ? { plans: raised.plans } : null;
  const benefitsOf = (ph: Obj): Json[] =>
    ((ph.effects as Obj[] | undefined) ?? []).map((e) => ({ ...(effectToBenefit(e) as Record<string, Json>), appliesTo }));
  const benefits = benefitsOf(phase);
  // A ladder's first phase is spec.benefits, the others its steps. Every phase carries the same conditions as
  // lower sends them; a step whose conditions differ (written elsewhere) shows as such rather than being lost.
  const same = canonicalJson((phase.conditions as Json | undefined) ?? []);
  const ladder: Json =
    o.is_phased === true || o.archetype === 'loyalty_ladder' || o.archetype === 'growth_ladder'
      ? {
          archetype: String(o.archetype ?? 'standard'),
          firstStep: String(phase.name ?? ''),
          steps: phases.slice(1).map((ph) => ({
            name: String(ph.name ?? ''),
            benefits: benefitsOf(ph),
            ...(canonicalJson((ph.conditions as Json | undefined) ?? []) === same
              ? {}
              : { 'unsupported:conditions': (ph.conditions as Json | undefined) ?? [] }),
          })),
        }
      : null;
  const status = o.status === 'draft' || o.status === 'archived' ? 'inactive' : o.status === undefined ? 'inactive' : 'active';
  const code = typeof o.code === 'string' ? o.code : null;
  const name = String(o.name ?? '');
  const fields = normalizeFields({
    metadata: { description: text },
    spec: {
      code,
      status,
      displayName: name,
      publicDescription: (o.public_description as string | null) ?? null,
      window: { from: (o.valid_from as string | null) ?? null, until: (o.valid_to as string | null) ?? null },
      limits: {
        redemptions: (o.max_redemptions as number | null) ?? null,
        perCustomer: (o.max_redemptions_per_customer as number | null) ?? null,
        budget: typeof o.max_budget === 'string' || typeof o.max_budget === 'number' ? { amount: String(o.max_budget), currency } : null,
      },
      audience: raised.audience,
      conditions: raised.conditions,
      benefits,
      stacking: { stackable: o.stackable === true, priority: (o.priority as number | undefined) ?? 0 },
      ladder,
      visibility: VISIBILITY_OUT[String(o.visibility)] ?? String(o.visibility ?? 'public'),
      providers: {
        promotions: {
          applicationTiming: TIMING_OUT[String(o.application_timing)] ?? String(o.application_timing ?? 'next_invoice'),
          budgetBehavior: BUDGET_OUT[String(o.budget_behavior)] ?? String(o.budget_behavior ?? 'hard_cap'),
        },
      },
    },
  });
  const key = code ?? owner?.name ?? nameFromKey(name);
  return { normalized: { kind: 'Promotion', name: owner?.name ?? nameFromKey(code ?? name), key, fields }, ...(owner ? { owner } : {}) };
}

function promotionObject(o: Obj, currency: string): LiveObject {
  const { normalized, owner } = raisePromotion(o, currency);
  const used = Number(o.current_redemptions ?? 0);
  const counters: Counter[] = [{ name: 'redemptions', value: used, text: `${used} redemption${used === 1 ? '' : 's'} so far` }];
  if (o.current_budget_used !== undefined && o.max_budget != null)
    counters.push({
      name: 'budgetUsed',
      value: String(o.current_budget_used),
      text: `${String(o.current_budget_used)} of the ${String(o.max_budget)} budget used`,
    });
  if (o.status === 'expired') counters.push({ name: 'status', value: 'expired', text: 'expired: valid_to has passed' });
  if (o.status === 'archived') counters.push({ name: 'status', value: 'archived', text: `archived${o.archived_at ? ` at ${String(o.archived_at)}` : ''}` });
  const status = String(o.status ?? 'draft');
  return {
    id: String(o.id),
    normalized,
    ...(owner ? { owner } : {}),
    counters,
    liveRedemptions: used,
    facts: { status, retired: status === 'archived', ...(status === 'archived' && typeof o.archived_at === 'string' ? { retiredAt: o.archived_at } : {}) },
    ...(typeof o.version === 'number' ? { version: o.version } : {}),
    fingerprint: digest(o, 16),
  };
}

export async function readPromotions(client: HttpClient, options: { pageSize?: number; currency?: string }): Promise<LiveRead> {
  const limit = Math.min(options.pageSize ?? PROMOTIONS_MAX_LIMIT, PROMOTIONS_MAX_LIMIT);
  const read = await readCursorPages<Obj>(async (cursor) => {
    const res = await client.request({ method: 'GET', path: '/promotions', query: { limit, sort: 'created_at', ...(cursor ? { cursor } : {}) } });
    const body = res.body as { data?: Obj[]; pagination?: { cursor?: string | null; has_more?: boolean } };
    return { items: body.data ?? [], next: body.pagination?.has_more && body.pagination.cursor ? body.pagination.cursor : undefined };
  });
  return { objects: read.items.map((o) => promotionObject(o, options.currency ?? 'EUR')), pages: read.pages };
}

/**
 * The newest scheduled version of a promotion (effective_at still ahead), read from its version list and
 * snapshot: its effective instant and the digest in promoc's marker, which says whether it holds what git says.
 */
export async function readScheduledVersion(client: HttpClient, liveId: string): Promise<LiveObject['scheduled']> {
  const pending = await newestVersion(client, liveId, 'scheduled');
  if (!pending || typeof pending.version.effective_from !== 'string') return undefined;
  return { at: pending.version.effective_from, ...(pending.digest ? { digest: pending.digest } : {}) };
}

/** The newest draft version prepared beside an active promotion's live fields (save_as_draft), and promoc's digest in it. */
export async function readDraftVersion(client: HttpClient, liveId: string): Promise<LiveObject['draft']> {
  const pending = await newestVersion(client, liveId, 'draft');
  return pending ? { ...(pending.digest ? { digest: pending.digest } : {}) } : undefined;
}

async function newestVersion(client: HttpClient, liveId: string, status: 'scheduled' | 'draft'): Promise<{ version: Obj; digest?: string } | undefined> {
  const id = encodeURIComponent(liveId);
  const list = await client.request({ method: 'GET', path: `/promotions/${id}/versions`, query: { status } });
  const versions = ((list.body as { data?: Obj[] }).data ?? []).filter((v) => v.status === status && typeof v.version === 'number');
  const newest = versions.sort((a, b) => (b.version as number) - (a.version as number))[0];
  if (!newest) return undefined;
  const snap = await client.request({ method: 'GET', path: `/promotions/${id}/versions/${String(newest.version)}` });
  const { owner } = splitMarker(((snap.body as { data?: Obj }).data?.description as string | null | undefined) ?? null);
  return { version: newest, ...(owner?.digest ? { digest: owner.digest } : {}) };
}
