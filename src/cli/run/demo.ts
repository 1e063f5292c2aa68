// `promoc demo`: the pipeline on the example campaigns, each step a real CLI invocation.
// A step whose command is not part of this build is skipped with a note, so the demo grows
// with the product instead of faking what does not exist yet.
import type { Command } from 'commander';
import { colors, type Io } from '../io.js';
import { EXIT } from '../context.js';

interface Step {
  readonly title: string;
  readonly argv: readonly string[];
  /** Exit codes that mean the step did what the demo expects (plan exits 2 when it has changes). */
  readonly ok: readonly number[];
}

const STEPS: readonly Step[] = [
  { title: 'Validate every campaign against the schemas and each other', argv: ['validate'], ok: [0] },
  { title: 'Lint for stacking conflicts, geofence overlaps and campaign sanity', argv: ['lint'], ok: [0] },
  { title: 'Build the frozen, signed-ready rules bundle', argv: ['bundle', '--out', '.promoc/demo-bundle'], ok: [0] },
  { title: 'Verify the bundle digest', argv: ['bundle', 'verify', '.promoc/demo-bundle'], ok: [0] },
  { title: 'Plan against the embedded emulators (target local, no credentials)', argv: ['plan', '--out', '.promoc/demo-plan.json'], ok: [0, 2] },
  { title: 'Render the saved plan as a pull-request comment', argv: ['show', '.promoc/demo-plan.json', '--format', 'markdown'], ok: [0] },
  { title: 'Apply the saved plan to the emulators', argv: ['apply', '.promoc/demo-plan.json', '--auto-approve'], ok: [0] },
  { title: 'Re-plan: live state now matches the repository (no changes)', argv: ['plan'], ok: [0] },
  { title: 'Evaluate a sample context with the bundle', argv: ['eval', '--bundle', '.promoc/demo-bundle', '--context', 'test/fixtures/engine/examples/july-scooter.context.yaml'], ok: [0] },
  { title: 'Run the campaign tests (sample contexts and what they must cost)', argv: ['test'], ok: [0] },
  { title: 'Generate a month of sample sessions (seeded)', argv: ['simulate', '--generate', '20000', '--seed', '7', '--month', '2027-07', '--out', '.promoc/demo/sessions.ndjson'], ok: [0] },
  { title: 'Simulate a proposed change (test/fixtures/simulate/proposal) against HEAD', argv: ['simulate', '--base', 'HEAD', '--overlay', 'test/fixtures/simulate/proposal', '--sessions', '.promoc/demo/sessions.ndjson', '--out', '.promoc/demo/simulation.json'], ok: [0] },
  { title: 'Write the reviewer\'s report: out/pr-comment.md and out/report.html', argv: ['report', '--base', 'HEAD', '--overlay', 'test/fixtures/simulate/proposal', '--plan', '.promoc/demo-plan.json', '--simulation', '.promoc/demo/simulation.json', '--out', 'out/pr-comment.md', '--html', 'out/report.html'], ok: [0] },
];

export async function runDemo(io: Io, program: Command): Promise<number> {
  const { main } = await import('../main.js');
  const c = colors(io);
  const available = new Set(program.commands.map((cmd) => cmd.name()));
  let n = 0;
  for (const step of STEPS) {
    n += 1;
    const cmd = step.argv[0]!;
    io.stdout(`\n${c.bold(c.cyan(`[${n}/${STEPS.length}] ${step.title}`))}\n${c.dim(`$ promoc ${step.argv.join(' ')}`)}\n`);
    if (!available.has(cmd)) {
      io.stdout(`${c.yellow('skipped')}: \`promoc ${cmd}\` is not in this build yet.\n`);
      continue;
    }
    const code = await main(step.argv, io);
    if (!step.ok.includes(code)) {
      io.stderr(`${c.red('demo stopped')}: \`promoc ${step.argv.join(' ')}\` exited ${code}.\n`);
      return EXIT.failure;
    }
  }
  io.stdout(`\n${c.green('✔ demo finished')}\n`);
  return EXIT.ok;
}
