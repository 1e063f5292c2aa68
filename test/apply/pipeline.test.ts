// The reviewed plan is what gets applied, deletions show, duplicates are visible: through the CLI against a
// configured promotions target (an emulator in this process, so the test can also write to it directly).
import { mkdir, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulators, type RunningEmulators } from '../../src/emulators/index.js';
import type { Plan } from '../../src/generated/plan.js';
import { runCli } from '../helpers/run-cli.js';

const ENV = { PIPE_READ_KEY: 'kt_test_promoc', PIPE_WRITE_KEY: 'kt_test_promoc' };
let emulators: RunningEmulators;
let repo: string;
const cli = (...args: string[]) => runCli(args, { cwd: repo, env: ENV });

const promotion = (name: string, code: string, status: 'active' | 'inactive', percent: number): string => `apiVersion: promoc/v1
kind: Promotion
metadata: { name: ${name} }
spec:
  code: ${code}
  status: ${status}
  window: { from: 2027-01-01T00:00:00Z, until: 2031-01-01T00:00:00Z }
  benefits: [{ percentOff: ${percent} }]
  stacking: { stackable: true, priority: 1 }
`;

beforeAll(async () => {
  emulators = await startEmulators({ providers: ['promotions'], seed: 5 });
  repo = await mkdtemp(join(tmpdir(), 'promoc-pipeline-'));
  await mkdir(join(repo, 'campaigns'));
  await writeFile(
    join(repo, 'promoc.config.yaml'),
    `apiVersion: promoc/v1
kind: Config
campaigns: [campaigns/**/*.yaml]
cache: { enabled: false }
defaultTarget: billing
lock: { dir: .promoc/locks }
targets:
  billing:
    provider: promotions
    baseUrl: ${emulators.endpoint('promotions').apiBaseUrl}
    credentials:
      read: { apiKeyEnv: PIPE_READ_KEY }
      write: { apiKeyEnv: PIPE_WRITE_KEY }
    rateLimitPerSecond: 1000
`,
  );
  await writeFile(join(repo, 'campaigns', 'spring.yaml'), promotion('spring', 'SPRING', 'active', 10));
  await writeFile(join(repo, 'campaigns', 'summer.yaml'), promotion('summer', 'SUMMER', 'active', 15));
  await writeFile(join(repo, 'campaigns', 'autumn-draft.yaml'), promotion('autumn-draft', 'AUTUMN', 'inactive', 20));
  expect((await cli('apply', '--auto-approve')).code).toBe(0);
  expect((await cli('plan')).code).toBe(0);
});
afterAll(async () => {
  await emulators.close();
  await rm(repo, { recursive: true, force: true });
});

const saved = async (file: string): Promise<Plan> => JSON.parse(await readFile(join(repo, file), 'utf8')) as Plan;

