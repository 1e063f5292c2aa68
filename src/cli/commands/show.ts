import type { Command } from 'commander';
import type { RegisterCommand } from '../context.js';
import { checkFormat } from './plan.js';

export const registerShow: RegisterCommand = (program: Command, ctx) => {
  program
    .command('show')
    .summary('render a plan saved with `promoc plan --out`')
    .description('Renders a saved plan without reading live state. Refuses plans written in another plan format version.')
    .argument('<plan>', 'the plan file (JSON)')
    .option('-f, --format <format>', 'text, markdown or json', 'text')
    .option('--verbose', 'list unchanged resources too (text format)', false)
    .addHelpText(
      'after',
      `
Examples:
  $ promoc show plan.json
  $ promoc show plan.json --format markdown

Exit codes: 0 rendered, 1 unreadable plan or another format version, 64 bad invocation.`,
    )
    .action(async (file: string, opts: { format: string; verbose: boolean }) => {
      const format = checkFormat(opts.format);
      const { runShow } = await import('../run/show.js');
      ctx.setExitCode(await runShow(ctx.io, { file, format, verbose: opts.verbose }));
    });
};
