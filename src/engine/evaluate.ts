// One evaluation: reach the candidates, charge fees, then walk the campaigns in the bundle's order
// applying each eligible one to what remains. Stacking is decided here: a non-stackable campaign
// applies only first, and then nothing follows it; fees are never blocked.
import type { CompiledBenefit, CompiledCampaign } from './runtime-campaigns.js';
import { prepare, PreparedContext, type EvaluationContext, type Prepared } from './context.js';
import { ContextError } from './errors.js';
import { budgetLeft, freePeriodReason, limitReason, NOT_EXPLAINED, standingReason } from './eligibility.js';
import type { AdjustedLine, AppliedCampaign, AppliedFee, Evaluation, Grant, Rejection } from './evaluation.js';
import type { GeoIndex } from './geo.js';
import { Lines, Take } from './lines.js';
import { NONE, Scratch } from './scratch.js';
import { applyBenefit } from './benefits.js';
import { gateReason } from './benefit-gate.js';
import { percentOf } from './money.js';
import type { Reach, Reached } from './reach.js';
import { zoneTimes } from './zone.js';

export interface EngineState {
  readonly campaigns: readonly CompiledCampaign[];
  readonly byId: ReadonlyMap<string, CompiledCampaign>;
  readonly currencies: Readonly<Record<string, number | undefined>>;
  readonly geo: GeoIndex;
  readonly reach: Reach;
  /** Working space of the evaluation under way, refilled by each (evaluations of one engine never nest). */
  readonly work: Workspace;
}

/**
 * What the last reach and the last evaluation found, kept for the next question about the same prepared
 * context. A simulator asks each engine about a session twice (evaluate, then mayApplyAny, or the other
 * way round), and both start with the same reach and the same checks no usage counter can change. A
 * PreparedContext is not changed after preparing (see context.ts), so the same object means the same
 * reach and the same answers; any other context, or a raw one, starts afresh.
 */
interface Recall {
  /** The context whose reach the reach's result (and the geofence index's positions) still hold. */
  reachedFor: Prepared | undefined;
  reached: Reached | undefined;
  /** The context the last evaluation completed for, and the campaigns of its reach that passed standingReason. */
  standingFor: Prepared | undefined;
  readonly standing: Scratch<CompiledCampaign>;
}

interface Workspace {
  readonly lines: Lines;
  readonly take: Take;
  readonly applied: Scratch<AppliedCampaign>;
  readonly fees: Scratch<AppliedFee>;
  readonly grants: Scratch<Grant>;
  readonly rejected: Scratch<Rejection>;
  readonly recall: Recall;
}

/** The engine's working space, for its state. */
export function workspace(): Workspace {
  const lines = new Lines();
  return {
    lines,
    take: new Take(lines),
    applied: new Scratch(),
    fees: new Scratch(),
    grants: new Scratch(),
    rejected: new Scratch(),
    recall: { reachedFor: undefined, reached: undefined, standingFor: undefined, standing: new Scratch() },
  };
}

/** The campaigns the context reaches, from the last reach when it was this context's. */
function reachOf(state: EngineState, p: Prepared): Reached {
  const recall = state.work.recall;
  if (recall.reachedFor === p) return recall.reached!;
  recall.reachedFor = undefined;
  state.geo.begin(p.ctx.rental?.start, p.ctx.rental?.end);
  const reached = state.reach(p, state.geo);
  recall.reached = reached;
  recall.reachedFor = p;
  return reached;
}

/**
 * `explain: false` runs the same checks without building the sentences of rejections (they all read
 * NOT_EXPLAINED, ''), and `withLines: false` leaves out the line-by-line results: for callers that only
 * tally what applied, such as the simulator.
 */
