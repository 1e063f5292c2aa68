// Generated from schemas/ by `npm run gen:types`. Do not edit by hand.
/* eslint-disable */

import type { CodeBatch } from './code-batch.js';
import type { CustomerCare } from './customer-care.js';
import type { GeofencePromotion } from './geofence-promotion.js';
import type { GeofenceSurcharge } from './geofence-surcharge.js';
import type { Geofence } from './geofence.js';
import type { Package } from './package.js';
import type { PricedPromotion } from './priced-promotion.js';
import type { Promotion } from './promotion.js';
import type { Referral } from './referral.js';
import type { Reward } from './reward.js';
import type { RidePass } from './ride-pass.js';
import type { Subscription } from './subscription.js';
import type { Tag } from './tag.js';
import type { Triggered } from './triggered.js';
import type { UserType } from './user-type.js';
import type { VehiclePromotion } from './vehicle-promotion.js';
import type { PromocConfig } from './config.js';

export type { CodeBatch, CustomerCare, GeofencePromotion, GeofenceSurcharge, Geofence, Package, PricedPromotion, Promotion, Referral, Reward, RidePass, Subscription, Tag, Triggered, UserType, VehiclePromotion, PromocConfig };

/** Every resource kind an author can write. */
export type AnyResource = CodeBatch | CustomerCare | GeofencePromotion | GeofenceSurcharge | Geofence | Package | PricedPromotion | Promotion | Referral | Reward | RidePass | Subscription | Tag | Triggered | UserType | VehiclePromotion;

export const KINDS = ['CodeBatch', 'CustomerCare', 'GeofencePromotion', 'GeofenceSurcharge', 'Geofence', 'Package', 'PricedPromotion', 'Promotion', 'Referral', 'Reward', 'RidePass', 'Subscription', 'Tag', 'Triggered', 'UserType', 'VehiclePromotion'] as const;
export type Kind = (typeof KINDS)[number];

/** Schema file (in schemas/) for each kind. */
export const SCHEMA_FILES: Readonly<Record<Kind, string>> = {
  CodeBatch: 'code-batch.schema.json',
  CustomerCare: 'customer-care.schema.json',
  GeofencePromotion: 'geofence-promotion.schema.json',
  GeofenceSurcharge: 'geofence-surcharge.schema.json',
  Geofence: 'geofence.schema.json',
  Package: 'package.schema.json',
  PricedPromotion: 'priced-promotion.schema.json',
  Promotion: 'promotion.schema.json',
  Referral: 'referral.schema.json',
  Reward: 'reward.schema.json',
  RidePass: 'ride-pass.schema.json',
  Subscription: 'subscription.schema.json',
  Tag: 'tag.schema.json',
  Triggered: 'triggered.schema.json',
  UserType: 'user-type.schema.json',
  VehiclePromotion: 'vehicle-promotion.schema.json',
};
