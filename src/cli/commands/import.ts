import type { Command } from 'commander';
import type { RegisterCommand } from '../context.js';
import { formatOption } from '../format-option.js';

export const registerImport: RegisterCommand = (program: Command, ctx) => {
  program
    .command('import')
    .summary('write campaign YAML for what is live on a target (adopt an existing account)')
    .description(
      "Reads every object on the target's APIs and writes one campaign file per object, with the schema modeline, " +
        "in promoc's vocabulary. Nothing on the target changes: objects promoc does not manage yet are adopted by " +
        'the next apply, which writes their ownership marker. Planning the imported files shows no field changes.',
    )
    .option('-t, --target <name>', 'target from promoc.config.yaml (default: defaultTarget, else local)')
    .option('-o, --out <dir>', 'where to write the files (default: imported/<target>)')
    .option('--overwrite', 'replace files that already exist', false)
    .addOption(formatOption(['text', 'json'], 'text'))
    .addHelpText(
      'after',
      `
Examples:
  $ promoc import --target lago-prod --out campaigns/lago
  $ promoc plan campaigns/lago --target lago-prod      no field changes (adopt updates for unmanaged objects)

Exit codes: 0 imported, 1 an API failure or files in the way, 64 bad invocation.`,
    )
    .action(async (opts: { target?: string; out?: string; overwrite: boolean; format: 'text' | 'json' }) => {
      const { runImport } = await import('../run/import.js');
      ctx.setExitCode(
        await runImport(
          ctx.io,
          { overwrite: opts.overwrite, format: opts.format, ...(opts.target ? { target: opts.target } : {}), ...(opts.out ? { out: opts.out } : {}) },
          ctx.debug,
        ),
      );
    });
};
