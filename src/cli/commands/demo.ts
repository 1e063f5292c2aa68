import type { Command } from 'commander';
import type { RegisterCommand } from '../context.js';

export const registerDemo: RegisterCommand = (program: Command, ctx) => {
  program
    .command('demo')
    .summary('walk through promoc on the example campaigns, no credentials needed')
    .description('Runs each stage that exists on the example campaigns in this repository, in pipeline order, and stops at the first failure.')
    .addHelpText('after', '\nExample:\n  $ npm run demo\n')
    .action(async () => {
      const { runDemo } = await import('../run/demo.js');
      ctx.setExitCode(await runDemo(ctx.io, program));
    });
};
