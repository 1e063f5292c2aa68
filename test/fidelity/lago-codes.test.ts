// Lago takes coupon codes in any case, with dots, dashes and underscores (its own example is startup_deal):
// such a code validates when planned on Lago, round-trips through apply and import, and is refused (located)
// on targets that do not take it.
import { afterEach, describe, expect, it } from 'vitest';
import { explain, roundTrip, workspace, type Workspace } from './round-trip.js';

let w: Workspace | undefined;
afterEach(async () => { await w?.close(); w = undefined; });

const coupon = (name: string, code: string, target = 'lago') => `apiVersion: promoc/v1
kind: Promotion
metadata: { name: ${name}, labels: { target: ${target} } }
spec:
  code: ${code}
  displayName: ${name}
  duration: { frequency: once }
  benefits: [{ percentOff: 10 }]
`;

describe('Lago coupon codes in the forms Lago accepts', () => {
  it('round-trips lower case, dots, dashes and underscores: validate, plan, apply, plan, import, plan', async () => {
    w = await workspace('lago', {
      'campaigns/a.yaml': coupon('startup-deal', 'startup_deal'),
      'campaigns/b.yaml': coupon('spring-sale', 'spring.sale-2027'),
      'campaigns/c.yaml': coupon('mixed-case', 'Fleet.Pro'),
    });
    const r = await roundTrip(w);
    expect(r.importedPlan?.code, explain(r)).toBe(0);
    expect(r.replan!.stdout).toMatch(/No changes/);
    expect(r.importedPlan!.stdout).toMatch(/No changes/);
    const live = await w.cli(['import', '--out', 'again']);
    expect(live.code).toBe(0);
  });

  it('refuses at validate time, located, a code its target does not take', async () => {
    w = await workspace('lago', {
      'campaigns/ev.yaml': coupon('ev-lower', 'startup_deal', 'ev-billing').replace('  duration: { frequency: once }\n', '').replace('  displayName: ev-lower\n', ''),
      'campaigns/mobility.yaml': coupon('rides-lower', 'spring.sale', 'mobility').replace('  duration: { frequency: once }\n', ''),
    });
    const v = await w.cli(['validate']);
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(/campaigns\/ev\.yaml:5:9 +error +code "startup_deal" does not fit target ev-billing: it accepts 4–20 uppercase letters and digits +schema\/code-format/);
    expect(v.stdout).toMatch(/campaigns\/mobility\.yaml:5:9 +error +code "spring\.sale" does not fit target mobility/);
    expect(v.stdout).toContain('"STARTUPDEAL"');
  });
});

describe('Lago expiration_at', () => {
  it('refuses a past expiration_at at plan time, at spec.window.until', async () => {
    w = await workspace('lago', { 'campaigns/old.yaml': coupon('old-coupon', 'old_coupon').replace('  benefits:', '  window: { until: 2020-06-01T00:00:00Z }\n  benefits:') });
    const plan = await w.cli(['plan']);
    expect(plan.code, plan.stdout + plan.stderr).toBe(1);
    expect(plan.stdout + plan.stderr).toMatch(/campaigns\/old\.yaml:8:20 +error +target t \(lago\) refuses expiration_at 2020-06-01T00:00:00Z: it must be in the future .* +plan\/past-expiry/);
  });
});
