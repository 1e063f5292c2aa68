// Row cases for mobility voucherables (rows `mob.*` of docs/fidelity.md). Branches, vehicle categories,
// additions and business units are named as operators name them and mapped by the target's `ids`.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Plan } from '../../../src/generated/plan.js';
import type { ApiCases, CheckContext } from '../cases.js';

const doc = (kind: string, name: string, body: string, meta = '') => `apiVersion: promoc/v1
kind: ${kind}
metadata: { name: ${name}, labels: { target: mobility }${meta} }
spec:
${body}`;
const docs = (...d: string[]) => d.join('---\n');

const BERLIN = '  targeting: { branches: [berlin] }\n';
const STACK = '  stacking: { stackable: true }\n';
const costSourceBenefit = (source: string): string => {
  const [group, code] = source.split(':');
  return `    - percentOff: 50\n      appliesTo: { costSources: [{ group: ${group}, code: ${code} }] }\n`;
};
const square = (lon: number, lat: number) =>
  `  geometry:\n    type: Polygon\n    coordinates: [[[${lon}, ${lat}], [${lon + 0.01}, ` +
  `${lat}], [${lon + 0.01}, ${lat + 0.01}], [${lon}, ${lat + 0.01}], [${lon}, ${lat}]]]\n`;

type Obj = Record<string, unknown>;
const template = (c: CheckContext, name: string): Obj => c.one('voucherables', 'name', name);
const benefits = (v: Obj): Obj[] => v.benefits as Obj[];
const tagId = (c: CheckContext, name: string): unknown => c.one('annotations', 'name', name).id;
const planJson = async (cli: (args: readonly string[]) => Promise<{ stdout: string }>): Promise<Plan> =>
  JSON.parse((await cli(['plan', '--format', 'json'])).stdout) as Plan;

const INTERVALS = ['DAILY', 'WEEKLY', 'MONTHLY', 'FIRST_OF_MONTH', 'YEARLY', 'FIRST_OF_YEAR'] as const;
const PRICE_TYPES = ['TIME_PRICE', 'DRIVING_PRICE', 'PARKING_PRICE', 'DISTANCE_PRICE', 'RESERVATION_PRICE', 'UNLOCK_FEE'] as const;
const PHASES = ['START_RENTAL', 'END_RENTAL', 'START_PLUS_END_RENTAL', 'START_AND_END_RENTAL'] as const;
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/_price$|_rental$/, '')
    .replaceAll('_', '-');

