// The API's own verdict on a promotion for one customer: the eligibility preview (eligible, and why not) and a
// simulated invoice for the month from `at` (what it takes off, what it credits). Neither persists anything.
import type { HttpClient } from '../http/client.js';
import type { ApiVerdict, VerdictProbe } from '../provider.js';

const MONTH_MS = 30 * 24 * 3600 * 1000;

export async function promotionVerdict(client: HttpClient, liveId: string, probe: VerdictProbe): Promise<ApiVerdict> {
  const who = { customer_id: probe.customer, ...(probe.subscription ? { subscription_id: probe.subscription } : {}) };
  const preview = await client.request({
    method: 'POST',
    path: `/promotions/${encodeURIComponent(liveId)}/eligibility-preview`,
    body: { ...who, at: probe.at },
  });
  const p = (preview.body as { data?: { eligible?: unknown; reason?: unknown } }).data ?? {};
  const eligible = p.eligible === true;
  const reason = typeof p.reason === 'string' ? p.reason : undefined;
  if (!eligible) return { eligible, ...(reason ? { reason } : {}) };
  const end = new Date(Date.parse(probe.at) + MONTH_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const sim = await client.request({
    method: 'POST',
    path: '/promotions/simulate',
    body: { ...who, billing_period_start: probe.at, billing_period_end: end, promotion_ids: [liveId] },
  });
  const s = (sim.body as { data?: { discount_total?: unknown; credits_granted?: unknown; currency?: unknown } }).data ?? {};
  return {
    eligible,
    ...(typeof s.discount_total === 'string' ? { discount: s.discount_total } : {}),
    ...(typeof s.credits_granted === 'string' ? { credit: s.credits_granted } : {}),
    ...(typeof s.currency === 'string' ? { currency: s.currency } : {}),
  };
}
