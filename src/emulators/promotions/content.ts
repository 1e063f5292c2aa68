// Reading and checking the editable fields of a promotion, for create, update and copy.
import { FieldReader } from '../shared/input.js';
import { isoSeconds } from '../shared/iso-time.js';
import { decimalStringToMinor } from '../shared/money.js';
import type { Random } from '../shared/random.js';
import type { ApplicationTiming, Archetype, BudgetBehavior, ConditionMode, Content, Visibility } from './model.js';
import { readPhases } from './phases.js';

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{2,49}$/;

export function defaultContent(): Content {
  return {
    name: '',
    code: null,
    description: null,
    public_description: null,
    archetype: 'standard',
    application_timing: 'next_invoice',
    budget_behavior: 'hard_cap',
    condition_mode: 'ALL',
    is_phased: false,
    phases: [],
    max_budget: null,
    max_redemptions: null,
    max_redemptions_per_customer: null,
    priority: 0,
    stackable: false,
    valid_from: null,
    valid_to: null,
    visibility: 'public',
  };
}

/**
 * Overlays the fields present in `r` on `base` and checks the result. Fields absent from the body keep their
 * value; null clears an optional field. Issues accumulate on `r`.
 */
export function readContent(r: FieldReader, base: Content, currency: string, random: Random, creating: boolean): Content {
  const next = structuredClone(base);
  const set = <K extends keyof Content>(key: K, value: Content[K] | null | undefined, nullable: boolean): void => {
    if (value === undefined) return;
    if (value === null && !nullable) return;
    next[key] = value as Content[K];
  };
  set('name', r.string('name', { required: creating, maxLength: 200 }), false);
  set('code', r.string('code', { pattern: CODE_PATTERN, patternHint: 'use 3–50 letters, digits, "-" or "_"' }), true);
  set('description', r.string('description', { maxLength: 2000 }), true);
  set('public_description', r.string('public_description', { maxLength: 500 }), true);
  set('archetype', r.oneOf<Archetype>('archetype', ['standard', 'loyalty_ladder', 'growth_ladder']), false);
  set('application_timing', r.oneOf<ApplicationTiming>('application_timing', ['immediate', 'next_invoice', 'renewal']), false);
  set('budget_behavior', r.oneOf<BudgetBehavior>('budget_behavior', ['hard_cap', 'soft_cap']), false);
  set('condition_mode', r.oneOf<ConditionMode>('condition_mode', ['ALL', 'ANY']), false);
  set('is_phased', r.boolean('is_phased'), false);
  set('phases', readPhases(r, random), false);
  const budget = r.source.max_budget;
  if (budget === null) next.max_budget = null;
  else if (budget !== undefined) {
    const text = typeof budget === 'number' ? String(budget) : typeof budget === 'string' ? budget : '';
    const minor = decimalStringToMinor(text, currency);
    if (minor === undefined || minor <= 0)
      r.add('max_budget', 'invalid', `max_budget ${JSON.stringify(budget)} must be a positive decimal amount in ${currency}`);
    else next.max_budget = text;
  }
  set('max_redemptions', r.number('max_redemptions', { integer: true, min: 1 }), true);
  set('max_redemptions_per_customer', r.number('max_redemptions_per_customer', { integer: true, min: 1 }), true);
  set('priority', r.number('priority', { integer: true, min: 0, max: 1000 }), false);
  set('stackable', r.boolean('stackable'), false);
  const from = r.dateTime('valid_from');
  const to = r.dateTime('valid_to');
  set('valid_from', from === undefined ? undefined : from && isoSeconds(from), true);
  set('valid_to', to === undefined ? undefined : to && isoSeconds(to), true);
  set('visibility', r.oneOf<Visibility>('visibility', ['public', 'private', 'internal']), false);
  checkShape(r, next);
  return next;
}

function checkShape(r: FieldReader, c: Content): void {
  if (c.valid_from && c.valid_to && Date.parse(c.valid_to) <= Date.parse(c.valid_from)) r.add('valid_to', 'out_of_range', 'valid_to must be after valid_from');
  const ladder = c.archetype === 'loyalty_ladder' || c.archetype === 'growth_ladder';
  if (ladder && !c.is_phased) r.add('is_phased', 'invalid', `is_phased must be true for the ${c.archetype} archetype`);
  if (ladder && c.phases.length < 2) r.add('phases', 'required', `phases (at least two) are required when archetype is ${c.archetype}`);
  if (!c.is_phased && c.phases.length > 1) r.add('phases', 'invalid', 'a promotion that is not phased has a single Default phase; set is_phased=true for more');
  if (c.max_redemptions != null && c.max_redemptions_per_customer != null && c.max_redemptions_per_customer > c.max_redemptions) {
    r.add('max_redemptions_per_customer', 'out_of_range', 'max_redemptions_per_customer cannot exceed max_redemptions');
  }
}

/** What activation requires beyond a valid shape. */
export function activationIssues(c: Content, now: Date): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  if (!c.phases.some((p) => p.effects.length > 0)) issues.push({ field: 'phases', message: 'an active promotion needs at least one effect' });
  if (c.valid_to && Date.parse(c.valid_to) <= now.getTime()) issues.push({ field: 'valid_to', message: 'valid_to is in the past' });
  return issues;
}
