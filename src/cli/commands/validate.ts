import type { Command } from 'commander';
import type { RegisterCommand } from '../context.js';
import { formatOption } from '../format-option.js';

export const registerValidate: RegisterCommand = (program: Command, ctx) => {
  program
    .command('validate')
    .summary('check campaigns against the schemas and each other')
    .description("Parse every campaign file, check it against its kind's JSON Schema, then check names, codes and references across files.")
    .argument('[paths...]', 'files or folders (default: the campaigns globs in promoc.config.yaml)')
    .addOption(formatOption(['text', 'json'], 'text', ' ({diagnostics, summary})'))
    .option('--no-cache', 'ignore and do not update the validation cache')
    .option('--no-frames', 'omit code frames in text output')
    .addHelpText(
      'after',
      `
Examples:
  $ promoc validate
  $ promoc validate campaigns/ev campaigns/shared/user-types.yaml
  $ promoc validate -f json > validate.json

Exit codes: 0 no errors, 1 errors found, 64 bad invocation.`,
    )
    .action(async (paths: string[], opts: { format: 'text' | 'json'; cache: boolean; frames: boolean }) => {
      const { runValidate } = await import('../run/validate.js');
      ctx.setExitCode(await runValidate(ctx.io, { paths, format: opts.format, cache: opts.cache, frames: opts.frames }, ctx.debug));
    });
};