export const mobilityCases: ApiCases = {
  provider: 'mobility',
  target:
    'ids:\n  branches: { berlin: 11, potsdam: 22 }\n  vehicleCategories: { e-scooter: 1, e-moped: ' +
    '2, e-car: 3 }\n  additions: { INSURANCE_PLUS: 1 }\n  businessUnits: { north: 1, south: 2 }',
  roundTrips: [
    {
      rows: ['mob.annotations.create', 'mob.annotations.type-tag', 'mob.annotations.type-label', 'mob.annotations.list'],
      files: {
        'tags.yaml': docs(
          doc('Tag', 'flagged', '  type: LABEL\n  subjects: [user]\n  description: Account under fraud review.\n'),
          doc('Tag', 'employee', '  type: TAG\n  subjects: [user]\n'),
          doc('Tag', 'fresh-fleet', '  type: TAG\n  subjects: [vehicle]\n'),
        ),
      },
      check: (c) => {
        expect(c.one('annotations', 'name', 'flagged')).toMatchObject({ type: 'LABEL' });
        expect(String(c.one('annotations', 'name', 'flagged').description)).toMatch(/^Account under fraud review\./);
        expect(c.one('annotations', 'name', 'employee')).toMatchObject({ type: 'TAG' });
        expect(c.imported).toMatch(/kind: Tag\nmetadata:\n {2}name: fresh-fleet/);
      },
    },
    {
      rows: [
        'mob.type.promotion',
        'mob.templates.create',
        'mob.templates.activate',
        'mob.benefits.multiple',
        'mob.benefit.value',
        'mob.benefit.discount',
        'mob.benefit.rental-rebate',
        'mob.benefit.free-unlocks',
        'mob.benefit.free-minutes',
        'mob.benefit.rentals',
        'mob.benefit.validity-days',
        'mob.branches',
        'mob.vehicle-categories',
        'mob.annotation.required',
        'mob.annotation.prohibited',
        'mob.validity',
        'mob.redeem-limits',
        'mob.stacking.combined',
        'mob.show-in-user-app',
        'mob.auth',
      ],
      files: {
        'promotion.yaml': doc(
          'Promotion',
          'staff-welcome',
          `  code: STAFFWELCOME
  displayName: Staff welcome
  window: { from: 2027-01-01T00:00:00Z, until: 2028-01-01T00:00:00Z }
  limits: { redemptions: 500, perCustomer: 1 }
  audience: { requireTags: [employee], excludeTags: [flagged] }
  benefits:
    - credit: { amount: "5.00", currency: EUR }
    - percentOff: 25
    - amountOff: { amount: "2.50", currency: EUR }
      rentals: 2
    - freeUnlocks: 3
    - freeMinutes: 30
      validForDays: 14
${STACK}  targeting: { branches: [berlin], vehicleCategories: [e-scooter, e-moped] }
  visibility: hidden
`,
        ),
      },
      check: (c) => {
        const v = template(c, 'Staff welcome');
        expect(v).toMatchObject({
          type: 'Promotion',
          code: 'STAFFWELCOME',
          state: 'ACTIVE',
          validFrom: '2027-01-01T00:00:00Z',
          validUntil: '2028-01-01T00:00:00Z',
          redeemLimit: 500,
          redeemLimitPerUser: 1,
          applicableBranchIds: [11],
          showInUserApp: false,
          businessUnitId: 1,
        });
        expect(v.guserRequiredAnnotationIds).toEqual([tagId(c, 'employee')]);
        expect(v.guserProhibitedAnnotationIds).toEqual([tagId(c, 'flagged')]);
        const b = benefits(v);
        expect(b.map((x) => x.type)).toEqual(['Value', 'Discount', 'RentalRebate', 'FreeUnlocks', 'FreeMinutes']);
        expect(b).toMatchObject([
          { value: 5 },
          { discount: 0.25 },
          { rentalRebate: 2.5, numberOfRentals: 2 },
          { freeUnlocks: 3 },
          { freeMinutes: 30, validityDays: 14 },
        ]);
        for (const x of b) expect([...(x.applicableVehicleCategoryIds as number[])].sort()).toEqual([1, 2]);
      },
    },
    {
      rows: ['mob.templates.deactivate', 'mob.business-unit'],
      files: {
        'inactive.yaml': doc(
          'Promotion',
          'potsdam-later',
          `  code: POTSDAMLATER\n  status: inactive\n  benefits: [{ percentOff: 10 }]\n${STACK}  ` +
            `targeting: { branches: [potsdam] }\n  providers: { mobility: { businessUnit: south } }\n`,
        ),
      },
      check: (c) => {
        expect(template(c, 'potsdam-later')).toMatchObject({ state: 'INACTIVE', businessUnitId: 2, applicableBranchIds: [22] });
      },
    },
    {
      rows: PRICE_TYPES.map((t) => `mob.price-type.${slug(t)}`),
      files: {
        'price-types.yaml': doc(
          'Promotion',
          'price-types',
          `  code: PRICETYPES\n  benefits:\n` +
            `${PRICE_TYPES.map((t, i) => `    - percentOff: ${10 + i}\n      appliesTo: { priceTypes: [${t}] }\n`).join('')}${STACK}${BERLIN}`,
        ),
      },
      check: (c) => {
        expect(benefits(template(c, 'price-types')).map((b) => b.applicablePriceType)).toEqual([...PRICE_TYPES]);
      },
    },
    {
      rows: ['mob.cost-source.rental', 'mob.cost-source.addition', 'mob.cost-source.surcharge'],
      files: {
        'cost-sources.yaml': doc(
          'Promotion',
          'cost-sources',
          `  code: COSTSOURCES\n  benefits:\n` +
            ['RENTAL:TIER_1', 'ADDITION:INSURANCE_PLUS', 'SURCHARGE:AIRPORT'].map(costSourceBenefit).join('') +
            `${STACK}${BERLIN}`,
        ),
      },
      check: (c) => {
        expect(benefits(template(c, 'cost-sources')).map((b) => b.costSources)).toEqual([
          [{ group: 'RENTAL', sourceCodes: ['TIER_1'] }],
          [{ group: 'ADDITION', sourceCodes: ['INSURANCE_PLUS'] }],
          [{ group: 'SURCHARGE', sourceCodes: ['AIRPORT'] }],
        ]);
      },
    },
    {
      rows: [
        'mob.type.geofence-promotion',
        'mob.type.geofence-surcharge',
        'mob.zone.geometry',
        'mob.rental-type.start-or-end',
        ...PHASES.map((p) => `mob.rental-type.${slug(p)}`),
      ],
      files: {
        'geofences.yaml': docs(doc('Geofence', 'zone-a', square(13.4, 52.5)), doc('Geofence', 'zone-b', square(13.5, 52.5))),
        'geofence-promotions.yaml': docs(
          ...PHASES.map((p) =>
            doc(
              'GeofencePromotion',
              `zone-${slug(p)}`,
              `  zone: { geofences: [zone-a], phase: ${p} }\n  benefits: [{ percentOff: 20, appliesTo: { priceTypes: [TIME_PRICE] } }]\n${STACK}${BERLIN}`,
            ),
          ),
        ),
        'surcharge.yaml': doc(
          'GeofenceSurcharge',
          'zone-fee',
          `  zone: { geofences: [zone-a, zone-b], phase: START_OR_END_RENTAL }\n${BERLIN}  surcharge:\n    amount: { amount: "4.90", currency: EUR }\n`,
        ),
      },
      check: (c) => {
        for (const p of PHASES)
          expect(template(c, `zone-${slug(p)}`)).toMatchObject({ type: 'GeoFencePromotion', applicableRentalType: p, geofence: { type: 'MultiPolygon' } });
        const fee = template(c, 'zone-fee');
        expect(fee).toMatchObject({ type: 'GeoFenceSurcharge', applicableRentalType: 'START_OR_END_RENTAL', geofence: { type: 'MultiPolygon' } });
        expect((fee.geofence as { coordinates: unknown[] }).coordinates).toHaveLength(2);
        expect(benefits(fee)).toMatchObject([{ type: 'RentalRebate', rentalRebate: -4.9 }]);
      },
    },
    {
      rows: ['mob.type.package', 'mob.price'],
      files: {
        'package.yaml': doc(
          'Package',
          'minute-pack',
          `  price: { amount: "19.00", currency: EUR }\n  validForDays: 30\n  benefits: [{ ` +
            `freeMinutes: 100 }]\n  targeting: { branches: [berlin], vehicleCategories: [e-scooter] }\n`,
        ),
      },
      check: (c) => {
        expect(template(c, 'minute-pack')).toMatchObject({ type: 'Package', price: 19 });
      },
    },
    {
      rows: ['mob.paging', 'mob.type.subscription', 'mob.benefit.discount-on-packages', ...INTERVALS.map((i) => `mob.interval.${slug(i)}`)],
      files: {
        'subscriptions.yaml': docs(
          ...INTERVALS.map((i) =>
            doc(
              'Subscription',
              `plan-${slug(i)}`,
              `  price: { amount: "9.99", currency: EUR }\n  interval: ${i}\n  benefits: [{ packageDiscount: 10 }]\n${BERLIN}`,
            ),
          ),
        ),
      },
      check: (c) => {
        for (const i of INTERVALS) expect(template(c, `plan-${slug(i)}`)).toMatchObject({ type: 'Subscription', interval: i, price: 9.99 });
        // Over twenty templates at two a page: import read every page.
        for (const i of INTERVALS) expect(c.imported).toContain(`name: plan-${slug(i)}`);
        expect(benefits(template(c, 'plan-monthly'))).toMatchObject([{ type: 'DiscountOnPackages', discount: 0.1 }]);
      },
    },
    {
      rows: ['mob.type.reward', 'mob.type.triggered', 'mob.type.signup-referral', 'mob.type.customer-care'],
      files: {
        'kinds.yaml': docs(
          doc(
            'Reward',
            'regulars',
            `  after: { minutes: 600, spend: { amount: "150.00", currency: EUR } }\n  benefits: [{ freeUnlocks: 5 }]\n${STACK}${BERLIN}`,
          ),
          doc(
            'Triggered',
            'topup-bonus',
            `  event: TOP_UP\n  conditions: { mode: ALL, minimumSpend: { amount: "50.00", currency: ` +
              `EUR } }\n  benefits: [{ credit: { amount: "5.00", currency: EUR } }]\n${STACK}${BERLIN}`,
          ),
          doc(
            'Referral',
            'refer',
            `  qualifyingRentals: 2\n  referee: { benefits: [{ credit: { amount: "5.00", currency: EUR } }] }\n  ` +
              `referrer: { benefits: [{ credit: { amount: "10.00", currency: EUR }, validForDays: 90 }] }\n${BERLIN}`,
          ),
          doc('CustomerCare', 'goodwill', '  reasons: [VEHICLE_DEFECT, APP_OUTAGE]\n  benefits: [{ credit: { amount: "5.00", currency: EUR } }]\n'),
        ),
      },
      check: (c) => {
        expect(template(c, 'regulars')).toMatchObject({ type: 'Reward', rewardCondition: { minutes: 600, spendAmount: 150 } });
        expect(template(c, 'topup-bonus')).toMatchObject({ type: 'Triggered', triggerEvent: 'TOP_UP', triggerConditions: { minimumSpend: 50 } });
        expect(template(c, 'refer')).toMatchObject({
          type: 'SignupReferral',
          qualifyingRentals: 2,
          benefits: [{ type: 'Value', value: 5 }],
          referrerBenefits: [{ type: 'Value', value: 10, validityDays: 90 }],
        });
        expect(template(c, 'goodwill')).toMatchObject({ type: 'CustomerCare' });
        expect([...(template(c, 'goodwill').reasonCodes as string[])].sort()).toEqual(['APP_OUTAGE', 'VEHICLE_DEFECT']);
      },
    },
    {
      rows: ['mob.type.vehicle-promotion', 'mob.vehicle-annotations', 'mob.vehicle-ids'],
      files: {
        'vehicles.yaml': docs(
          doc(
            'VehiclePromotion',
            'fresh-unlock',
            `  benefits: [{ percentOff: 100, appliesTo: { priceTypes: [UNLOCK_FEE] } }]\n` +
              `${STACK}  targeting: { branches: [berlin], vehicleTags: [fresh-fleet] }\n`,
          ),
          doc('VehiclePromotion', 'move-me', `  benefits: [{ percentOff: 50 }]\n${STACK}  targeting: { branches: [berlin], vehicleIds: ["1001", "1002"] }\n`),
        ),
      },
      check: (c) => {
        expect(template(c, 'fresh-unlock')).toMatchObject({ type: 'VehiclePromotion', vehicleAnnotationIds: [tagId(c, 'fresh-fleet')] });
        expect(template(c, 'move-me')).toMatchObject({ type: 'VehiclePromotion', vehicleIds: [1001, 1002] });
      },
    },
    {
      rows: ['mob.type.ride-pass', 'mob.type.priced-promotion', 'mob.benefit.addition-entitlement'],
      files: {
        'paid.yaml': docs(
          doc(
            'RidePass',
            'day-pass',
            `  code: DAYPASS\n  price: { amount: "12.90", currency: EUR }\n  validForDays: ` +
              `1\n  benefits: [{ freeUnlocks: 10 }, { freeMinutes: 120 }]\n${BERLIN}`,
          ),
          doc(
            'PricedPromotion',
            'insurance-season',
            `  code: INSURESEASON\n  price: { amount: "14.90", currency: EUR }\n  benefits:\n    ` +
              `- entitlement: { addition: INSURANCE_PLUS }\n      rentals: 20\n      validForDays: ` +
              `120\n${STACK}  targeting: { branches: [berlin], vehicleCategories: [e-car] }\n`,
          ),
        ),
      },
      check: (c) => {
        expect(template(c, 'day-pass')).toMatchObject({ type: 'RidePass', code: 'DAYPASS', price: 12.9 });
        expect(template(c, 'insurance-season')).toMatchObject({ type: 'PricedPromotion', code: 'INSURESEASON', price: 14.9 });
        expect(benefits(template(c, 'insurance-season'))).toMatchObject([
          { type: 'AdditionEntitlement', additionId: 1, numberOfRentals: 20, validityDays: 120 },
        ]);
      },
    },
    {
      rows: ['mob.redeemable.constraint', 'mob.redeemable.summary', 'mob.voucher-state.not-redeemed'],
      files: {
        'batch.yaml':
          'apiVersion: promoc/v1\nkind: CodeBatch\nmetadata: { name: fair-codes, labels: { target: mobility } ' +
          '}\nspec:\n  campaign: staff-welcome\n  count: 20\n  prefix: FAIR\n  length: 10\n  validForDays: 60\n',
      },
      check: async (c) => {
        const codes = c.live('vouchers').filter((v) => String(v.code).startsWith('FAIR'));
        expect(codes).toHaveLength(20);
        expect(codes.every((v) => v.state === 'NOT_REDEEMED' && String(v.code).length === 10)).toBe(true);
        const action = (await planJson((a) => c.w.cli(a))).actions.find((a) => a.name === 'fair-codes')!;
        expect(action.counters).toContainEqual(
          expect.objectContaining({ name: 'codes', value: 20, text: '20 codes issued in 1 batch: 0 redeemed, 20 not redeemed yet' }),
        );
      },
    },
  ],
  refusals: [
    {
      rows: ['mob.price-type.several'],
      step: 'plan',
      files: {
        'two-types.yaml': doc(
          'Promotion',
          'two-types',
          `  code: TWOTYPES\n  benefits: [{ percentOff: 10, appliesTo: { priceTypes: [TIME_PRICE, UNLOCK_FEE] } }]\n${STACK}${BERLIN}`,
        ),
      },
      at: 'two-types.yaml:6:57',
      reason: /a mobility benefit targets one applicablePriceType/,
    },
    {
      rows: ['mob.stacking.exclusive'],
      step: 'plan',
      files: {
        'exclusive.yaml': doc(
          'Promotion',
          'exclusive',
          `  code: EXCLUSIVE\n  benefits: [{ percentOff: 10 }]\n  stacking: { stackable: false, priority: 10 }\n${BERLIN}`,
        ),
      },
      at: 'exclusive.yaml:7:26',
      reason: /a template cannot be made exclusive.*plan\/unsupported-field/,
    },
    {
      rows: ['mob.no-other-fields'],
      step: 'plan',
      files: {
        'budget.yaml': doc(
          'Promotion',
          'budget',
          `  code: BUDGETED\n  limits: { budget: { amount: "100.00", currency: EUR } }\n  benefits: [{ percentOff: 10 }]\n${STACK}${BERLIN}`,
        ),
      },
      at: 'budget.yaml:6:21',
      reason: /voucherables have no budget cap.*plan\/unsupported-field/,
    },
    {
      rows: ['mob.templates.activation-gaps'],
      step: 'plan',
      files: { 'no-branch.yaml': doc('Promotion', 'no-branch', `  code: NOBRANCH\n  benefits: [{ percentOff: 10 }]\n${STACK}`) },
      at: 'no-branch.yaml:5:3',
      reason: /an active Promotion needs at least one branch/,
    },
  ],
  scenarios: [
    {
      name: 'a changed template and a changed tag are updates; a removed template is deleted with --prune',
      rows: ['mob.templates.update', 'mob.templates.delete', 'mob.annotations.update'],
      files: {
        'tag.yaml': doc('Tag', 'vip', '  type: TAG\n  subjects: [user]\n  description: Before\n'),
        'p.yaml': doc('Promotion', 'edit-me', `  code: EDITME\n  benefits: [{ percentOff: 10 }]\n${STACK}${BERLIN}`),
      },
      run: async ({ w, live, cli }) => {
        expect((await cli(['apply', '--auto-approve'])).code).toBe(0);
        await writeFile(join(w.repo, 'campaigns', 'tag.yaml'), doc('Tag', 'vip', '  type: TAG\n  subjects: [user]\n  description: After\n'));
        await writeFile(
          join(w.repo, 'campaigns', 'p.yaml'),
          doc('Promotion', 'edit-me', `  code: EDITME\n  benefits: [{ percentOff: 15 }]\n${STACK}${BERLIN}`),
        );
        const plan = await planJson(cli);
        expect(plan.actions.find((a) => a.name === 'edit-me')).toMatchObject({ action: 'update' });
        expect(plan.actions.find((a) => a.name === 'vip')).toMatchObject({ action: 'update' });
        expect((await cli(['apply', '--auto-approve'])).code).toBe(0);
        expect(benefits(live('voucherables').find((v) => v.code === 'EDITME')!)).toMatchObject([{ discount: 0.15 }]);
        expect(String(live('annotations').find((a) => a.name === 'vip')!.description)).toMatch(/^After/);
        await writeFile(join(w.repo, 'campaigns', 'p.yaml'), doc('Tag', 'other', '  type: TAG\n  subjects: [user]\n'));
        expect((await cli(['apply', '--auto-approve', '--prune'])).code).toBe(0);
        expect(live('voucherables').find((v) => v.code === 'EDITME')).toBeUndefined();
      },
    },
  ],
  elsewhere: [
    {
      rows: ['mob.benefit.validity-dates', 'mob.benefit.branches', 'mob.benefit.vehicle-categories', 'mob.annotation.related-models'],
      file: 'test/fidelity/mobility.test.ts',
      test: "round-trips per-benefit windows, branches, vehicle categories and an addition's annotation gates",
    },
    {
      rows: ['mob.benefit.branches.outside'],
      file: 'test/fidelity/mobility.test.ts',
      test: "refuses, located, a benefit branch outside the campaign's branches",
    },
    {
      rows: ['mob.redeemable.multi-use'],
      file: 'test/fidelity/mobility.test.ts',
      test: 'round-trips a CodeBatch with usesPerCode as POST /vouchers/redeemable; its codes redeem that many times',
    },
    {
      rows: ['mob.redeemable.issued-settings'],
      file: 'test/fidelity/mobility.test.ts',
      test: 'blocks turning a single-use batch into a multi-use one: issued codes keep how they were issued',
    },
    {
      rows: ['mob.claim-vs-rental-time'],
      file: 'test/fidelity/mobility.test.ts',
      test: "round-trips creditAt: the tenant's setting, which the engine prices and lint reads, is not a template field",
    },
    { rows: ['mob.targeted-first'], file: 'src/engine/stacking.test.ts', test: 'applies targeted benefits before broad ones, whatever their priority' },
  ],
};
