// GitHub workflows (this repository's and the ones `promoc init` scaffolds) are checked by a real validator
// (action-validator, the schema GitHub's own editor tooling uses), not by eye; third-party actions are pinned
// to full commit SHAs (a tag can be moved to other code) and the runner's Node is a maintained LTS.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const WORKFLOW_DIRS = [join(import.meta.dirname, '../.github/workflows'), join(import.meta.dirname, '../templates/init/workflows')];
/** Node release lines under maintenance (Node 20 reached end of life in April 2026). */
const MAINTAINED_NODE = ['22', '24'];
const cli = join(createRequire(import.meta.url).resolve('@action-validator/cli/package.json'), '../cli.mjs');

function validate(file: string): { ok: boolean; output: string } {
  try {
    return { ok: true, output: execFileSync(process.execPath, [cli, file], { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { ok: false, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

/** Problems with the `uses:` and `node-version:` lines of one workflow's text. */
function pinProblems(text: string): string[] {
  const problems: string[] = [];
  for (const [n, line] of text.split('\n').entries()) {
    const uses = /^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/.exec(line);
    if (uses && !uses[1]!.startsWith('./') && !uses[1]!.startsWith('docker://')) {
      if (!/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(uses[1]!)) problems.push(`line ${n + 1}: ${uses[1]} is not pinned to a full commit SHA`);
      else if (!/^\s+#\s*v\d+(\.\d+)*\s*$/.test(uses[2]!)) problems.push(`line ${n + 1}: ${uses[1]} has no "# vX.Y.Z" comment naming its version`);
    }
    const node = /^\s*node-version:\s*['"]?([^'"\s]+)/.exec(line);
    if (node && !MAINTAINED_NODE.includes(node[1]!.split('.')[0]!))
      problems.push(`line ${n + 1}: node-version ${node[1]} is not a maintained LTS (${MAINTAINED_NODE.join(', ')})`);
  }
  return problems;
}

describe('GitHub workflows', () => {
  it('has the apply step the report names as the one that applies a merge', async () => {
    const { APPLY_WORKFLOW } = await import('../src/report/approval.js');
    const text = readFileSync(join(import.meta.dirname, '..', APPLY_WORKFLOW.file), 'utf8');
    expect(text).toMatch(
      new RegExp(
        `\\bname: ${APPLY_WORKFLOW.step.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n(?:.*\\n)*?.*promoc apply "\\$PLAN_FILE" --target "\\$TARGET" --auto-approve`,
      ),
    );
  });

  const files = WORKFLOW_DIRS.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'))
      .sort()
      .map((f) => join(dir, f)),
  );
  it('every workflow folder has workflows', () => {
    for (const dir of WORKFLOW_DIRS)
      expect(
        files.some((f) => f.startsWith(dir)),
        dir,
      ).toBe(true);
  });
  for (const file of files) {
    const name = relative(join(import.meta.dirname, '..'), file);
    it(`${name} is a valid workflow`, () => {
      const r = validate(file);
      expect(r.output).toBe('');
      expect(r.ok).toBe(true);
    });
    it(`${name} pins third-party actions to commit SHAs and runs a maintained Node`, () => {
      expect(pinProblems(readFileSync(file, 'utf8'))).toEqual([]);
    });
  }

  it('the scheduler runs as often as promoc.config.yaml says (schedule.granularityMinutes, default 15)', () => {
    const dir = WORKFLOW_DIRS[0]!;
    const workflow = parse(readFileSync(join(dir, 'schedule.yml'), 'utf8')) as {
      on: { schedule: { cron: string }[] };
      jobs: { due: { steps: { run?: string }[] } };
    };
    const config = parse(readFileSync(join(dir, '../../promoc.config.yaml'), 'utf8')) as { schedule?: { granularityMinutes?: number } };
    const minutes = config.schedule?.granularityMinutes ?? 15;
    expect(workflow.on.schedule.map((s) => s.cron)).toEqual([minutes < 60 ? `*/${minutes} * * * *` : `0 */${minutes / 60} * * *`]);
    expect(workflow.jobs.due.steps.some((s) => s.run?.includes('promoc apply --due') && s.run.includes('--auto-approve'))).toBe(true);
  });

  it('the pin check finds a tag, a short SHA, a missing version comment and an old Node', () => {
    expect(
      pinProblems(
        [
          '      - uses: actions/checkout@v4',
          '      - uses: actions/setup-node@49933ea',
          '      - uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02',
          '          node-version: 20',
          '      - uses: ./local-action',
          '      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2',
          '          node-version: 24',
        ].join('\n'),
      ),
    ).toEqual([
      'line 1: actions/checkout@v4 is not pinned to a full commit SHA',
      'line 2: actions/setup-node@49933ea is not pinned to a full commit SHA',
      'line 3: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 has no "# vX.Y.Z" comment naming its version',
      'line 4: node-version 20 is not a maintained LTS (22, 24)',
    ]);
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
