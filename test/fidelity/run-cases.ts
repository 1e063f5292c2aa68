// Runs one API's row cases (see cases.ts) as vitest suites: its round-trip files together in one workspace on
// the in-process emulator, each refusal and each scenario in a workspace of its own.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiCases, CheckContext, Live, RefusalCase, RoundTripCase } from './cases.js';
import { explain, roundTrip, workspace, type RoundTrip, type Workspace } from './round-trip.js';

const SLOW = 180_000;

function filesOf(cases: readonly (RoundTripCase | RefusalCase)[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const c of cases) {
    for (const [path, text] of Object.entries(c.files)) {
      if (files[`campaigns/${path}`] !== undefined) throw new Error(`two cases write campaigns/${path}: give each case its own file names`);
      files[`campaigns/${path}`] = text;
    }
  }
  return files;
}

export function liveOf(w: Workspace): Live {
  const provider = w.provider;
  return (collection) => {
    const state = w.emulators.control(provider).snapshot() as { tenants: Record<string, Record<string, Record<string, Record<string, unknown>> | undefined>> };
    const tenant = state.tenants[w.emulators.endpoint(provider).tenant];
    const found = tenant?.[collection];
    if (found === undefined) throw new Error(`the ${provider} emulator has no collection "${collection}" (it has ${Object.keys(tenant ?? {}).join(', ')})`);
    return Object.values(found);
  };
}

function oneOf(live: Live): CheckContext['one'] {
  return (collection, field, value) => {
    const found = live(collection).filter((o) => o[field] === value);
    expect(found.length, `${collection} with ${field} = ${JSON.stringify(value)}`).toBe(1);
    return found[0]!;
  };
}

async function importedText(w: Workspace): Promise<string> {
  const dir = join(w.repo, 'imported');
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
    .sort();
  const texts = await Promise.all(files.map(async (f) => `# ${f.slice(dir.length + 1)}\n${await readFile(f, 'utf8')}`));
  return texts.join('\n');
}

const label = (rows: readonly string[]): string => rows.join(', ');

export function describeApi(api: ApiCases): void {
  if (api.roundTrips.length > 0)
    describe(`${api.provider}: supported rows round-trip on the emulator`, () => {
      let w: Workspace | undefined;
      let run: Partial<RoundTrip> = {};
      let imported = '';
      beforeAll(async () => {
        // Two items a page: every list the round trip reads (plan, import) goes through the API's paging.
        w = await workspace(api.provider, filesOf(api.roundTrips), { target: `pageSize: 2\n${api.target ?? ''}` });
        run = await roundTrip(w);
        if (run.import?.code === 0) imported = await importedText(w);
      }, SLOW);
      afterAll(async () => {
        await w?.close();
      });

      it('validate → plan → apply → plan (no changes) → import → plan (no changes)', () => {
        expect(run.importedPlan?.code, explain(run)).toBe(0);
        expect(run.replan!.stdout, explain(run)).toMatch(/No changes/);
        expect(run.importedPlan!.stdout, explain(run)).toMatch(/No changes/);
      });

      for (const c of api.roundTrips) {
        it(`reaches the API: ${label(c.rows)}`, async () => {
          expect(run.importedPlan?.code, 'the round trip failed (see the test above)').toBe(0);
          const live = liveOf(w!);
          await c.check?.({ live, one: oneOf(live), run: run as RoundTrip, imported, w: w! });
        });
      }
    });

  // One workspace per refusal: a plan stops at the first kind of problem, so refusals would hide each other.
  if (api.refusals.length > 0)
    describe(`${api.provider}: refused rows, located`, () => {
      for (const c of api.refusals) {
        it(
          `refuses, located by ${c.step}: ${label(c.rows)}`,
          async () => {
            const w = await workspace(api.provider, filesOf([c]), { target: api.target ?? '' });
            try {
              const r = await w.cli([c.step]);
              const printed = `${r.stdout}\n${r.stderr}`;
              expect(r.code, printed).toBe(1);
              const line = printed.split('\n').find((l) => l.startsWith(`campaigns/${c.at} `) && c.reason.test(l));
              expect(line ?? '', `no error at campaigns/${c.at} matching ${c.reason} in:\n${printed}`).toMatch(/ error /);
            } finally {
              await w.close();
            }
          },
          SLOW,
        );
      }
    });

  for (const s of api.scenarios) {
    it(
      `${api.provider}: ${s.name} (${label(s.rows)})`,
      async () => {
        const w = await workspace(api.provider, Object.fromEntries(Object.entries(s.files ?? {}).map(([p, t]) => [`campaigns/${p}`, t])), {
          target: api.target ?? '',
        });
        try {
          await s.run({ w, live: liveOf(w), cli: (args) => w.cli(args) });
        } finally {
          await w.close();
        }
      },
      SLOW,
    );
  }
}
