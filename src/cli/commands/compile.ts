import type { Command } from 'commander';
import type { RegisterCommand } from '../context.js';
import { InvocationError } from '../../model/errors.js';

const FORMATS = ['json', 'http', 'curl'] as const;

export const registerCompile: RegisterCommand = (program: Command, ctx) => {
  program
    .command('compile')
    .summary('print the exact API calls applying would send, in order')
    .description(
      'Plans against the target (or reads a saved plan) and compiles it into the ordered HTTP ' +
        'calls apply sends: dependency order, the exact bodies, which call waits for which. ' +
        'Credentials are never shown: headers name the environment variable that holds the secret.',
    )
    .argument('[paths...]', 'files or folders (default: the campaigns globs in promoc.config.yaml)')
    .option('-t, --target <name>', 'target from promoc.config.yaml (default: defaultTarget, else local)')
    .option('-p, --plan <file>', 'compile a plan saved with `promoc plan --out` instead of planning now')
    .option('-f, --format <format>', 'json, http (an .http file) or curl', 'http')
    .option('--prune', 'include removals of managed objects no longer in the repository (the default unless prune: false)')
    .option('--no-prune', 'leave managed objects no longer in the repository alone, this run only')
    .option('--force', 'allow deletes and replacements that cut off live redemptions', false)
    .addHelpText(
      'after',
      `
Examples:
  $ promoc compile                          the calls for the embedded emulators, as an .http file
  $ promoc compile --target staging --format curl
  $ promoc compile --plan plan.json --format json

Exit codes: 0 compiled, 1 errors (campaigns the target cannot express, API failures), 64 bad invocation.`,
    )
    .action(async (paths: string[], opts: { target?: string; plan?: string; format: string; prune?: boolean; force: boolean }) => {
      if (!(FORMATS as readonly string[]).includes(opts.format))
        throw new InvocationError(`unknown format "${opts.format}"`, 'Use --format json, http or curl.');
      const { runCompile } = await import('../run/compile.js');
      ctx.setExitCode(
        await runCompile(
          ctx.io,
          {
            paths,
            format: opts.format as (typeof FORMATS)[number],
            ...(opts.prune !== undefined ? { prune: opts.prune } : {}),
            force: opts.force,
            ...(opts.target ? { target: opts.target } : {}),
            ...(opts.plan ? { planFile: opts.plan } : {}),
          },
          ctx.debug,
        ),
      );
    });
};
