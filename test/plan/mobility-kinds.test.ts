// End to end against the mobility emulator for the kinds with business parameters of their own (Reward,
// Triggered, Referral, CustomerCare, Subscription) and for code batches: what lower sends, that it reads back
// with no diff, that a change is a field-level update, that a dashboard edit is drift, and that a code batch
// is create-only (a larger count is an additional batch, anything else is blocked with the reason).
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Action, Plan } from '../../src/generated/plan.js';
import { loadProject } from '../../src/load/project.js';
import type { Model } from '../../src/model/resource.js';
import { planExitCode } from '../../src/plan/build.js';
import { codeBatchRequests } from '../../src/providers/mobility/code-batch.js';
import { startHarness, without, type Harness } from './harness.js';
import { clientFor, seedCreates } from './seed.js';

let model: Model;
let h: Harness;
beforeAll(async () => {
  const loaded = await loadProject({ cwd: join(import.meta.dirname, '../fixtures/plan/mobility-kinds'), cache: false, workers: 1 });
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  model = loaded.model;
});
beforeEach(async () => {
  h = await startHarness(model);
});
afterEach(async () => {
  await h.close();
});

async function plan(o: Parameters<Harness['plan']>[0] = {}): Promise<Plan> {
  const r = await h.plan(o);
  expect(r.diagnostics).toEqual([]);
  return r.plan!;
}
async function seeded(): Promise<Plan> {
  await seedCreates(await plan(), h.bindings);
  return plan();
}
const find = (p: Plan, name: string): Action => {
  const a = p.actions.find((x) => x.name === name);
  if (!a) throw new Error(`no action for ${name}: ${p.actions.map((x) => x.name).join(', ')}`);
  return a;
};
/** The model with one resource's spec changed. */
function changed(name: string, edit: (spec: Record<string, unknown>) => void): Model {
  const m = structuredClone(model);
  for (const l of m.resources) if (l.resource.metadata.name === name) edit(l.resource.spec as unknown as Record<string, unknown>);
  return m;
}
const tenant = 'demo';
const stored = (collection: string): Record<string, Record<string, unknown>> =>
  (h.emulators.control('mobility').snapshot() as { tenants: Record<string, Record<string, Record<string, Record<string, unknown>>>> }).tenants[tenant]![
    collection
  ]!;
const idOf = (match: (o: Record<string, unknown>) => boolean): string => Object.entries(stored('voucherables')).find(([, o]) => match(o))![0];

