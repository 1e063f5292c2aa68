import type { Command } from 'commander';
import type { RegisterCommand } from '../context.js';
import { formatOption } from '../format-option.js';

export const registerTest: RegisterCommand = (program: Command, ctx) => {
  program
    .command('test')
    .summary('run the campaign test vectors against the bundle')
    .description(
      'Evaluate every test case (**/*.test.yaml and tests/**/*.yaml: a context and ' +
        'what to expect) and show failures as diffs. See docs/engine.md for the format.',
    )
    .argument('[files...]', 'test files (default: **/*.test.yaml and tests/**/*.yaml under the repository)')
    .option('-b, --bundle <path>', 'bundle.json or its folder (default: build the campaigns in memory)')
    .option('--public-key <file>', "check the bundle's signature with this ed25519 public key")
    .option(
      '--not-before <instant|bundle>',
      'with --bundle: refuse it if created before this RFC 3339 instant, or older than this bundle (the one running now)',
    )
    .addOption(formatOption(['text', 'json'], 'text'))
    .addHelpText(
      'after',
      `
Examples:
  $ promoc test
  $ promoc test campaigns/mobility/summer-25.test.yaml
  $ promoc test --bundle dist/

Exit codes: 0 all passed, 1 a test failed or a file is malformed, 64 bad invocation.`,
    )
    .action(async (files: string[], opts: { bundle?: string; publicKey?: string; notBefore?: string; format: 'text' | 'json' }) => {
      const { runTest } = await import('../run/test.js');
      ctx.setExitCode(
        await runTest(ctx.io, {
          files,
          format: opts.format,
          ...(opts.bundle !== undefined ? { bundle: opts.bundle } : {}),
          ...(opts.publicKey !== undefined ? { publicKey: opts.publicKey } : {}),
          ...(opts.notBefore !== undefined ? { notBefore: opts.notBefore } : {}),
        }),
      );
    });
};
