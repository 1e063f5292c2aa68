// A saved plan is checked against schemas/plan.schema.json when read back (show, compile, apply, report):
// a damaged or hand-edited file is refused with each problem located, instead of reaching the renderers
// ("undefined to create") or apply's API calls as whatever it holds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultValidator } from '../../src/load/project.js';
import { parsePlanFile, PlanFileError } from '../../src/plan/plan-file.js';

const validator = await defaultValidator();
const GOLDEN = readFileSync(join(import.meta.dirname, '../fixtures/plan/golden/plan.json'), 'utf8');

function refusal(edit: (plan: Record<string, unknown> & { actions: Record<string, unknown>[] }) => void): string {
  const plan = JSON.parse(GOLDEN) as Record<string, unknown> & { actions: Record<string, unknown>[] };
  edit(plan);
  try {
    parsePlanFile(JSON.stringify(plan, null, 2), 'plans/x.json', validator);
  } catch (e) {
    expect(e).toBeInstanceOf(PlanFileError);
    expect((e as PlanFileError).hint).toContain('re-run `promoc plan --out`');
    return (e as PlanFileError).message;
  }
  throw new Error('the plan was accepted');
}

describe('parsePlanFile', () => {
  it('reads a plan promoc wrote', () => {
    expect(parsePlanFile(GOLDEN, 'plan.json', validator).actions.length).toBeGreaterThan(0);
  });

  it.each([
    [
      'an action that is null',
      (p: Parameters<Parameters<typeof refusal>[0]>[0]) => {
        p.actions[0] = null as never;
      },
      /plans\/x\.json:\d+:\d+: actions\[0\]: null: must be object/,
    ],
    [
      'a summary that is a string',
      (p: Parameters<Parameters<typeof refusal>[0]>[0]) => {
        p.summary = 'x';
      },
      /plans\/x\.json:\d+:\d+: summary: "x": must be object/,
    ],
    [
      'an unknown action kind',
      (p: Parameters<Parameters<typeof refusal>[0]>[0]) => {
        p.actions[0]!.action = 'explode';
      },
      /actions\[0\]\.action: "explode" is not one of/,
    ],
    [
      'a field promoc never writes',
      (p: Parameters<Parameters<typeof refusal>[0]>[0]) => {
        p.actions[0]!.sneaky = true;
      },
      /actions\[0\]: unknown field "sneaky"/,
    ],
  ])('refuses %s, located in the file', (_what, edit, message) => {
    expect(refusal(edit)).toMatch(message);
  });

  it('points at the line of the problem', () => {
    const message = refusal((p) => {
      p.summary = 'x';
    });
    const line = Number(/plans\/x\.json:(\d+):/.exec(message)![1]);
    const plan = JSON.parse(GOLDEN) as Record<string, unknown>;
    const text = JSON.stringify({ ...plan, summary: 'x' }, null, 2).split('\n');
    expect(text[line - 1]).toContain('"summary": "x"');
  });
});