export function evaluateContext(state: EngineState, context: EvaluationContext | PreparedContext, explain = true, withLines = true): Evaluation {
  const p = context instanceof PreparedContext ? context : prepare(context);
  const { geo, campaigns } = state;
  const { candidates, count, unknownCodes } = reachOf(state, p);
  const { lines, take, applied, fees, grants, rejected, recall } = state.work;
  recall.standingFor = undefined;
  const standing = recall.standing;
  standing.reset();
  lines.begin(p);
  applied.reset();
  fees.reset();
  grants.reset();
  rejected.reset();
  let charged = p.subtotal;
  let first: CompiledCampaign | undefined;
  let exclusive: CompiledCampaign | undefined;
  for (let k = 0; k < count; k++) {
    const c = campaigns[candidates[k]!]!;
    if (c.product !== undefined && p.product !== undefined && c.product !== p.product) {
      // An automatic campaign of another product is not reached at all; a code or voucher the customer brought is refused.
      if (c.src.activation !== 'automatic')
        rejected.push(explain ? { campaign: c.id, reason: `prices ${c.product}, this context is ${p.product}` } : unexplained(c));
      continue;
    }
    // ineligibility(), with the campaigns that pass the standing checks kept for mayApplyAny.
    const standingAs = standingReason(c, p, geo, state.currencies, explain);
    if (standingAs === undefined) standing.push(c);
    const reason = standingAs ?? limitReason(c, p, explain) ?? freePeriodReason(c, p, explain);
    if (reason !== undefined) {
      rejected.push(explain ? { campaign: c.id, reason } : unexplained(c));
      continue;
    }
    const times = c.zone ? zoneTimes(c.zone, geo) : 1;
    if (c.fee) {
      const fee = charge(c, times, lines);
      if (fee) {
        charged += fee.amount;
        // prepare() kept the lines under 2^53 − 1; a fee may still take the sum past what adds up exactly.
        if (!Number.isSafeInteger(charged))
          throw new ContextError(
            'lines',
            `with the fee of ${c.id} add up to more than ${Number.MAX_SAFE_INTEGER} minor units`,
            'No price is that large; check the amounts are minor units.',
          );
        fees.push(fee);
      } else rejected.push(explain ? { campaign: c.id, reason: 'nothing to charge: no line in its scope' } : unexplained(c));
      continue;
    }
    // These two reasons name the campaign that blocks, and are kept on it once built.
    if (exclusive !== undefined) {
      rejected.push(explain ? { campaign: c.id, reason: (exclusive.exclusiveReason ??= `exclusive campaign ${exclusive.id} applied first`) } : unexplained(c));
      continue;
    }
    if (!c.stackable && first !== undefined) {
      rejected.push(explain ? { campaign: c.id, reason: (first.firstReason ??= `not stackable, and ${first.id} applied first`) } : unexplained(c));
      continue;
    }
    const outcome = applyCampaign(c, times, p, lines, take, grants, withLines);
    if (typeof outcome === 'string') {
      rejected.push(explain ? { campaign: c.id, reason: outcome } : unexplained(c));
      continue;
    }
    applied.push(outcome);
    first ??= c;
    if (!c.stackable) exclusive = c;
  }
  recall.standingFor = p;
  return summarize(p, lines, { applied: applied.copy(), fees: fees.copy(), grants: grants.copy(), rejected: rejected.copy(), unknownCodes }, withLines);
}

/** Up to this many campaigns are asked about one by one; more, through the reach. */
const ONE_BY_ONE = 16;

/**
 * Whether a campaign of `ids` could apply to the prepared context: it is reached, of the context's product,
 * and refused by nothing but (possibly) its usage counters. evaluateContext's first checks, and nothing after.
 */
export function mayApplyAny(state: EngineState, p: PreparedContext, ids: ReadonlySet<string>): boolean {
  if (ids.size === 0) return false;
  const recall = state.work.recall;
  if (recall.standingFor === p) {
    // The evaluation of this context ran the same checks on every campaign of its reach, in the same order.
    const standing = recall.standing;
    for (let i = 0; i < standing.length; i++) if (ids.has(standing.at(i).id)) return true;
    return false;
  }
  if (ids.size <= ONE_BY_ONE) return mayApplyOneByOne(state, p, ids);
  const { geo, campaigns } = state;
  const { candidates, count } = reachOf(state, p);
  for (let k = 0; k < count; k++) {
    const c = campaigns[candidates[k]!]!;
    if (!ids.has(c.id)) continue;
    if (c.product !== undefined && p.product !== undefined && c.product !== p.product) continue;
    if (standingReason(c, p, geo, state.currencies, false) === undefined) return true;
  }
  return false;
}

/**
 * mayApplyAny for a few campaigns without reaching every campaign: one that is not automatic is reached by its
 * code or voucher (reach.presents), and an automatic one that passes standingReason is reached.
 */
function mayApplyOneByOne(state: EngineState, p: Prepared, ids: ReadonlySet<string>): boolean {
  const { geo, byId } = state;
  let placed = false;
  for (const id of ids) {
    const c = byId.get(id);
    if (c === undefined) continue;
    if (c.product !== undefined && p.product !== undefined && c.product !== p.product) continue;
    if (c.src.activation !== 'automatic' && !state.reach.presents(c, p)) continue;
    if (!placed) {
      // The geofence index now holds this context's positions: a reach kept for another context is stale.
      state.work.recall.reachedFor = undefined;
      geo.begin(p.ctx.rental?.start, p.ctx.rental?.end);
      placed = true;
    }
    if (standingReason(c, p, geo, state.currencies, false) === undefined) return true;
  }
  return false;
}

