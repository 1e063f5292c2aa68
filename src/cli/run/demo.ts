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
