// loadBundle: refuse what cannot be trusted (size, JSON, format version, digest, signature, and when
// asked, a bundle older than the caller accepts), then index once. Everything after this is pure
// evaluation over the indexed bundle.
import { canonicalJson } from './canonical.js';
import type { Bundle, BundleCampaign, BundleManifest } from '../generated/bundle.js';
import { compileCampaigns } from './runtime-campaigns.js';
import type { EvaluationContext, PreparedContext } from './context.js';
import { BundleError } from './errors.js';
import { evaluateContext, mayApplyAny, workspace, type EngineState } from './evaluate.js';
import type { Evaluation } from './evaluation.js';
import { checkFreshness, type FreshnessOptions } from './freshness.js';
import { GeoIndex } from './geo.js';
import { indexedReach, linearReach } from './reach.js';
import { sha256Hex } from './sha256.js';
import { checkShape } from './shape.js';

export const FORMAT_VERSION = 1;
/** Like OPA's bundle size limit: refuse absurd inputs before parsing them. */
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

export interface LoadBundleOptions extends FreshnessOptions {
  /** Called with the bundle's exact bytes; throw to refuse (see promoc/bundle's ed25519 verifier). */
  readonly verifySignature?: (bytes: Uint8Array) => void;
  /** Lower-case hex sha256; defaults to a pure-JS one. Node callers may pass node:crypto's. */
  readonly sha256?: (bytes: Uint8Array) => string;
  readonly maxBytes?: number;
  /** 'indexed' (default); 'linear' tests every campaign per evaluation, the benchmark's baseline. */
  readonly strategy?: 'indexed' | 'linear';
}

export interface Engine {
  readonly manifest: BundleManifest;
  /** Every campaign, in evaluation order. */
  readonly campaigns: readonly BundleCampaign[];
  campaign(id: string): BundleCampaign | undefined;
  /**
   * `explain: false`: rejections keep their campaign but no reason (''), which is cheaper to build.
   * A context from prepareContext() is not checked again (see PreparedContext).
   */
  evaluate(context: EvaluationContext | PreparedContext, options?: EvaluateOptions): Evaluation;
  /**
   * Whether any of these campaigns (by id) could apply to the context: reached, and refused by nothing but
   * (possibly) its usage counters. A simulator asks it to know when a campaign that differs between two
   * bundles is in play; a campaign that cannot apply changes nothing but the list of rejections.
   */
  mayApplyAny(context: PreparedContext, campaigns: ReadonlySet<string>): boolean;
}

export interface EvaluateOptions {
  /** Default true. */
  readonly explain?: boolean;
  /**
   * Default true. `false`: the evaluation's `lines` and each applied campaign's `lines` are empty; every
   * total, amount, fee and grant is the same. For callers that tally amounts (the simulator).
   */
  readonly lines?: boolean;
}

export type BundleInput = Uint8Array | string | Bundle;

export function loadBundle(input: BundleInput, options: LoadBundleOptions = {}): Engine {
  const { bundle, text, bytes } = parse(input, options.maxBytes ?? DEFAULT_MAX_BYTES);
  checkFormat(bundle);
  checkShape(bundle);
  checkDigest(bundle, text, options.sha256 ?? sha256Hex);
  options.verifySignature?.(bytes ?? utf8(canonicalJson(bundle)));
  // After the signature, the only check covering the manifest: a forged createdAt is a bad signature, not a fresh bundle.
  checkFreshness(bundle.manifest, options);
  return index(bundle, options.strategy ?? 'indexed');
}

function parse(input: BundleInput, maxBytes: number): { bundle: unknown; text?: string; bytes?: Uint8Array } {
  if (typeof input === 'object' && !(input instanceof Uint8Array)) return { bundle: input };
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > maxBytes)
    throw new BundleError('too-large', `bundle is ${size} bytes, over the ${maxBytes}-byte limit`, 'Raise maxBytes if the bundle is really this large.');
  let text: string;
  try {
    text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch (cause) {
    throw new BundleError('parse', 'bundle is not valid UTF-8', 'The file is damaged or not a bundle; rebuild it with `promoc bundle`.', { cause });
  }
  try {
    return { bundle: JSON.parse(text), text, bytes: typeof input === 'string' ? utf8(input) : input };
  } catch (cause) {
    throw new BundleError(
      'parse',
      `bundle is not valid JSON: ${(cause as Error).message}`,
      'The file is damaged or not a bundle; rebuild it with `promoc bundle`.',
      { cause },
    );
  }
}

function checkFormat(bundle: unknown): void {
  const version = (bundle as { manifest?: { formatVersion?: unknown } } | null)?.manifest?.formatVersion;
  if (version !== FORMAT_VERSION) {
    throw new BundleError(
      'format-version',
      `unknown bundle format version ${JSON.stringify(version)}; this engine reads version ${FORMAT_VERSION}`,
      'Build the bundle with a promoc that matches this engine, or upgrade the engine.',
    );
  }
}

/**
 * The digest covers the canonical JSON of `content`. A canonical bundle is `{"content":…,"manifest":…}`
 * (keys sorted), so when the text has exactly that shape the content's bytes are hashed as they
 * are, without re-serializing; any other text falls back to canonicalizing the parsed content.
 */
function checkDigest(bundle: Bundle, text: string | undefined, sha256: (b: Uint8Array) => string): void {
  const head = '{"content":';
  const tail = `,"manifest":${canonicalJson(bundle.manifest)}}`;
  const slice =
    text !== undefined && text.startsWith(head) && text.endsWith(tail) ? text.slice(head.length, text.length - tail.length) : canonicalJson(bundle.content);
  const actual = `sha256:${sha256(utf8(slice))}`;
  if (actual !== bundle.manifest.digest) {
    throw new BundleError(
      'digest',
      `bundle content does not match its digest: the manifest says ${bundle.manifest.digest}, the content hashes to ${actual}`,
      'The file was changed after it was built; rebuild it with `promoc bundle` or fetch it again.',
    );
  }
}

function index(bundle: Bundle, strategy: 'indexed' | 'linear'): Engine {
  const campaigns = compileCampaigns(bundle.content);
  const state: EngineState = {
    campaigns,
    byId: new Map(campaigns.map((c) => [c.id, c])),
    currencies: bundle.content.currencies,
    geo: new GeoIndex(bundle.content.geofences, strategy === 'indexed'),
    reach: strategy === 'indexed' ? indexedReach(campaigns, bundle.content.geofences.length) : linearReach(campaigns),
    work: workspace(),
  };
  const byId = new Map<string, BundleCampaign>();
  for (const c of bundle.content.campaigns) byId.set(c.id, c);
  return {
    manifest: bundle.manifest,
    campaigns: bundle.content.campaigns,
    campaign: (id) => byId.get(id),
    evaluate: (context, options) => evaluateContext(state, context, options?.explain ?? true, options?.lines ?? true),
    mayApplyAny: (context, ids) => mayApplyAny(state, context, ids),
  };
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