describe('the reviewed plan is what gets applied', () => {
  it('a campaign removed from git is a change: plan shows it and exits 2, the saved plan applies it, a fresh plan is clean', async () => {
    await unlink(join(repo, 'campaigns', 'summer.yaml'));
    await unlink(join(repo, 'campaigns', 'autumn-draft.yaml'));
    const planned = await cli('plan', '--out', 'removed.json');
    expect(planned.code).toBe(2);
    expect(planned.stdout).toMatch(/Promotion\/summer \(SUMMER\)\s+deactivate/);
    expect(planned.stdout).toMatch(/Promotion\/autumn-draft \(AUTUMN\)\s+deactivate/);
    const plan = await saved('removed.json');
    expect(plan.actions.filter((a) => a.action !== 'noop').map((a) => `${a.action} ${a.name}${a.release ? ' (release)' : ''}`)).toEqual([
      'deactivate autumn-draft (release)',
      'deactivate summer',
    ]);
    expect(plan.desiredState!.resources).toEqual({ 'promotions Promotion/spring': expect.stringMatching(/^[0-9a-f]{12}$/) });
    // --no-prune leaves them, for one run, and says so.
    const kept = await cli('plan', '--no-prune');
    expect(kept.code).toBe(0);
    expect(kept.stdout).toMatch(/2 objects are managed by promoc but no longer in the repository/);

    const applied = await cli('apply', 'removed.json', '--auto-approve');
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toMatch(/Apply to billing: 2 changed, 0 failed/);
    const fresh = await cli('plan');
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toMatch(/No changes/);
    const state = emulators.control('promotions').snapshot() as {
      tenants: Record<string, { promotions: Record<string, { code: string; status: string; description: string | null }> }>;
    };
    const byCode = Object.fromEntries(
      Object.values(state.tenants)
        .flatMap((t) => Object.values(t.promotions))
        .map((p) => [p.code, p]),
    );
    expect(byCode.SUMMER!.status).toBe('archived');
    expect(byCode.AUTUMN!.status).toBe('draft');
    expect(byCode.AUTUMN!.description ?? '').not.toMatch(/promoc:managed/);
  }, 60_000);

  it('refuses a saved plan whose desired state differs from the working tree, naming the resources, before any call', async () => {
    await writeFile(join(repo, 'campaigns', 'winter.yaml'), promotion('winter', 'WINTER', 'inactive', 30));
    expect((await cli('plan', '--out', 'winter.json')).code).toBe(2);
    await writeFile(join(repo, 'campaigns', 'winter.yaml'), promotion('winter', 'WINTER', 'inactive', 35));
    await writeFile(join(repo, 'campaigns', 'extra.yaml'), promotion('extra', 'EXTRA', 'inactive', 5));
    const refused = await cli('apply', 'winter.json', '--auto-approve');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/the saved plan does not match the working tree/);
    expect(refused.stderr).toContain('  - promotions Promotion/extra is in the working tree but not in the plan');
    expect(refused.stderr).toContain('  - promotions Promotion/winter changed since the plan');
    expect((await cli('plan')).stdout).toMatch(/2 to create/);
    await unlink(join(repo, 'campaigns', 'extra.yaml'));
    await writeFile(join(repo, 'campaigns', 'winter.yaml'), promotion('winter', 'WINTER', 'inactive', 30));
  }, 60_000);

  it('refuses a saved plan once live state moved since it was read', async () => {
    expect((await cli('plan', '--out', 'first.json')).code).toBe(2);
    expect((await cli('plan', '--out', 'second.json')).code).toBe(2);
    expect((await cli('apply', 'first.json', '--auto-approve')).code).toBe(0);
    const stale = await cli('apply', 'second.json', '--auto-approve');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/the saved plan is stale/);
    expect(stale.stderr).toMatch(/was created since the plan/);
  }, 60_000);

  it('two live objects for one resource: plan reports the conflict naming both ids and exits 1; apply refuses', async () => {
    const e = emulators.endpoint('promotions');
    const before = await cli('plan', '--format', 'json');
    expect(before.code).toBe(0);
    // A second writer's copy of winter: same code, promoc's marker for the same resource.
    const live = (JSON.parse(before.stdout) as Plan).actions.find((a) => a.name === 'winter')!;
    // The body promoc sent for it (marker included), as the saved plan of the earlier test holds it.
    const payload = (await saved('first.json')).actions.find((a) => a.name === 'winter')!.payload;
    const created = await fetch(`${e.apiBaseUrl}/promotions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ENV.PIPE_WRITE_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    expect(created.status).toBe(201);
    const copy = ((await created.json()) as { data: { id: string } }).data.id;

    const conflict = await cli('plan');
    expect(conflict.code).toBe(1);
    expect(conflict.stdout).not.toMatch(/No changes/);
    expect(conflict.stdout).toMatch(/conflict: 2 live promotions claim Promotion\/winter/);
    expect(conflict.stdout).toContain(live.liveId!);
    expect(conflict.stdout).toContain(copy);
    const json = JSON.parse((await cli('plan', '--format', 'json')).stdout) as Plan;
    expect(json.conflicts![0]!.ids).toEqual([live.liveId!, copy].sort());
    const refused = await cli('apply', '--auto-approve');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/1 conflict \(several live objects claim one resource\)/);
  }, 60_000);
});