describe('type-specific fields of voucherables', () => {
  it("lower sends them in the API's names and units", async () => {
    const p = await plan();
    expect(find(p, 'moped-regulars').payload).toMatchObject({ type: 'Reward', rewardCondition: { numberOfRentals: null, minutes: 600, spendAmount: 150 } });
    expect(find(p, 'topup-bonus').payload).toMatchObject({ type: 'Triggered', triggerEvent: 'TOP_UP', triggerConditions: { minimumSpend: 50 } });
    expect(find(p, 'refer-a-friend').payload).toMatchObject({
      type: 'SignupReferral',
      qualifyingRentals: 2,
      benefits: [{ type: 'Value', value: 5, applicableVehicleCategoryIds: [1] }],
      referrerBenefits: [{ type: 'Value', value: 10, validityDays: 90, applicableVehicleCategoryIds: [1] }],
    });
    expect(find(p, 'goodwill').payload).toMatchObject({ type: 'CustomerCare', reasonCodes: ['VEHICLE_DEFECT', 'APP_OUTAGE'], applicableBranchIds: [] });
    expect(find(p, 'plus-monthly').payload).toMatchObject({ type: 'Subscription', trialPeriodDays: 14 });
    expect(find(p, 'welcome-ride').payload).not.toHaveProperty('rewardCondition');
    expect(find(p, 'refer-a-friend').changes.map((c) => c.path)).toEqual(
      expect.arrayContaining(['spec.referee.benefits[0].credit.amount', 'spec.referrer.benefits[0].credit.amount', 'spec.qualifyingRentals']),
    );
  });

  it('read back with no diff once written and activated', async () => {
    const p = await seeded();
    expect(p.actions.filter((a) => a.action !== 'noop')).toEqual([]);
    expect(Object.values(stored('voucherables')).every((v) => v.state === 'ACTIVE')).toBe(true);
  });

  it('a changed parameter is a field-level update', async () => {
    await seeded();
    const m = changed('moped-regulars', (s) => {
      s.after = { minutes: 700, spend: { amount: '150.00', currency: 'EUR' } };
    });
    const edits: [string, (s: Record<string, unknown>) => void][] = [
      [
        'topup-bonus',
        (s) => {
          s.event = 'FIRST_RENTAL';
        },
      ],
      [
        'refer-a-friend',
        (s) => {
          s.referrer = { benefits: [{ credit: { amount: '15.00', currency: 'EUR' }, validForDays: 90 }] };
        },
      ],
      [
        'goodwill',
        (s) => {
          s.reasons = ['APP_OUTAGE', 'VEHICLE_DEFECT', 'LATE_REFUND'];
        },
      ],
      [
        'plus-monthly',
        (s) => {
          delete s.trialDays;
        },
      ],
    ];
    for (const [name, edit] of edits)
      for (const l of m.resources) if (l.resource.metadata.name === name) edit(l.resource.spec as unknown as Record<string, unknown>);
    const p = await plan({ model: m });
    const changes = (name: string) => {
      const a = find(p, name);
      expect(a.action).toBe('update');
      return a.changes;
    };
    expect(changes('moped-regulars')).toEqual([{ path: 'spec.after.minutes', before: 600, after: 700 }]);
    expect(changes('topup-bonus')).toEqual([{ path: 'spec.event', before: 'TOP_UP', after: 'FIRST_RENTAL' }]);
    expect(changes('refer-a-friend')).toEqual([{ path: 'spec.referrer.benefits[0].credit.amount', before: '10.00', after: '15.00' }]);
    expect(changes('goodwill')).toEqual([
      { path: 'spec.reasons', before: ['APP_OUTAGE', 'VEHICLE_DEFECT'], after: ['APP_OUTAGE', 'LATE_REFUND', 'VEHICLE_DEFECT'] },
    ]);
    expect(changes('plus-monthly')).toEqual([{ path: 'spec.trialDays', before: 14 }]);
  });

  it('a dashboard edit of a parameter is drift that applying reverts', async () => {
    await seeded();
    await h.emulators.control('mobility').edit(
      tenant,
      'voucherables',
      idOf((o) => o.type === 'Triggered'),
      { triggerConditions: { minimumSpend: 20 } },
    );
    const a = find(await plan(), 'topup-bonus');
    expect(a).toMatchObject({
      action: 'update',
      drift: { onlyDrift: true },
      changes: [{ path: 'spec.conditions.minimumSpend.amount', before: '20.00', after: '50.00' }],
    });
  });
});

