// One evaluation: reach the candidates, charge fees, then walk the campaigns in the bundle's order
// applying each eligible one to what remains. Stacking is decided here: a non-stackable campaign
// applies only first, and then nothing follows it; fees are never blocked.
import type { BundleBenefit } from '../generated/bundle.js';
import type { CompiledCampaign } from './compile.js';
import { prepare, type EvaluationContext, type Prepared } from './context.js';
import { budgetLeft, ineligibility } from './eligibility.js';
import type { AdjustedLine, AppliedCampaign, AppliedFee, Evaluation, Grant, Rejection } from './evaluation.js';
import type { GeoIndex } from './geo.js';
import { Lines, Take } from './lines.js';
import { applyBenefit } from './benefits.js';
import { currencyExponent, percentOf } from './money.js';
import type { Reach } from './reach.js';
import { zoneTimes } from './zone.js';

export interface EngineState {
  readonly campaigns: readonly CompiledCampaign[];
  readonly currencies: Readonly<Record<string, number | undefined>>;
  readonly geo: GeoIndex;
  readonly reach: Reach;
}

export function evaluateContext(state: EngineState, ctx: EvaluationContext): Evaluation {
  const p = prepare(ctx);
  const { geo, campaigns } = state;
  geo.begin(ctx.rental?.start, ctx.rental?.end);
  const { candidates, unknownCodes } = state.reach(p, geo);
  const exponent = state.currencies[p.currency] ?? currencyExponent(p.currency);
  const lines = new Lines(p);
  const applied: AppliedCampaign[] = [];
  const fees: AppliedFee[] = [];
  const grants: Grant[] = [];
  const rejected: Rejection[] = [];
  let first: string | undefined;
  let exclusive: string | undefined;
  for (const pos of candidates) {
    const c = campaigns[pos]!;
    const reason = ineligibility(c, p, geo, exponent);
    if (reason !== undefined) { rejected.push({ campaign: c.id, reason }); continue; }
    const times = c.zone ? zoneTimes(c.zone, geo) : 1;
    if (c.src.fee) {
      const fee = charge(c, times, lines);
      if (fee) fees.push(fee); else rejected.push({ campaign: c.id, reason: 'nothing to charge: no line in its scope' });
      continue;
    }
    if (exclusive !== undefined) { rejected.push({ campaign: c.id, reason: `exclusive campaign ${exclusive} applied first` }); continue; }
    if (!c.src.stackable && first !== undefined) { rejected.push({ campaign: c.id, reason: `not stackable, and ${first} applied first` }); continue; }
    const outcome = applyCampaign(c, times, p, lines, grants);
    if (typeof outcome === 'string') { rejected.push({ campaign: c.id, reason: outcome }); continue; }
    applied.push(outcome);
    first ??= c.id;
    if (!c.src.stackable) exclusive = c.id;
  }
  return summarize(p, lines, { applied, fees, grants, rejected, unknownCodes });
}

/** The campaign's benefits on the lines; a reason instead when it changes nothing. */
function applyCampaign(c: CompiledCampaign, times: number, p: Prepared, lines: Lines, grants: Grant[]): AppliedCampaign | string {
  const take = new Take(lines, budgetLeft(c, p));
  const own: Grant[] = [];
  for (const b of benefitsAt(c, p.at)) applyBenefit(b, times, lines, take, own, c.id);
  if (take.total === 0 && own.length === 0) {
    if (take.matched === 0) return 'nothing to apply: no line in its scope';
    return take.sawAmount ? 'nothing to apply: the discount rounds to zero' : 'nothing to apply: its lines are already at zero';
  }
  grants.push(...own);
  const s = c.src;
  const result: { -readonly [K in keyof AppliedCampaign]: AppliedCampaign[K] } = { campaign: c.id, kind: s.kind, name: s.name, amount: take.total, lines: take.byLine(), times };
  if (s.code !== undefined) result.code = s.code;
  return result;
}

/** A phased promotion's benefits come from the phase holding `at`; outside every phase, its own. */
function benefitsAt(c: CompiledCampaign, at: number): readonly BundleBenefit[] {
  for (const ph of c.phases) if (at >= ph.from && at < ph.until) return ph.benefits;
  return c.src.benefits;
}

/** A surcharge adds one fee line: fixed amount plus a percentage of its scope's original amounts. */
function charge(c: CompiledCampaign, times: number, lines: Lines): AppliedFee | undefined {
  const s = c.src.surcharge;
  if (!s) return undefined;
  let base = 0;
  if (s.rate !== undefined) {
    for (let i = 0; i < lines.given; i++) if (lines.inScope(i, s.scope)) base += lines.original[i]!;
  }
  const once = (s.amount?.minor ?? 0) + (s.rate !== undefined ? percentOf(base, s.rate) : 0);
  if (once === 0) return undefined;
  const line = `fee:${c.src.name}`;
  lines.addFee(line, c.src.name, once * times);
  return { campaign: c.id, name: c.src.name, line, amount: once * times, times };
}

type Parts = Pick<Evaluation, 'applied' | 'fees' | 'grants' | 'rejected' | 'unknownCodes'>;

function summarize(p: Prepared, lines: Lines, parts: Parts): Evaluation {
  const out: AdjustedLine[] = [];
  let surcharges = 0;
  let total = 0;
  for (let i = 0; i < lines.info.length; i++) {
    const original = lines.original[i]!;
    const amount = lines.remaining[i]!;
    out.push({ id: lines.info[i]!.id, original, discount: original - amount, amount, fee: lines.fee[i]! });
    if (i >= lines.given) surcharges += original;
    total += amount;
  }
  const { applied, fees, grants, rejected, unknownCodes } = parts;
  return { at: p.at, currency: p.currency, lines: out, subtotal: p.subtotal, surcharges, discounts: p.subtotal + surcharges - total, total, applied, fees, grants, rejected, unknownCodes };
}
