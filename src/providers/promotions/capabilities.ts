// What the subscription-billing promotions API (Kontorion style) can express. Create makes a draft; only
// /activate (draft → active) and /deactivate (active → archived) change status; archived is read-only and
// final. Phases (conditions and effects) are a full replacement that only a draft accepts.
import type { Capabilities, KindCapability, LiveObject } from '../provider.js';

const redemptions = (live: LiveObject): string => {
  const n = live.counters.find((c) => c.name === 'redemptions')?.value ?? 0;
  return `${n} redemption${n === 1 ? '' : 's'}`;
};

const promotion: KindCapability = {
  apiObject: 'promotion',
  naturalKey: 'code',
  update: true,
  delete: false,
  activate: true,
  effectiveAt: (r) => (r.kind === 'Promotion' ? r.spec.providers?.promotions?.effectiveAt : undefined),
  draftChange: (r) => r.kind === 'Promotion' && r.spec.providers?.promotions?.saveAsDraft === true,
  immutable: (live) => {
    if (live.facts.status === 'archived') return [{ path: 'spec', reason: 'an archived promotion is read-only and cannot be reactivated' }];
    if (live.facts.status === 'draft') return [];
    const reason = 'conditions and effects (phases) can only change while the promotion is a draft';
    return ['spec.benefits', 'spec.conditions', 'spec.audience.firstPurchaseOnly'].map((path) => ({ path, reason }));
  },
  replacement: (live) => ({
    how:
      live.facts.status === 'archived'
        ? 'create a new promotion with the same code (the archived one stays archived)'
        : 'archive the live promotion and create a new one with the same code',
    consequences: [`the ${redemptions(live)} so far stay with the archived promotion; the new one counts redemptions and budget from zero`],
    destructive: false,
  }),
  noDeleteReason: 'the promotions API has no delete; promoc archives (deactivates) instead',
  deactivateConsequence: 'deactivating archives the promotion for good: making it active again later creates a new promotion with the same code',
};

export const promotionsCapabilities: Capabilities = {
  provider: 'promotions',
  title: 'subscription-billing promotions',
  kinds: { Promotion: promotion },
  embedded: [],
};
