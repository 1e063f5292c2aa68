// The plan as a typed value. Its shape is schemas/plan.schema.json (types generated into src/generated/plan.ts);
// this file adds the in-memory inputs the pure planner works on.
import type { Action, Change, Conflict, Counter as PlanCounter, Note, Plan, Source, Summary } from '../generated/plan.js';
import type { Located } from '../model/resource.js';
import type { KindCapability, LiveObject, Lowered, ProviderId } from '../providers/provider.js';

export type { Action, Change, Conflict, Note, Plan, Source, Summary, PlanCounter };
export type ActionKind = Action['action'];

export const PLAN_FORMAT = 'promoc-plan/v1' as const;

/** A desired resource lowered for one provider. */
export interface DesiredEntry {
  readonly provider: ProviderId;
  readonly located: Located;
  readonly lowered: Lowered;
  readonly capability: KindCapability;
  /** Digest of lowered.normalized.fields: what the ownership marker records. */
  readonly digest: string;
}

/** What one provider of the target holds, as read. */
export interface LiveSet {
  readonly provider: ProviderId;
  readonly baseUrl: string;
  readonly organization?: string;
  readonly objects: readonly LiveObject[];
  readonly pages: number;
  readonly requests: number;
  /** Kinds this binding plans: live objects of other kinds are out of scope. */
  readonly kinds: ReadonlySet<string>;
  readonly capabilities: Readonly<Partial<Record<string, KindCapability>>>;
}

export interface PlanOptions {
  readonly prune: boolean;
  readonly force: boolean;
}

/** Dependency order: reference data before the campaigns that use it. */
export const KIND_ORDER: readonly string[] = [
  'UserType',
  'Tag',
  'Geofence',
  'Promotion',
  'CodeBatch',
  'Package',
  'Subscription',
  'RidePass',
  'PricedPromotion',
  'Reward',
  'Referral',
  'Triggered',
  'CustomerCare',
  'VehiclePromotion',
  'GeofencePromotion',
  'GeofenceSurcharge',
];