describe('code batches (single-use constraint vouchers)', () => {
  it("plan a create with the template as a placeholder and promoc's marker in the description", async () => {
    const a = find(await plan(), 'uni-fairs');
    expect(a).toMatchObject({
      action: 'create',
      kind: 'CodeBatch',
      key: 'uni-fairs',
      apiObject: 'code batch (redeemable vouchers: single-use constraint, or multi-use)',
    });
    expect(a.payload).toMatchObject({
      voucherableId: { $voucherable: 'Promotion/welcome-ride' },
      quantity: 3000,
      prefix: 'UNI27',
      codeLength: 7,
      validityDays: 60,
    });
    expect(String(a.payload!.description)).toMatch(/^Flyers for the freshers' fairs\.\n\n\[promoc:managed CodeBatch\/uni-fairs [0-9a-f]{12}\]$/);
    expect(a.changes.map((c) => `${c.path}=${JSON.stringify(c.after)}`)).toEqual([
      'spec.campaign="welcome-ride"',
      'spec.count=3000',
      'spec.length=12',
      'spec.prefix="UNI27"',
      'spec.validForDays=60',
    ]);
  });

  it('issue the codes, then read them back as the same batch with its counts', async () => {
    const a = find(await seeded(), 'uni-fairs');
    expect(a).toMatchObject({
      action: 'noop',
      counters: [{ name: 'codes', value: 3000, text: '3,000 codes issued in 1 batch: 0 redeemed, 3,000 not redeemed yet' }],
    });
    expect(Object.values(stored('vouchers')).filter((v) => String(v.code).startsWith('UNI27'))).toHaveLength(3000);
  });

  it('a larger count plans an additional batch of the difference; once issued, nothing is left to do', async () => {
    await seeded();
    const more = changed('uni-fairs', (s) => {
      s.count = 3500;
    });
    const p = await plan({ model: more });
    const a = find(p, 'uni-fairs');
    expect(a).toMatchObject({
      action: 'create',
      changes: [{ path: 'spec.count', before: 3000, after: 3500 }],
      payload: { quantity: 500, prefix: 'UNI27', codeLength: 7 },
    });
    expect(a.liveId).toMatch(/^batch:/);
    expect(a.reason).toBe('issues an additional batch of 500 codes: 3,000 were issued before and a batch cannot grow');
    expect(planExitCode(p)).toBe(2);
    await seedCreates(p, h.bindings);
    const after = find(await plan({ model: more }), 'uni-fairs');
    expect(after).toMatchObject({ action: 'noop', counters: [{ text: '3,500 codes issued in 2 batches: 0 redeemed, 3,500 not redeemed yet' }] });
  });

  it('a smaller count or other settings are blocked with the reason', async () => {
    await seeded();
    const fewer = find(
      await plan({
        model: changed('uni-fairs', (s) => {
          s.count = 2000;
        }),
      }),
      'uni-fairs',
    );
    expect(fewer.action).toBe('blocked');
    expect(fewer.reason).toContain('3,000 codes are already issued and a batch cannot shrink');
    const prefix = find(
      await plan({
        model: changed('uni-fairs', (s) => {
          s.prefix = 'FAIR27';
        }),
      }),
      'uni-fairs',
    );
    expect(prefix).toMatchObject({
      action: 'blocked',
      changes: [{ path: 'spec.prefix', before: 'UNI27', after: 'FAIR27', immutable: expect.stringContaining('create-only') }],
    });
    expect(prefix.reason).toContain('a code batch is create-only: issued codes keep the template, prefix, length, validity and uses per code');
  });

  it('leave batches promoc did not issue alone, and cannot prune the ones it did', async () => {
    await seeded();
    const template = Number(idOf((o) => o.code === 'WELCOME5'));
    await clientFor(h.bindings, 'mobility').request({
      method: 'POST',
      path: '/vouchers/redeemable/constraint',
      body: { voucherableId: template, quantity: 5 },
    });
    const quiet = await plan();
    expect(quiet.actions.filter((a) => a.action !== 'noop')).toEqual([]);
    expect(quiet.notes.map((n) => n.message)).toContain('1 live object is not managed by promoc and was left alone');
    const pruned = find(await plan({ model: without(model, 'CodeBatch/uni-fairs'), prune: true }), 'uni-fairs');
    expect(pruned).toMatchObject({ action: 'blocked', reason: expect.stringContaining('cannot delete a code batch') });
  });

  it('split into requests of at most 5,000 codes', () => {
    expect(codeBatchRequests({ quantity: 12_000, prefix: 'X' }).map((b) => b.quantity)).toEqual([5000, 5000, 2000]);
    expect(codeBatchRequests({ quantity: 5000 })).toEqual([{ quantity: 5000 }]);
  });
});
