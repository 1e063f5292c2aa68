// Promotion lifecycle: create makes a draft; only /activate (draft → active) and /deactivate
// (active → archived) change status; copy clones any promotion into a new draft.
import { FieldReader, isRecord } from '../shared/input.js';
import { isoSeconds } from '../shared/iso-time.js';
import { toDecimalString } from '../shared/money.js';
import { fail, ok, type Outcome } from '../shared/outcome.js';
import { randomUuid, type Random } from '../shared/random.js';
import { activationIssues, defaultContent, readContent } from './content.js';
import { contentOf, type Content, type Promotion, type PromotionsTenant } from './model.js';
import { shownStatus } from './present.js';
import { fromIssues, invalidState, notFound, problem, validation, type Problem } from './problems.js';
import { archivePromotion, publish, recordVersion } from './versions.js';

export interface OpContext {
  readonly tenant: PromotionsTenant;
  readonly organization: string;
  readonly currency: string;
  readonly now: Date;
  readonly random: Random;
  readonly actor: string;
}

export function findPromotion(ctx: OpContext, id: string): Outcome<Promotion, Problem> {
  const p = ctx.tenant.promotions[id];
  return p && p.deleted_at == null ? ok(p) : fail(notFound('promotion', id));
}

/** A non-phased promotion always shows one "Default" phase. */
export function withDefaultPhase(content: Content, random: Random): Content {
  if (!content.is_phased && content.phases.length === 0)
    content.phases = [{ id: randomUuid(random), name: 'Default', sequence: 1, conditions: [], effects: [] }];
  return content;
}

/** Codes are unique among live (active, not expired) promotions, compared case-insensitively. */
export function codeConflict(ctx: OpContext, code: string | null, exceptId: string): Problem | undefined {
  if (!code) return undefined;
  const clash = Object.values(ctx.tenant.promotions).find(
    (p) => p.id !== exceptId && p.deleted_at == null && shownStatus(p, ctx.now) === 'active' && p.code?.toLowerCase() === code.toLowerCase(),
  );
  return clash
    ? problem(409, 'CODE_CONFLICT', 'Code already in use', `The active promotion ${clash.id} already uses code "${code}"; archive it first.`, {
        conflicting_promotion_id: clash.id,
      })
    : undefined;
}

function newDraft(ctx: OpContext, content: Content): Promotion {
  const at = isoSeconds(ctx.now);
  const p: Promotion = {
    ...content,
    id: randomUuid(ctx.random),
    organization_id: ctx.organization,
    status: 'draft',
    version: 1,
    head_version_id: '',
    current_budget_used: toDecimalString(0, ctx.currency),
    current_redemptions: 0,
    created_at: at,
    updated_at: at,
    published_at: null,
    published_by: null,
    archived_at: null,
    deleted_at: null,
  };
  ctx.tenant.promotions[p.id] = p;
  recordVersion(ctx.tenant, p, content, { status: 'draft', strategy: 'draft', effectiveFrom: null }, ctx.now, ctx.actor, ctx.random);
  return p;
}

export function createPromotion(ctx: OpContext, body: unknown): Outcome<Promotion, Problem> {
  const r = new FieldReader(body);
  const content = readContent(r, defaultContent(), ctx.currency, ctx.random, true);
  if (r.issues.length > 0) return fail(fromIssues(r.issues));
  return ok(newDraft(ctx, withDefaultPhase(content, ctx.random)));
}

export function activatePromotion(ctx: OpContext, id: string): Outcome<Promotion, Problem> {
  const found = findPromotion(ctx, id);
  if (!found.ok) return found;
  const p = found.value;
  if (p.status !== 'draft') return fail(invalidState(`Only a draft can be activated; this promotion is ${shownStatus(p, ctx.now)}.`, shownStatus(p, ctx.now)));
  const issues = activationIssues(p, ctx.now);
  if (issues.length > 0) return fail(validation(issues, 'The promotion cannot be activated as it is.'));
  const clash = codeConflict(ctx, p.code, p.id);
  if (clash) return fail(clash);
  const head = ctx.tenant.versions[p.head_version_id];
  p.status = 'active';
  if (head) publish(ctx.tenant, p, head, ctx.now, ctx.actor);
  return ok(p);
}

export function deactivatePromotion(ctx: OpContext, id: string): Outcome<Promotion, Problem> {
  const found = findPromotion(ctx, id);
  if (!found.ok) return found;
  const p = found.value;
  if (p.status !== 'active') return fail(invalidState(`Only an active promotion can be deactivated; this promotion is ${p.status}.`, p.status));
  archivePromotion(ctx.tenant, p, ctx.now, 'deactivated');
  return ok(p);
}

/** POST /promotions/{id}/copy: any status → a new draft; the body may override code, name, valid_from, valid_to. */
export function copyPromotion(ctx: OpContext, id: string, body: unknown): Outcome<Promotion, Problem> {
  const found = findPromotion(ctx, id);
  if (!found.ok) return found;
  const allowed = ['code', 'name', 'valid_from', 'valid_to'];
  const overrides = isRecord(body) ? Object.fromEntries(Object.entries(body).filter(([k]) => allowed.includes(k))) : (body ?? {});
  const base = contentOf(found.value);
  base.name = `${base.name} (copy)`.slice(0, 200);
  base.phases = base.phases.map((ph) => ({ ...ph, id: randomUuid(ctx.random) }));
  const r = new FieldReader(overrides);
  const content = readContent(r, base, ctx.currency, ctx.random, false);
  if (r.issues.length > 0) return fail(fromIssues(r.issues));
  return ok(newDraft(ctx, content));
}
