import type { Command } from 'commander';
import type { RegisterCommand } from '../context.js';
import { formatOption } from '../format-option.js';

export const registerEval: RegisterCommand = (program: Command, ctx) => {
  program
    .command('eval')
    .summary('evaluate one pricing context against the campaigns')
    .description(
      'Run the engine on a context file (JSON or YAML; see docs/engine.md) and print the adjusted ' +
        'lines, totals, applied campaigns, fees, grants and every rejected campaign with its reason.',
    )
    .argument('[paths...]', 'campaign files or folders, when no --bundle is given')
    .requiredOption('-c, --context <file>', 'the context (JSON or YAML)')
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
  $ promoc eval --context ctx.yaml
  $ promoc eval --bundle dist/bundle.json --context ctx.json -f json

Exit codes: 0 evaluated, 1 bad context, campaign errors or a refused bundle, 64 bad invocation.`,
    )
    .action(async (paths: string[], opts: { context: string; bundle?: string; publicKey?: string; notBefore?: string; format: 'text' | 'json' }) => {
      const { runEval } = await import('../run/eval.js');
      ctx.setExitCode(
        await runEval(ctx.io, {
          paths,
          context: opts.context,
          format: opts.format,
          ...(opts.bundle !== undefined ? { bundle: opts.bundle } : {}),
          ...(opts.publicKey !== undefined ? { publicKey: opts.publicKey } : {}),
          ...(opts.notBefore !== undefined ? { notBefore: opts.notBefore } : {}),
        }),
      );
    });
};
