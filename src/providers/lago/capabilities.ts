// What Lago coupons can express. Once a coupon has been applied to any customer, Lago silently ignores
// changes to its code, type, amounts, rate, frequency, duration, reusability and plan/metric limits (and
// still answers 200): only name, description and expiration stay editable. Changing those is a replace:
// delete (a soft delete that frees the code and terminates active applications) then create.
import type { Capabilities, KindCapability, LiveObject } from '../provider.js';

const LOCKED = 'Lago ignores changes to this field once the coupon has been applied to a customer';

const coupon: KindCapability = {
  apiObject: 'coupon',
  naturalKey: 'code',
  update: true,
  delete: true,
  activate: false,
  futureOnly: { field: 'expiration_at', path: ['spec', 'window', 'until'] },
  holds: { start: false, end: true },
  immutable: (live) =>
    live.facts.applied === true ? ['spec.benefits', 'spec.duration', 'spec.providers.lago.reusable'].map((path) => ({ path, reason: LOCKED })) : [],
  replacement: (live: LiveObject) => ({
    how: 'delete the coupon (Lago frees its code) and create it again with the new terms',
    consequences:
      live.liveRedemptions > 0
        ? [
            `terminates ${live.liveRedemptions} active applied coupon${live.liveRedemptions === 1 ? '' : 's'}` +
              `: those customers lose the remaining discount; credits already on invoices stay`,
          ]
        : ['the coupon was applied before but no application is active: nothing is cut off'],
    destructive: live.liveRedemptions > 0,
  }),
};

export const lagoCapabilities: Capabilities = {
  provider: 'lago',
  title: 'Lago coupons',
  kinds: { Promotion: coupon },
  embedded: [],
};
