// Import round trip on each emulator: apply the examples, seed an object promoc does not manage, then
// `promoc import` → `promoc plan` on the imported files shows no field changes (managed objects plan no-op,
// the unmanaged one an adopt update that only writes the marker), `promoc apply` adopts it, and the next
// plan is empty. All through the CLI against a configured target.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/generated/plan.js';
import type { Model } from '../../src/model/resource.js';
import { PROVIDER_IDS, type ProviderId } from '../../src/providers/index.js';
import { runCli } from '../helpers/run-cli.js';
import { clientFor } from '../plan/seed.js';
import { modelOf, plannable, REPO_ROOT, startApplyHarness, type ApplyHarness } from './harness.js';

let examples: Model;
let h: ApplyHarness | undefined;
let repo: string | undefined;
beforeAll(async () => {
  examples = await modelOf(REPO_ROOT);
});
afterEach(async () => {
  await h?.close();
  if (repo) await rm(repo, { recursive: true, force: true });
  h = undefined;
  repo = undefined;
});

const ENV = {
  EV_KEY: 'dyn_test_promoc',
  LAGO_KEY: 'lago_test_promoc',
  PROMOTIONS_KEY: 'kt_test_promoc',
  MOBILITY_ID: 'promoc',
  MOBILITY_SECRET: 'promoc-secret',
};

function targetConfig(provider: ProviderId, h: ApplyHarness): string {
  const e = h.emulators.endpoint(provider);
  switch (provider) {
    case 'ev-billing':
      return `provider: ev-billing\n    baseUrl: ${e.apiBaseUrl}\n    credentials: { apiKeyEnv: EV_KEY }`;
    case 'lago':
      return `provider: lago\n    baseUrl: ${e.apiBaseUrl}\n    credentials: { apiKeyEnv: LAGO_KEY }`;
    case 'promotions':
      return `provider: promotions\n    baseUrl: ${e.apiBaseUrl}\n    credentials: { apiKeyEnv: PROMOTIONS_KEY }`;
    case 'mobility':
      return (
        `provider: mobility\n    baseUrl: ${e.baseUrl}\n    organization: ${e.tenant}` +
        `\n    credentials: { clientIdEnv: MOBILITY_ID, clientKeyEnv: MOBILITY_SECRET }`
      );
  }
}

async function seedUnmanaged(provider: ProviderId, h: ApplyHarness): Promise<void> {
  const c = clientFor(h.bindings, provider);
  const body: Record<ProviderId, [string, unknown]> = {
    'ev-billing': ['/api/v1/billing/promotional-codes', { code: 'LEGACY10', discount_type: 'percent', discount_value: 10 }],
    lago: [
      '/coupons',
      { coupon: { name: 'Legacy', code: 'LEGACY10', coupon_type: 'percentage', percentage_rate: 10, frequency: 'once', expiration: 'no_expiration' } },
    ],
    promotions: [
      '/promotions',
      { name: 'Legacy', code: 'LEGACY10', phases: [{ name: 'Default', conditions: [], effects: [{ type: 'percent_discount', percent: 10 }] }] },
    ],
    mobility: ['/annotations', { name: 'legacy-tag', type: 'TAG' }],
  };
  await c.request({ method: 'POST', path: body[provider][0], body: body[provider][1] });
}

const only = (model: Model, provider: ProviderId): Model => ({
  ...model,
  resources: model.resources.filter((l) => l.resource.metadata.labels?.target === provider || l.resource.kind === 'Geofence'),
});

describe.each(PROVIDER_IDS)('import from the %s emulator', (provider) => {
  it('round-trips: import, plan (no field changes), apply (adopts), plan (empty)', async () => {
    h = await startApplyHarness({ providers: [provider] });
    const { model } = await plannable(h, only(examples, provider));
    expect((await h.apply((await h.plan(model)).plan!)).ok).toBe(true);
    await seedUnmanaged(provider, h);
    repo = await mkdtemp(join(tmpdir(), 'promoc-import-'));
    await writeFile(
      join(repo, 'promoc.config.yaml'),
      `apiVersion: promoc/v1\nkind: Config\ncampaigns: [imported/**/*.yaml]\ncache: { ` +
        `enabled: false }\ndefaultTarget: t\ntargets:\n  t:\n    ${targetConfig(provider, h)}\n`,
    );
    const cli = (args: string[]) => runCli(args, { cwd: repo!, env: ENV });

    const imported = await cli(['import', '--out', 'imported']);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const first = await cli(['plan', '--format', 'json']);
    expect(first.stderr).toBe('');
    const plan = JSON.parse(first.stdout) as Plan;
    const changed = plan.actions.filter((a) => a.action !== 'noop');
    // Only the unmanaged object plans anything: an adoption that writes the marker and changes no field.
    expect(changed.map((a) => ({ action: a.action, key: a.key, adopt: a.adopt, changes: a.changes }))).toEqual(
      provider === 'ev-billing' ? [] : [{ action: 'update', key: provider === 'mobility' ? 'legacy-tag' : 'LEGACY10', adopt: true, changes: [] }],
    );
    expect(plan.actions.length).toBeGreaterThan(1);

    const applied = await cli(['apply', '--auto-approve']);
    expect(applied.code).toBe(0);
    const again = await cli(['plan']);
    expect(again.stdout).toMatch(/No changes/);
    expect(again.code).toBe(0);
  });
});

describe('imported files', () => {
  it('carry the schema modeline and where they came from', async () => {
    h = await startApplyHarness({ providers: ['lago'] });
    await seedUnmanaged('lago', h);
    repo = await mkdtemp(join(tmpdir(), 'promoc-import-'));
    await writeFile(
      join(repo, 'promoc.config.yaml'),
      `apiVersion: promoc/v1\nkind: Config\ndefaultTarget: t\ntargets:\n  t:\n    ${targetConfig('lago', h)}\n`,
    );
    expect((await runCli(['import', '--out', 'campaigns/lago'], { cwd: repo, env: ENV })).code).toBe(0);
    const text = await readFile(join(repo, 'campaigns/lago/lago/promotion/legacy10.yaml'), 'utf8');
    expect(text.split('\n').slice(0, 2)).toEqual([
      '# yaml-language-server: $schema=../../../../schemas/promotion.schema.json',
      expect.stringMatching(/^# Imported by `promoc import` from lago \(http:\/\/127\.0\.0\.1:\d+\/api\/v1\); not managed by promoc yet/),
    ]);
    expect(text).toContain('code: LEGACY10');
    const again = await runCli(['import', '--out', 'campaigns/lago'], { cwd: repo, env: ENV });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exist/);
  });
});
