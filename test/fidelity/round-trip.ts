// One seed item's round trip against an emulator, through the CLI as a user runs it: validate → plan →
// apply → plan (no changes) → import → plan on the imported files (no changes). Or, where the API cannot
// do what a campaign says, the located refusal. The emulators run in-process on a fixed clock.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startEmulators, type RunningEmulators } from '../../src/emulators/index.js';
import type { ProviderId } from '../../src/providers/provider.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';

export const FIXED_NOW = new Date('2027-01-15T10:00:00Z');

const ENV = {
  EV_KEY: 'dyn_test_promoc',
  LAGO_KEY: 'lago_test_promoc',
  PROMOTIONS_KEY: 'kt_test_promoc',
  MOBILITY_ID: 'promoc',
  MOBILITY_SECRET: 'promoc-secret',
};

function targetConfig(provider: ProviderId, emulators: RunningEmulators): string {
  const e = emulators.endpoint(provider);
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

export interface Workspace {
  readonly provider: ProviderId;
  readonly repo: string;
  readonly emulators: RunningEmulators;
  cli(args: readonly string[]): Promise<CliRun>;
  /** Point the config at other campaign globs (e.g. the imported files). */
  useCampaigns(globs: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/** A repository with these files, configured with one target `t` on the provider's emulator (`target`: more
 * YAML lines of that target's settings, e.g. `pageSize: 2`). */
export async function workspace(provider: ProviderId, files: Readonly<Record<string, string>>, options: { target?: string } = {}): Promise<Workspace> {
  const emulators = await startEmulators({ now: () => FIXED_NOW, providers: [provider], seed: 1 });
  const repo = await mkdtemp(join(tmpdir(), 'promoc-fidelity-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(repo, path)), { recursive: true });
    await writeFile(join(repo, path), text);
  }
  const extra = (options.target ?? '')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => `    ${l}\n`)
    .join('');
  const useCampaigns = (globs: readonly string[]) =>
    writeFile(
      join(repo, 'promoc.config.yaml'),
      `apiVersion: promoc/v1\nkind: Config\ncampaigns: [${globs.join(', ')}]\ncache: { enabled: ` +
        `false }\ndefaultTarget: t\ntargets:\n  t:\n    ${targetConfig(provider, emulators)}\n${extra}`,
    );
  await useCampaigns(['campaigns/**/*.yaml']);
  return {
    provider,
    repo,
    emulators,
    useCampaigns,
    cli: (args) => runCli(args, { cwd: repo, env: ENV }),
    close: async () => {
      await emulators.close();
      await rm(repo, { recursive: true, force: true });
    },
  };
}

export interface RoundTrip {
  readonly validate: CliRun;
  readonly plan: CliRun;
  readonly apply: CliRun;
  readonly replan: CliRun;
  readonly import: CliRun;
  readonly importedPlan: CliRun;
}

/** Every step of the round trip, stopping at the first that fails (its run is the last one returned). */
export async function roundTrip(w: Workspace): Promise<Partial<RoundTrip>> {
  const out: Partial<Record<keyof RoundTrip, CliRun>> = {};
  out.validate = await w.cli(['validate']);
  if (out.validate.code !== 0) return out;
  out.plan = await w.cli(['plan']);
  if (out.plan.code !== 2) return out;
  out.apply = await w.cli(['apply', '--auto-approve']);
  if (out.apply.code !== 0) return out;
  out.replan = await w.cli(['plan']);
  if (out.replan.code !== 0) return out;
  out.import = await w.cli(['import', '--out', 'imported']);
  if (out.import.code !== 0) return out;
  await w.useCampaigns(['imported/**/*.yaml']);
  out.importedPlan = await w.cli(['plan']);
  await w.useCampaigns(['campaigns/**/*.yaml']);
  return out;
}

/** What went wrong, for an assertion message. */
export function explain(r: Partial<RoundTrip>): string {
  return Object.entries(r)
    .map(([step, run]) => `${step}: exit ${run.code}\n${run.stdout}\n${run.stderr}`)
    .join('\n---\n');
}
