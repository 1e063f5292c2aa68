// EV billing promotional codes: the server's field-level reason kept in apply errors. The other EV rows of
// docs/fidelity.md are row cases (test/fidelity/rows/ev-billing.ts).
import { describe, expect, it } from 'vitest';
import { compileCalls } from '../../src/apply/plan-to-calls.js';
import { applyGraph } from '../../src/apply/run.js';
import { startEmulators } from '../../src/emulators/index.js';
import { describeEvError } from '../../src/providers/ev-billing/client.js';
import { planBindings, realDeps } from '../../src/plan/run.js';
import { localBindings } from '../../src/plan/targets.js';
import { FIXED_NOW } from './round-trip.js';
import { modelOf } from '../apply/harness.js';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const code = (name: string, body: string) => `apiVersion: promoc/v1
kind: Promotion
metadata: { name: ${name}, labels: { target: ev-billing } }
spec:
${body}`;

describe('EV billing promotional codes', () => {
  it("keeps the server's field-level reason in an apply error", async () => {
    // The plan's clock is behind the API's: the expiry is future for the plan and past for the server.
    const emulators = await startEmulators({ now: () => FIXED_NOW, providers: ['ev-billing'], seed: 1 });
    const repo = await mkdtemp(join(tmpdir(), 'promoc-ev-'));
    try {
      await mkdir(join(repo, 'campaigns'));
      await writeFile(
        join(repo, 'campaigns', 'c.yaml'),
        code('drift', '  code: DRIFT10\n  window: { until: 2027-01-01T00:00:00Z }\n  benefits: [{ percentOff: 10 }]\n'),
      );
      const model = await modelOf(repo);
      const bindings = localBindings(emulators.endpoints).filter((b) => b.provider === 'ev-billing');
      const planned = await planBindings({
        targetName: 'local',
        model,
        bindings,
        deps: realDeps(),
        now: () => new Date('2026-06-01T00:00:00Z'),
        promocVersion: '0.0.0-test',
        options: { prune: false, force: false },
      });
      expect(planned.plan?.summary).toMatchObject({ create: 1 });
      const { graph, unsupported } = compileCalls(planned.plan!);
      const report = await applyGraph({
        graph,
        unsupported,
        bindings,
        journalDir: join(repo, 'journal'),
        deps: realDeps(),
        process: { pid: process.pid, host: 'test' },
        promocVersion: '0.0.0-test',
      });
      expect(report.ok).toBe(false);
      expect(report.failed.map((f) => f.error).join('\n')).toMatch(
        /1 invalid field: expires_at \(expires_at: expires_at "2027-01-01T00:00:00Z" must be after 2027-01-15/,
      );
    } finally {
      await emulators.close();
      await rm(repo, { recursive: true, force: true });
    }
  });

  it("describes a validation error with every field's own reason", () => {
    expect(
      describeEvError({
        error: {
          code: 'validation_error',
          message: '1 invalid field: expires_at',
          details: [{ field: 'expires_at', message: 'expires_at must be after 2027-01-15T10:00:00Z' }],
        },
      }),
    ).toBe('validation_error: 1 invalid field: expires_at (expires_at: expires_at must be after 2027-01-15T10:00:00Z)');
    expect(describeEvError({ error: { code: 'code_not_found', message: 'no such code' } })).toBe('code_not_found: no such code');
    expect(describeEvError('nope')).toBeUndefined();
  });
});
