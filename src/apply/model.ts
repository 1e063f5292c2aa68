// The call graph: a plan compiled into the exact, ordered API calls that carry it out. Plain data, so it can
// be rendered for review (`promoc compile`), written to the journal and replayed by `promoc apply --resume`.
import type { Action } from '../generated/plan.js';
import type { Json } from '../model/canonical.js';
import type { ProviderId } from '../providers/provider.js';
import type { CallDraft } from '../providers/writes.js';

export const CALLS_FORMAT = 'promoc-calls/v1' as const;

export type { StepOp } from '../providers/writes.js';

/** One resource the plan changes, and what it must look like once the calls are done. */
export interface TouchedResource {
  readonly provider: ProviderId;
  readonly kind: string;
  readonly name: string;
  /** Natural key (code or name) the plan matched it by. */
  readonly key: string;
  readonly action: Action['action'];
  /** The live object the plan read (its id in the plan's terms), when there was one. */
  readonly liveId?: string;
  /** The normalized fields the target must hold afterwards; absent when the resource goes away. */
  readonly desired?: { readonly [k: string]: Json };
  /**
   * After the calls: present with `desired` fields, absent (deleted), inactive (archived instead of deleted),
   * released (no longer carrying promoc's marker), or scheduled: a version holding `desired` waits on the
   * target for `effectiveAt` (or was published).
   */
  readonly expect: 'present' | 'absent' | 'inactive' | 'released' | 'scheduled' | 'drafted';
  /** For `scheduled`: when the target publishes the version. */
  readonly effectiveAt?: string;
}

export interface Step extends CallDraft {
  /** Stable within the run: s0001, s0002, … in compile order. */
  readonly id: string;
  /** Index into CallGraph.resources. */
  readonly resource: number;
  /** Steps that must be done first. */
  readonly after: readonly string[];
}

/** A plan action apply leaves alone (noop, blocked), with why. */
export interface Untouched {
  readonly provider: ProviderId;
  readonly kind: string;
  readonly name: string;
  readonly action: Action['action'];
  readonly liveId?: string;
  readonly reason?: string;
}

export interface CallGraph {
  readonly format: typeof CALLS_FORMAT;
  readonly target: string;
  /** The plan's live fingerprint, for the record. */
  readonly planFingerprint: string;
  readonly planCreatedAt: string;
  readonly resources: readonly TouchedResource[];
  readonly steps: readonly Step[];
  readonly untouched: readonly Untouched[];
}

export const isReferenceKind = (kind: string): boolean => kind === 'UserType' || kind === 'Tag' || kind === 'Geofence';

export function describeResource(r: Pick<TouchedResource, 'provider' | 'kind' | 'name'>): string {
  return `${r.provider} ${r.kind}/${r.name}`;
}

/** Step ids by resource index, in order. */
export function stepsByResource(graph: Pick<CallGraph, 'steps'>): Map<number, Step[]> {
  const out = new Map<number, Step[]>();
  for (const s of graph.steps) out.set(s.resource, [...(out.get(s.resource) ?? []), s]);
  return out;
}
