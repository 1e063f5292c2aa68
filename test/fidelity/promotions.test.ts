// Subscription-billing promotions: re-activating a promotion archived several times diffs against its most
// recently archived copy, not the oldest.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/generated/plan.js';
import { workspace, type Workspace } from './round-trip.js';

let w: Workspace | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const promo = (status: string, percent: number) => `apiVersion: promoc/v1
kind: Promotion
metadata: { name: spring-saas, labels: { target: promotions } }
spec:
  code: SPRINGSAAS
  status: ${status}
  displayName: Spring SaaS
  window: { until: 2029-01-01T00:00:00Z }
  benefits: [{ percentOff: ${percent} }]
`;

describe('promotions: archived copies', () => {
  it('diffs a re-activation against the most recently archived copy', async () => {
    w = await workspace('promotions', { 'campaigns/p.yaml': promo('active', 10) });
    const file = join(w.repo, 'campaigns', 'p.yaml');
    const step = async (status: string, percent: number) => {
      await writeFile(file, promo(status, percent));
      const applied = await w!.cli(['apply', '--auto-approve']);
      expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    };
    await step('active', 10);
    await step('inactive', 10); // archived with 10%
    await step('active', 20); // a new copy at 20%, activated
    await step('inactive', 20); // archived with 20%
    await writeFile(file, promo('active', 20));
    const planned = await w.cli(['plan', '--format', 'json']);
    const plan = JSON.parse(planned.stdout) as Plan;
    const action = plan.actions.find((a) => a.key === 'SPRINGSAAS')!;
    // Against the 20% copy only the status differs; against the oldest (10%) the benefit would too.
    expect(action.changes.map((c) => c.path)).not.toContainEqual(expect.stringContaining('benefits'));
    expect(action.changes.map((c) => c.path)).toContainEqual(expect.stringContaining('status'));
  });
});