/** Without explanations every rejection of a campaign reads the same, so one frozen object serves them all. */
function unexplained(c: CompiledCampaign): Rejection {
  return (c.unexplained ??= Object.freeze({ campaign: c.id, reason: NOT_EXPLAINED }));
}

/** The campaign's benefits on the lines; a reason instead when it changes nothing. */
function applyCampaign(
  c: CompiledCampaign,
  times: number,
  p: Prepared,
  lines: Lines,
  take: Take,
  grants: Scratch<Grant>,
  withLines: boolean,
): AppliedCampaign | string {
  take.begin(budgetLeft(c, p));
  // Its grants go straight into the evaluation's: a campaign that grants something applies.
  const before = grants.length;
  let closed: string | undefined;
  let open = 0;
  for (const b of benefitsFor(c, p)) {
    const shut = b.gate === undefined ? undefined : gateReason(b.gate, p);
    if (shut !== undefined) {
      closed ??= shut;
      continue;
    }
    open++;
    applyBenefit(b, times, lines, take, grants, c.id);
  }
  if (take.total === 0 && grants.length === before) {
    if (open === 0 && closed !== undefined) return `no benefit applies: ${closed}`;
    if (take.matched === 0) return 'nothing to apply: no line in its scope';
    return take.sawAmount ? 'nothing to apply: the discount rounds to zero' : 'nothing to apply: its lines are already at zero';
  }
  const result: { -readonly [K in keyof AppliedCampaign]: AppliedCampaign[K] } = {
    campaign: c.id,
    kind: c.kind,
    name: c.name,
    amount: take.total,
    lines: withLines ? take.byLine() : NONE,
    times,
  };
  if (c.code !== undefined) result.code = c.code;
  return result;
}

/**
 * A phased promotion's benefits come from the phase holding `at`; outside every phase, its own. A ladder's come
 * from the step the customer is on: one step up per redemption of it, the last step once past the top (the first
 * step without a customer or usage counters).
 */
function benefitsFor(c: CompiledCampaign, p: Prepared): readonly CompiledBenefit[] {
  const at = p.at;
  for (const ph of c.phases) if (at >= ph.from && at < ph.until) return ph.benefits;
  const ladder = c.ladder;
  if (ladder === undefined || ladder.length === 0) return c.benefits;
  const customer = p.ctx.customer?.id;
  if (customer === undefined || !p.ctx.usage) return c.benefits;
  const climbed = Math.min(p.ctx.usage.customerRedemptions(c.id, customer), ladder.length);
  return climbed === 0 ? c.benefits : ladder[climbed - 1]!;
}

/** A surcharge adds one fee line: fixed amount plus a percentage of its scope's original amounts. */
function charge(c: CompiledCampaign, times: number, lines: Lines): AppliedFee | undefined {
  const s = c.surcharge;
  if (!s) return undefined;
  let base = 0;
  if (s.rate !== undefined) {
    for (let i = 0; i < lines.given; i++) if (lines.inScope(lines.all[i]!, s.scope)) base += lines.all[i]!.original;
  }
  const once = (s.amount?.minor ?? 0) + (s.rate !== undefined ? percentOf(base, s.rate) : 0);
  if (once === 0) return undefined;
  const line = `fee:${c.name}`;
  lines.addFee(line, c.name, once * times);
  return { campaign: c.id, name: c.name, line, amount: once * times, times };
}

type Parts = Pick<Evaluation, 'applied' | 'fees' | 'grants' | 'rejected' | 'unknownCodes'>;

function summarize(p: Prepared, lines: Lines, parts: Parts, withLines: boolean): Evaluation {
  // Arrays of known length are allocated at it: the first push into an empty one reserves room for 17.
  const out = withLines ? new Array<AdjustedLine>(lines.count) : undefined;
  let surcharges = 0;
  let total = 0;
  for (let i = 0; i < lines.count; i++) {
    const { id, original, remaining: amount, fee } = lines.all[i]!;
    if (out) out[i] = { id, original, discount: original - amount, amount, fee };
    if (i >= lines.given) surcharges += original;
    total += amount;
  }
  const { applied, fees, grants, rejected, unknownCodes } = parts;
  return {
    at: p.at,
    currency: p.currency,
    lines: out ?? NONE,
    subtotal: p.subtotal,
    surcharges,
    discounts: p.subtotal + surcharges - total,
    total,
    applied,
    fees,
    grants,
    rejected,
    unknownCodes,
  };
}
