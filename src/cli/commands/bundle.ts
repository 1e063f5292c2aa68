import type { Command } from 'commander';
import type { RegisterCommand } from '../context.js';
import { formatOption } from '../format-option.js';

export const registerBundle: RegisterCommand = (program: Command, ctx) => {
  const bundle = program
    .command('bundle')
    .summary('build the frozen rules bundle the engine loads')
    .description(
      'Normalize every campaign into canonical JSON (RFC 8785) with a manifest: format version, git revision, ' +
        'creation time (commit or SOURCE_DATE_EPOCH), sha256 digest and counts. Optionally sign it (detached ed25519).',
    )
    .argument('[paths...]', 'campaign files or folders (default: the campaigns globs in promoc.config.yaml)')
    .option('-o, --out <dir>', 'output folder', 'dist')
    .option('--sign-key <file>', 'ed25519 private key (PEM) to sign the bundle with; writes bundle.json.sig')
    .option('--revision <rev>', 'revision to record instead of the git commit')
    .addOption(formatOption(['text', 'json'], 'text'))
    // The subcommands have their own options; without this, `bundle keygen --out` would set bundle's.
    .enablePositionalOptions()
    .addHelpText(
      'after',
      `
Examples:
  $ promoc bundle
  $ promoc bundle --out dist/ --sign-key keys/bundle-signing.key
  $ SOURCE_DATE_EPOCH=1780000000 promoc bundle
  $ promoc bundle verify dist/ --public-key keys/bundle-signing.pub
  $ promoc bundle verify new/ --public-key keys/bundle-signing.pub --not-before current/
  $ promoc bundle keygen keys/

Exit codes: 0 written, 1 campaign errors or a refused bundle, 64 bad invocation.`,
    )
    .action(async (paths: string[], opts: { out: string; signKey?: string; revision?: string; format: 'text' | 'json' }) => {
      const { runBundle } = await import('../run/bundle.js');
      ctx.setExitCode(
        await runBundle(ctx.io, {
          paths,
          out: opts.out,
          format: opts.format,
          ...(opts.signKey !== undefined ? { signKey: opts.signKey } : {}),
          ...(opts.revision !== undefined ? { revision: opts.revision } : {}),
        }),
      );
    });

  bundle
    .command('verify')
    .summary("check a bundle's format, digest and signature")
    .argument('[path]', 'bundle.json or the folder holding it', 'dist')
    .option('--public-key <file>', 'ed25519 public key (PEM); required to check the signature')
    .option(
      '--not-before <instant|bundle>',
      'refuse a bundle created before this RFC 3339 instant, or older than this bundle (the one running now); see docs/bundle.md',
    )
    .addOption(formatOption(['text', 'json'], 'text'))
    .action(async (path: string, opts: { publicKey?: string; notBefore?: string; format: 'text' | 'json' }) => {
      const { runBundleVerify } = await import('../run/bundle.js');
      // `bundle` has -f too and its options are only positional below it: a -f after `verify` may land on it.
      const format = opts.format === 'json' || (bundle.opts() as { format?: string }).format === 'json' ? 'json' : 'text';
      ctx.setExitCode(
        await runBundleVerify(ctx.io, {
          path,
          format,
          ...(opts.publicKey !== undefined ? { publicKey: opts.publicKey } : {}),
          ...(opts.notBefore !== undefined ? { notBefore: opts.notBefore } : {}),
        }),
      );
    });

  bundle
    .command('keygen')
    .summary('create an ed25519 key pair for signing bundles')
    .argument('[dir]', 'folder for bundle-signing.key and bundle-signing.pub', '.')
    .action(async (dir: string) => {
      const { runBundleKeygen } = await import('../run/bundle.js');
      ctx.setExitCode(await runBundleKeygen(ctx.io, { out: dir }));
    });
};
