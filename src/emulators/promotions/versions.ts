// Promotion versions: every create and update records a version with a snapshot of the editable fields.
// A version is a draft, scheduled (effective_at in the future), published (live), superseded, or archived.
import { isoSeconds } from '../shared/iso-time.js';
import { randomUuid, type Random } from '../shared/random.js';
import { contentOf, type Content, type Promotion, type PromotionsTenant, type Version, type VersionStatus } from './model.js';

export function versionsOf(tenant: PromotionsTenant, promotionId: string): Version[] {
  return Object.values(tenant.versions)
    .filter((v) => v.promotion_id === promotionId)
    .sort((a, b) => a.version - b.version);
}

export function recordVersion(
  tenant: PromotionsTenant,
  promotion: Promotion,
  snapshot: Content,
  release: { status: VersionStatus; strategy: Version['release_strategy']; effectiveFrom: Date | null },
  now: Date,
  actor: string,
  random: Random,
): Version {
  const version: Version = {
    id: randomUuid(random),
    promotion_id: promotion.id,
    version: promotion.version,
    status: release.status,
    release_strategy: release.strategy,
    created_at: isoSeconds(now),
    created_by: actor,
    effective_from: release.effectiveFrom ? isoSeconds(release.effectiveFrom) : null,
    effective_to: null,
    published_at: release.status === 'published' ? isoSeconds(now) : null,
    published_by: release.status === 'published' ? actor : null,
    archived_reason: null,
    snapshot: contentOf(snapshot),
  };
  tenant.versions[version.id] = version;
  promotion.head_version_id = version.id;
  return version;
}

/** Marks earlier versions of `status` as superseded by `by` (drafts replaced, live version replaced). */
export function supersede(tenant: PromotionsTenant, promotionId: string, statuses: readonly VersionStatus[], at: Date, by: number): void {
  for (const v of versionsOf(tenant, promotionId)) {
    if (v.version < by && statuses.includes(v.status)) {
      if (v.status === 'published') v.effective_to = isoSeconds(at);
      v.status = 'superseded';
    }
  }
}

/** Makes the promotion's live fields those of `version` and records it as published at `at`. */
export function publish(tenant: PromotionsTenant, promotion: Promotion, version: Version, at: Date, actor: string): void {
  Object.assign(promotion, contentOf(version.snapshot));
  supersede(tenant, promotion.id, ['published', 'draft', 'scheduled'], at, version.version);
  version.status = 'published';
  version.effective_from ??= isoSeconds(at);
  version.published_at = isoSeconds(at);
  version.published_by = actor;
  promotion.published_at = isoSeconds(at);
  promotion.published_by = actor;
  promotion.updated_at = isoSeconds(at);
}

/** Scheduled versions whose effective_at has passed go live (evaluated lazily on each request). */
export function settleScheduled(tenant: PromotionsTenant, now: Date): boolean {
  let changed = false;
  for (const v of Object.values(tenant.versions)) {
    if (v.status !== 'scheduled' || v.effective_from == null || Date.parse(v.effective_from) > now.getTime()) continue;
    const promotion = tenant.promotions[v.promotion_id];
    if (!promotion || promotion.status !== 'active') continue;
    publish(tenant, promotion, v, new Date(Date.parse(v.effective_from)), v.created_by);
    changed = true;
  }
  return changed;
}

/** usage_count: redemptions recorded while this version was the live one. */
export function presentVersion(v: Version, tenant: PromotionsTenant): Record<string, unknown> {
  const from = v.effective_from ? Date.parse(v.effective_from) : undefined;
  const to = v.effective_to ? Date.parse(v.effective_to) : Number.POSITIVE_INFINITY;
  const usage =
    from === undefined || (v.status !== 'published' && v.status !== 'superseded' && v.status !== 'archived')
      ? 0
      : Object.values(tenant.redemptions).filter(
          (x) => x.promotion_id === v.promotion_id && Date.parse(x.redeemed_at) >= from && Date.parse(x.redeemed_at) < to,
        ).length;
  return {
    id: v.id,
    version: v.version,
    status: v.status,
    created_at: v.created_at,
    created_by: v.created_by,
    effective_from: v.effective_from,
    effective_to: v.effective_to,
    published_at: v.published_at,
    archived_reason: v.archived_reason,
    usage_count: usage,
  };
}

export function presentSnapshot(v: Version, promotion: Promotion): Record<string, unknown> {
  const s = v.snapshot;
  return {
    id: v.id,
    promotion_id: v.promotion_id,
    version: v.version,
    status: v.status,
    promotion_status: promotion.status,
    release_strategy: v.release_strategy,
    effective_from: v.effective_from,
    effective_to: v.effective_to,
    published_at: v.published_at,
    published_by: v.published_by,
    name: s.name,
    code: s.code,
    description: s.description,
    application_timing: s.application_timing,
    budget_behavior: s.budget_behavior,
    max_budget: s.max_budget,
    max_redemptions: s.max_redemptions,
    priority: s.priority,
    stackable: s.stackable,
    valid_from: s.valid_from,
    valid_to: s.valid_to,
    visibility: s.visibility,
    condition_mode: s.condition_mode,
    is_phased: s.is_phased,
    phases: s.phases,
  };
}

/**
 * active → archived: the live version is archived with `reason`, pending ones before release. Shared by
 * /deactivate and by a hard-capped budget running out ("the promotion deactivates when the budget is exhausted").
 */
export function archivePromotion(tenant: PromotionsTenant, p: Promotion, now: Date, reason: string): void {
  p.status = 'archived';
  p.archived_at = isoSeconds(now);
  p.updated_at = isoSeconds(now);
  for (const v of versionsOf(tenant, p.id)) {
    if (v.status === 'published') {
      v.status = 'archived';
      v.effective_to = isoSeconds(now);
      v.archived_reason = reason;
    }
    if (v.status === 'draft' || v.status === 'scheduled') {
      v.status = 'archived';
      v.archived_reason = 'promotion archived before release';
    }
  }
}
