import type { Command } from 'commander';
import type { RegisterCommand } from '../context.js';
import { InvocationError } from '../../model/errors.js';

export const registerTargets: RegisterCommand = (program: Command, ctx) => {
  program
    .command('targets')
    .summary('list the targets of promoc.config.yaml, for people and workflows')
    .description(
      'One entry per configured target: provider, the plan artifact the pull-request workflow saves, the GitHub ' +
        'environment its apply job runs in, whether it prunes, and the environment variables of its read and write ' +
        'credentials (names only). The workflows read this with --format json instead of parsing the config themselves.',
    )
    .option('-f, --format <format>', 'text or json', 'text')
    .option('--include-local', 'list the embedded local target when none is configured (what pull requests plan)', false)
    .addHelpText(
      'after',
      `
Examples:
  $ promoc targets
  $ promoc targets --format json --include-local     the pull-request plan matrix

Exit codes: 0 listed, 1 invalid config, 64 bad invocation.`,
    )
    .action(async (opts: { format: string; includeLocal: boolean }) => {
      if (opts.format !== 'text' && opts.format !== 'json') throw new InvocationError(`unknown format "${opts.format}"`, 'Use --format text or json.');
      const { runTargets } = await import('../run/targets.js');
      ctx.setExitCode(await runTargets(ctx.io, { format: opts.format, includeLocal: opts.includeLocal }, ctx.debug));
    });
};
