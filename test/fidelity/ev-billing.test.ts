// EV billing promotional codes: fixed discounts in any ISO 4217 currency the create body takes, the code form
// checked when validating, a past expires_at refused at plan time (not a 422 halfway through apply), and the
// server's field-level reason kept in apply errors.
import { afterEach, describe, expect, it } from 'vitest';
import { compileCalls } from '../../src/apply/plan-to-calls.js';
import { applyGraph } from '../../src/apply/run.js';
import { startEmulators } from '../../src/emulators/index.js';
import { describeEvError } from '../../src/providers/ev-billing/client.js';
import { planBindings, realDeps } from '../../src/plan/run.js';
import { localBindings } from '../../src/plan/targets.js';
import { FIXED_NOW, explain, roundTrip, workspace, type Workspace } from './round-trip.js';
import { modelOf } from '../apply/harness.js';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let w: Workspace | undefined;
afterEach(async () => { await w?.close(); w = undefined; });

const code = (name: string, body: string) => `apiVersion: promoc/v1
kind: Promotion
metadata: { name: ${name}, labels: { target: ev-billing } }
spec:
${body}`;

describe('EV billing promotional codes', () => {
  it('round-trips fixed discounts in EUR, USD and JPY: validate, plan, apply, plan, import, plan', async () => {
    w = await workspace('ev-billing', {
      'campaigns/eur.yaml': code('welcome-eur', '  code: WELCOMEEUR\n  benefits: [{ amountOff: { amount: "5.00", currency: EUR } }]\n'),
      'campaigns/usd.yaml': code('welcome-usd', '  code: WELCOMEUSD\n  window: { until: 2029-01-01T00:00:00Z }\n  benefits: [{ amountOff: { amount: "5.50", currency: USD } }]\n'),
      'campaigns/jpy.yaml': code('welcome-jpy', '  code: WELCOMEJPY\n  limits: { redemptions: 100, perCustomer: 1 }\n  benefits: [{ amountOff: { amount: "500", currency: JPY } }]\n'),
    });
    const r = await roundTrip(w);
    expect(r.importedPlan?.code, explain(r)).toBe(0);
    expect(r.replan!.stdout).toMatch(/No changes/);
    expect(r.importedPlan!.stdout).toMatch(/No changes/);
  });

  it('refuses a past expires_at at plan time, at spec.window.until, before anything is written', async () => {
    w = await workspace('ev-billing', {
      'campaigns/old.yaml': code('old-code', '  code: OLDCODE1\n  window: { until: 2020-01-01T00:00:00Z }\n  benefits: [{ percentOff: 10 }]\n'),
    });
    const plan = await w.cli(['plan']);
    expect(plan.code, plan.stdout + plan.stderr).toBe(1);
    expect(plan.stderr + plan.stdout).toMatch(/campaigns\/old\.yaml:6:20 +error +target t \(ev-billing\) refuses expires_at 2020-01-01T00:00:00Z: it must be in the future .* +plan\/past-expiry/);
    const apply = await w.cli(['apply', '--auto-approve']);
    expect(apply.code).toBe(1);
    const listed = await w.cli(['import', '--out', 'imported']);
    expect(listed.stdout).not.toMatch(/OLDCODE1/);
  });

  it('keeps the server\'s field-level reason in an apply error', async () => {
    // The plan's clock is behind the API's: the expiry is future for the plan and past for the server.
    const emulators = await startEmulators({ now: () => FIXED_NOW, providers: ['ev-billing'], seed: 1 });
    const repo = await mkdtemp(join(tmpdir(), 'promoc-ev-'));
    try {
      await mkdir(join(repo, 'campaigns'));
      await writeFile(join(repo, 'campaigns', 'c.yaml'), code('drift', '  code: DRIFT10\n  window: { until: 2027-01-01T00:00:00Z }\n  benefits: [{ percentOff: 10 }]\n'));
      const model = await modelOf(repo);
      const bindings = localBindings(emulators.endpoints).filter((b) => b.provider === 'ev-billing');
      const planned = await planBindings({ targetName: 'local', model, bindings, deps: realDeps(), now: () => new Date('2026-06-01T00:00:00Z'), promocVersion: '0.0.0-test', options: { prune: false, force: false } });
      expect(planned.plan?.summary).toMatchObject({ create: 1 });
      const { graph, unsupported } = compileCalls(planned.plan!);
      const report = await applyGraph({ graph, unsupported, bindings, journalDir: join(repo, 'journal'), deps: realDeps(), process: { pid: process.pid, host: 'test' }, promocVersion: '0.0.0-test' });
      expect(report.ok).toBe(false);
      expect(report.failed.map((f) => f.error).join('\n')).toMatch(/1 invalid field: expires_at \(expires_at: expires_at "2027-01-01T00:00:00Z" must be after 2027-01-15/);
    } finally {
      await emulators.close();
      await rm(repo, { recursive: true, force: true });
    }
  });

  it('describes a validation error with every field\'s own reason', () => {
    expect(describeEvError({ error: { code: 'validation_error', message: '1 invalid field: expires_at', details: [{ field: 'expires_at', message: 'expires_at must be after 2027-01-15T10:00:00Z' }] } }))
      .toBe('validation_error: 1 invalid field: expires_at (expires_at: expires_at must be after 2027-01-15T10:00:00Z)');
    expect(describeEvError({ error: { code: 'code_not_found', message: 'no such code' } })).toBe('code_not_found: no such code');
    expect(describeEvError('nope')).toBeUndefined();
  });
});
