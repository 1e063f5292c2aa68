// How a promotion reads. `status` shows `expired` once an active promotion passes valid_to (no request
// changes it: it is derived from the clock); `derived_status` (copy responses) says more.
import { decimalStringToMinor, toDecimalString } from '../shared/money.js';
import type { Promotion } from './model.js';

export type ShownStatus = 'draft' | 'active' | 'archived' | 'expired';

export function shownStatus(p: Promotion, now: Date): ShownStatus {
  if (p.status === 'active' && p.valid_to != null && Date.parse(p.valid_to) <= now.getTime()) return 'expired';
  return p.status;
}

export function remainingBudgetMinor(p: Promotion, currency: string): number | null {
  if (p.max_budget == null) return null;
  return Math.max(0, (decimalStringToMinor(p.max_budget, currency) ?? 0) - (decimalStringToMinor(p.current_budget_used, currency) ?? 0));
}

export function derivedStatus(p: Promotion, now: Date, currency: string): string {
  const shown = shownStatus(p, now);
  if (shown !== 'active') return shown;
  if (p.valid_from != null && Date.parse(p.valid_from) > now.getTime()) return 'scheduled';
  if (remainingBudgetMinor(p, currency) === 0) return 'budget_exhausted';
  if (p.max_redemptions != null && p.current_redemptions >= p.max_redemptions) return 'redemptions_exhausted';
  return 'running';
}

export function presentPromotion(p: Promotion, now: Date, currency: string, derived = false): Record<string, unknown> {
  const body: Record<string, unknown> = {
    id: p.id,
    organization_id: p.organization_id,
    name: p.name,
    code: p.code ?? null,
    description: p.description ?? null,
    public_description: p.public_description ?? null,
    archetype: p.archetype,
    application_timing: p.application_timing,
    budget_behavior: p.budget_behavior,
    condition_mode: p.condition_mode,
    is_phased: p.is_phased,
    phases: p.phases ?? [],
    max_budget: p.max_budget ?? null,
    max_redemptions: p.max_redemptions ?? null,
    max_redemptions_per_customer: p.max_redemptions_per_customer ?? null,
    priority: p.priority,
    stackable: p.stackable,
    valid_from: p.valid_from ?? null,
    valid_to: p.valid_to ?? null,
    visibility: p.visibility,
    requires_continuous_coverage: (p.phases ?? []).some((ph) => ph.effects.some((e) => e.type === 'free_period')),
    status: shownStatus(p, now),
    version: p.version,
    head_version_id: p.head_version_id,
    current_budget_used: p.current_budget_used,
    current_redemptions: p.current_redemptions,
    created_at: p.created_at,
    updated_at: p.updated_at,
    published_at: p.published_at ?? null,
    published_by: p.published_by ?? null,
    archived_at: p.archived_at ?? null,
    deleted_at: p.deleted_at ?? null,
  };
  if (derived) {
    const remaining = remainingBudgetMinor(p, currency);
    body.derived_status = derivedStatus(p, now, currency);
    body.remaining_budget = remaining == null ? null : toDecimalString(remaining, currency);
    body.remaining_redemptions = p.max_redemptions == null ? null : Math.max(0, p.max_redemptions - p.current_redemptions);
  }
  return body;
}
