import type { Command } from 'commander';
import type { RegisterCommand } from '../context.js';

export const registerInit: RegisterCommand = (program: Command, ctx) => {
  program
    .command('init')
    .summary('scaffold a campaigns repository that uses the installed promoc')
    .description(
      'Write promoc.config.yaml, an example campaign per provider, CI workflows running `npx promoc`, editor settings ' +
        'for the installed schemas, a .gitignore and a README. Never overwrites an existing file without --force.',
    )
    .argument('[dir]', 'the repository folder', '.')
    .option('--providers <list>', 'ev-billing, mobility, promotions, lago (comma-separated) or all; asked on a terminal when omitted, else all')
    .option('--force', 'overwrite files that exist')
    .addHelpText(
      'after',
      `
Examples:
  $ npm i -D promoc && npx promoc init
  $ npx promoc init campaigns-repo --providers mobility,lago

Exit codes: 0 written, 64 bad invocation.`,
    )
    .action(async (dir: string, opts: { providers?: string; force?: boolean }) => {
      const { runInit } = await import('../run/init.js');
      const interactive = ctx.io.isTTY && process.stdin.isTTY && opts.providers === undefined;
      const ask = interactive ? await terminalAsk() : undefined;
      try {
        ctx.setExitCode(await runInit(ctx.io, { dir, providers: opts.providers, force: opts.force === true }, ask?.ask));
      } finally {
        ask?.close();
      }
    });
};

async function terminalAsk(): Promise<{ ask: (q: string) => Promise<string>; close: () => void }> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  return { ask: (q) => rl.question(q), close: () => rl.close() };
}
