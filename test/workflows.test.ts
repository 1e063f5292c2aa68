// GitHub workflows are checked by a real validator (action-validator, the schema GitHub's own
// editor tooling uses), not by eye.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const dir = join(import.meta.dirname, '../.github/workflows');
const cli = join(createRequire(import.meta.url).resolve('@action-validator/cli/package.json'), '../cli.mjs');

function validate(file: string): { ok: boolean; output: string } {
  try {
    return { ok: true, output: execFileSync(process.execPath, [cli, file], { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { ok: false, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

describe('GitHub workflows', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yml') || f.endsWith('.yaml')).sort();
  for (const f of files) {
    it(`${f} is a valid workflow`, () => {
      const r = validate(join(dir, f));
      expect(r.output).toBe('');
      expect(r.ok).toBe(true);
    });
  }

  it('the scheduler runs as often as promoc.config.yaml says (schedule.granularityMinutes, default 15)', () => {
    const workflow = parse(readFileSync(join(dir, 'schedule.yml'), 'utf8')) as { on: { schedule: { cron: string }[] }; jobs: { due: { steps: { run?: string }[] } } };
    const config = parse(readFileSync(join(dir, '../../promoc.config.yaml'), 'utf8')) as { schedule?: { granularityMinutes?: number } };
    const minutes = config.schedule?.granularityMinutes ?? 15;
    expect(workflow.on.schedule.map((s) => s.cron)).toEqual([minutes < 60 ? `*/${minutes} * * * *` : `0 */${minutes / 60} * * *`]);
    expect(workflow.jobs.due.steps.some((s) => s.run?.includes('promoc apply --due') && s.run.includes('--auto-approve'))).toBe(true);
  });

  it('the validator rejects a broken workflow (so the checks above can fail)', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'promoc-wf-'));
    try {
      writeFileSync(join(tmp, 'bad.yml'), 'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    stepz: []\n');
      expect(validate(join(tmp, 'bad.yml')).ok).toBe(false);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
