// `promoc demo`: the pipeline on the example campaigns, each step a real CLI invocation. The story is a
// pull request's: the repository as it is goes live on the embedded emulators, then a proposed change
// (test/fixtures/simulate/proposal laid over the working tree) is simulated, planned against what is
// live, and written up for the reviewer. Each step prints one line of what it did; the proposal's plan is
// printed in full, once; a failing step prints everything it said. A step whose command is not part of
// this build is skipped with a note, so the demo grows with the product instead of faking it.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { colors, type Io } from '../io.js';
import { EXIT } from '../context.js';

interface Step {
  readonly title: string;
  readonly argv: readonly string[];
  /** Exit codes that mean the step did what the demo expects (plan exits 2 when it has changes). */
  readonly ok: readonly number[];
  /** Which lines of its output say what it did (default: the last line). */
  readonly says?: RegExp;
  /** Print the whole output (the proposal's plan). */
  readonly full?: true;
}

const PROPOSAL = 'test/fixtures/simulate/proposal';
const LIVE_PLAN = '.promoc/demo/live-plan.json';
const PLAN = '.promoc/demo/plan.json';
export const REPORT_FILES = { html: 'out/report.html', markdown: 'out/pr-comment.md' } as const;

const STEPS: readonly Step[] = [
  { title: 'Validate every campaign against the schemas and each other', argv: ['validate'], ok: [0] },
  { title: 'Lint for stacking conflicts, geofence overlaps and campaign sanity', argv: ['lint'], ok: [0] },
  { title: 'Build the frozen, signed-ready rules bundle', argv: ['bundle', '--out', '.promoc/demo-bundle'], ok: [0], says: /^✔ wrote/ },
  { title: 'Verify the bundle digest', argv: ['bundle', 'verify', '.promoc/demo-bundle'], ok: [0], says: /^✔/ },
  {
    title: 'Plan the repository against the embedded emulators (target local, no credentials)',
    argv: ['plan', '--out', LIVE_PLAN],
    ok: [0, 2],
    says: /^Plan:/,
  },
  { title: 'Apply that plan: the repository is now live on the emulators', argv: ['apply', LIVE_PLAN, '--auto-approve'], ok: [0], says: /^Apply to / },
  { title: 'Re-plan: live state matches the repository', argv: ['plan'], ok: [0], says: /^Plan:/ },
  {
    title: 'Evaluate a sample context with the bundle',
    argv: ['eval', '--bundle', '.promoc/demo-bundle', '--context', 'test/fixtures/engine/examples/july-scooter.context.yaml'],
    ok: [0],
    says: /^subtotal/,
  },
  { title: 'Run the campaign tests (sample contexts and what they must cost)', argv: ['test'], ok: [0] },
  {
    title: 'Generate a month of sample sessions (seeded)',
    argv: ['simulate', '--generate', '20000', '--seed', '7', '--month', '2027-07', '--out', '.promoc/demo/sessions.ndjson'],
    ok: [0],
  },
  {
    title: `Simulate the proposed change (${PROPOSAL}) against HEAD`,
    argv: [
      'simulate',
      '--no-progress',
      '--base',
      'HEAD',
      '--overlay',
      PROPOSAL,
      '--sessions',
      '.promoc/demo/sessions.ndjson',
      '--out',
      '.promoc/demo/simulation.json',
    ],
    ok: [0],
    says: /^\s*discounts /,
  },
  {
    title: 'Plan the proposed change against what is live (the plan the reviewer approves)',
    argv: ['plan', '--overlay', PROPOSAL, '--out', PLAN],
    ok: [0, 2],
    full: true,
  },
  {
    title: "Write the reviewer's report of the proposed change, with its plan",
    argv: [
      'report',
      '--base',
      'HEAD',
      '--overlay',
      PROPOSAL,
      '--plan',
      PLAN,
      '--simulation',
      '.promoc/demo/simulation.json',
      '--out',
      REPORT_FILES.markdown,
      '--html',
      REPORT_FILES.html,
    ],
    ok: [0],
    says: /^✔ wrote/,
  },
];

export async function runDemo(io: Io, program: Command): Promise<number> {
  const { main } = await import('../main.js');
  const c = colors(io);
  const available = new Set(program.commands.map((cmd) => cmd.name()));
  // The emulators start empty on every run, so the demo tells the same story each time.
  for (const dir of [join('.promoc', 'local'), join('.promoc', 'journal', 'local')]) rmSync(join(io.cwd, dir), { recursive: true, force: true });
  io.stdout(
    `${c.bold('promoc demo')}: the example campaigns go live on empty embedded emulators, then a proposed change is simulated, planned and reported.\n`,
  );
  for (const [i, step] of STEPS.entries()) {
    const cmd = step.argv[0]!;
    io.stdout(`\n${c.bold(c.cyan(`[${i + 1}/${STEPS.length}] ${step.title}`))}  ${c.dim(`$ promoc ${step.argv.join(' ')}`)}\n`);
    if (!available.has(cmd)) {
      io.stdout(`  ${c.yellow('skipped')}: \`promoc ${cmd}\` is not in this build yet.\n`);
      continue;
    }
    let out = '';
    let err = '';
    const code = await main(step.argv, {
      ...io,
      stdout: (t) => {
        out += t;
      },
      stderr: (t) => {
        err += t;
      },
    });
    if (!step.ok.includes(code)) {
      io.stdout(out);
      io.stderr(err);
      io.stderr(`${c.red('demo stopped')}: \`promoc ${step.argv.join(' ')}\` exited ${code}.\n`);
      return EXIT.failure;
    }
    if (step.full) io.stdout(out);
    else for (const line of saying(out, step.says)) io.stdout(`  ${line}\n`);
  }
  io.stdout(
    `\n${c.green('✔ demo finished.')} For the reviewer: open ${c.bold(REPORT_FILES.html)}` +
      ` in a browser; ${c.bold(REPORT_FILES.markdown)} is the pull-request comment.\n`,
  );
  return EXIT.ok;
}

/** The lines that say what a step did: those matching `says`, else the last non-empty line. */
function saying(out: string, says: RegExp | undefined): string[] {
  const lines = out.split('\n').filter((l) => l.trim() !== '');
  if (says === undefined) return lines.slice(-1);
  const picked = lines.filter((l) => says.test(l.replace(/\x1b\[[0-9;]*m/g, '')));
  return picked.length > 0 ? picked.map((l) => l.trim()) : lines.slice(-1);
}
