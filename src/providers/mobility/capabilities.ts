// What the mobility operations API (voucherables, goUrban / Wunder style) can express. Templates are created
// INACTIVE and switched with /activate and /deactivate; PUT is a full replacement; DELETE refuses an ACTIVE
// template. Annotations (tags) can be created and updated but not deleted. Geofences are not objects of
// their own: their geometry is embedded in the GeoFencePromotion / GeoFenceSurcharge that uses them. Code
// batches (single-use constraint vouchers) are create-only: see code-batch.ts.
import type { Kind } from '../../generated/index.js';
import type { Capabilities, KindCapability } from '../provider.js';
import { codeBatchCapability } from './code-batch.js';

export const KIND_TO_TYPE: Readonly<Partial<Record<Kind, string>>> = {
  Promotion: 'Promotion',
  GeofencePromotion: 'GeoFencePromotion',
  Package: 'Package',
  Subscription: 'Subscription',
  Reward: 'Reward',
  Referral: 'SignupReferral',
  Triggered: 'Triggered',
  CustomerCare: 'CustomerCare',
  VehiclePromotion: 'VehiclePromotion',
  GeofenceSurcharge: 'GeoFenceSurcharge',
  RidePass: 'RidePass',
  PricedPromotion: 'PricedPromotion',
};
export const TYPE_TO_KIND: Readonly<Record<string, Kind>> = Object.fromEntries(Object.entries(KIND_TO_TYPE).map(([k, t]) => [t, k as Kind]));
const CODED: ReadonlySet<string> = new Set(['Promotion', 'Package', 'RidePass', 'PricedPromotion']);

function voucherable(kind: Kind): KindCapability {
  return {
    apiObject: `voucherable (type ${KIND_TO_TYPE[kind] ?? kind})`,
    naturalKey: CODED.has(kind) ? 'code' : 'name',
    update: true,
    delete: true,
    activate: true,
    immutable: () => [],
    replacement: () => undefined,
  };
}

const annotation: KindCapability = {
  apiObject: 'annotation',
  naturalKey: 'name',
  update: true,
  delete: false,
  activate: false,
  immutable: () => [{ path: 'spec.type', reason: 'an annotation cannot change between TAG and LABEL: names are unique per type' }],
  replacement: () => undefined,
  noDeleteReason: 'the mobility API cannot delete annotations (tags)',
};

export const mobilityCapabilities: Capabilities = {
  provider: 'mobility',
  title: 'mobility operations (voucherables, annotations, code batches)',
  kinds: { ...Object.fromEntries(Object.keys(KIND_TO_TYPE).map((k) => [k, voucherable(k as Kind)])), Tag: annotation, CodeBatch: codeBatchCapability },
  embedded: ['Geofence'],
};
