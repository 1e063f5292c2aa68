// promoc/engine: load a frozen rules bundle and evaluate contexts against it. No I/O, no clock,
// nothing Node-only: it runs in a browser, an edge worker or a pricing service alike.
export { loadBundle, FORMAT_VERSION, DEFAULT_MAX_BYTES } from './load.js';
export { parseInstant } from './freshness.js';
export { BundleError, ContextError } from './errors.js';
export { memoryUsage } from './usage.js';
export { prepare as prepareContext } from './context.js';
export { contextFromData, toMinor } from './context-data.js';
export { formatEvaluation } from './explain.js';
export { currencyExponent, formatMinor, parseDecimal } from './money.js';
export { sha256Hex } from './sha256.js';

export type { Engine, EvaluateOptions, LoadBundleOptions, BundleInput } from './load.js';
export type { BundleErrorCode } from './errors.js';
// PreparedContext is exported as a type only: the one way to get one is prepareContext(), which checks.
export type { EvaluationContext, PriceLine, LonLat, CostSourceGroup, PreparedContext } from './context.js';
export type { Evaluation, AdjustedLine, AppliedCampaign, AppliedFee, Grant, Rejection, LineAmount } from './evaluation.js';
export type { UsageCounters, UsageLedger, UsageSeed, Reservation, ReservationRequest } from './usage.js';
export type { Bundle, BundleManifest, BundleCampaign, BundleContent } from '../generated/bundle.js';
