// Updating a promotion (ADR-0006 "edit-as-publish"): `expected_version` guards every update (409 with both
// versions); a draft is edited in place; on an active promotion an update publishes a new version at once,
// or is kept as a draft version (`save_as_draft`), or is scheduled (`effective_at` in the future).
import { FieldReader } from '../shared/input.js';
import { isoSeconds } from '../shared/iso-time.js';
import { fail, ok, type Outcome } from '../shared/outcome.js';
import { activationIssues, readContent } from './content.js';
import { codeConflict, findPromotion, withDefaultPhase, type OpContext } from './lifecycle.js';
import { contentOf, type Promotion } from './model.js';
import { shownStatus } from './present.js';
import { fromIssues, invalidState, validation, versionConflict, type Problem } from './problems.js';
import { publish, recordVersion, supersede } from './versions.js';

export function updatePromotion(ctx: OpContext, id: string, body: unknown): Outcome<Promotion, Problem> {
  const found = findPromotion(ctx, id);
  if (!found.ok) return found;
  const p = found.value;
  const r = new FieldReader(body);
  const expected = r.number('expected_version', { integer: true, min: 1 });
  const saveAsDraft = r.boolean('save_as_draft') ?? false;
  const effectiveAt = r.dateTime('effective_at');
  if (r.issues.length > 0) return fail(fromIssues(r.issues));
  if (expected != null && expected !== p.version) return fail(versionConflict(expected, p.version));
  const status = shownStatus(p, ctx.now);
  if (p.status === 'archived') return fail(invalidState('An archived promotion is read-only; copy it as a new draft instead.', status));
  if (p.status !== 'draft' && r.has('phases'))
    return fail(validation([{ field: 'phases', message: 'phases are a full replacement and can only be changed while the promotion is a draft' }]));
  if (p.status === 'draft' && effectiveAt)
    return fail(validation([{ field: 'effective_at', message: 'effective_at schedules a new version of an active promotion; a draft is edited in place' }]));
  const next = withDefaultPhase(readContent(r, contentOf(p), ctx.currency, ctx.random, false), ctx.random);
  if (r.issues.length > 0) return fail(fromIssues(r.issues));
  if (p.status === 'active') {
    const issues = activationIssues(next, effectiveAt ?? ctx.now);
    if (issues.length > 0 && !saveAsDraft) return fail(validation(issues, 'This change cannot be published.'));
    const clash = saveAsDraft ? undefined : codeConflict(ctx, next.code, p.id);
    if (clash) return fail(clash);
  }
  p.version += 1;
  p.updated_at = isoSeconds(ctx.now);
  if (p.status === 'draft') {
    Object.assign(p, next);
    recordVersion(ctx.tenant, p, next, { status: 'draft', strategy: 'draft', effectiveFrom: null }, ctx.now, ctx.actor, ctx.random);
    supersede(ctx.tenant, p.id, ['draft'], ctx.now, p.version);
  } else if (saveAsDraft) {
    recordVersion(ctx.tenant, p, next, { status: 'draft', strategy: 'draft', effectiveFrom: null }, ctx.now, ctx.actor, ctx.random);
  } else if (effectiveAt && effectiveAt.getTime() > ctx.now.getTime()) {
    recordVersion(ctx.tenant, p, next, { status: 'scheduled', strategy: 'scheduled', effectiveFrom: effectiveAt }, ctx.now, ctx.actor, ctx.random);
  } else {
    const v = recordVersion(ctx.tenant, p, next, { status: 'draft', strategy: 'immediate', effectiveFrom: ctx.now }, ctx.now, ctx.actor, ctx.random);
    publish(ctx.tenant, p, v, ctx.now, ctx.actor);
  }
  return ok(p);
}
