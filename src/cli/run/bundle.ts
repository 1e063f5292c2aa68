// `promoc bundle`, `bundle verify` and `bundle keygen`: the I/O shell around buildBundle and
// openBundle. Provenance comes from git and SOURCE_DATE_EPOCH here, never from the clock.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { EXIT } from '../context.js';
import { colors, type Io } from '../io.js';
import { readBundleFiles, writeBundleFiles } from '../../bundle/io.js';
import { readProvenance } from '../../bundle/provenance.js';
import { generateSigningKeys, readKeyFile, signBundle } from '../../bundle/sign.js';
import { openBundle } from '../../bundle/verify.js';
import { buildFromProject, bundlePath, freshnessFor } from './engine-shared.js';

export interface BundleOptions {
  readonly paths: readonly string[];
  readonly out: string;
  readonly signKey?: string;
  readonly revision?: string;
  readonly format?: 'text' | 'json';
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export async function runBundle(io: Io, options: BundleOptions): Promise<number> {
  const built = await buildFromProject(io, options.paths, (root) => {
    const p = readProvenance(root, io.env);
    return options.revision !== undefined ? { ...p, revision: options.revision } : p;
  });
  if (!built.ok) return built.code;
  const { bytes, manifest } = built.value;
  const signature =
    options.signKey !== undefined ? signBundle(bytes, await readKeyFile(resolve(io.cwd, options.signKey), 'signing key'), manifest.digest) : undefined;
  const written = await writeBundleFiles(resolve(io.cwd, options.out), bytes, signature);
  const c = colors(io);
  const n = manifest.counts;
  if (options.format === 'json') {
    io.stdout(
      json({
        bundle: relative(io.cwd, written.bundle),
        bytes: bytes.length,
        manifest,
        ...(signature && written.signature ? { signature: { keyId: signature.keyId, file: relative(io.cwd, written.signature) } } : {}),
      }),
    );
    return EXIT.ok;
  }
  io.stdout(
    `${c.green('✔')} wrote ${relative(io.cwd, written.bundle)}: ${plural(n.campaigns, 'campaign')}` +
      ` (${n.codes} with codes, ${plural(n.surcharges, 'surcharge')}), ` +
      `${plural(n.geofences, 'geofence')}, ${(bytes.length / 1024).toFixed(1)} KiB\n`,
  );
  io.stdout(
    `  digest   ${manifest.digest}\n  revision ${manifest.revision ?? c.dim('none (not a git checkout)')}` +
      `\n  created  ${manifest.createdAt ?? c.dim('unknown (no commit, no SOURCE_DATE_EPOCH)')}\n`,
  );
  if (signature && written.signature) io.stdout(`  signed   key ${signature.keyId} → ${relative(io.cwd, written.signature)}\n`);
  return EXIT.ok;
}

export async function runBundleVerify(io: Io, options: { path: string; publicKey?: string; notBefore?: string; format?: 'text' | 'json' }): Promise<number> {
  const c = colors(io);
  const freshness = await freshnessFor(io, options.notBefore, options.publicKey);
  const file = bundlePath(io.cwd, options.path);
  const { bytes, signature } = await readBundleFiles(file);
  const publicKey = options.publicKey !== undefined ? await readKeyFile(resolve(io.cwd, options.publicKey), 'public key') : undefined;
  const engine = openBundle(bytes, { signature, ...(publicKey ? { publicKey } : {}), ...freshness });
  const m = engine.manifest;
  if (options.format === 'json') {
    const signed = signature === undefined ? 'absent' : publicKey === undefined ? 'not checked' : 'ok';
    io.stdout(
      json({
        bundle: relative(io.cwd, file),
        ok: true,
        manifest: m,
        signature: signed,
        ...(freshness.notBefore !== undefined ? { notBefore: freshness.notBefore } : {}),
        ...(freshness.replaces ? { replaces: { digest: freshness.replaces.digest, createdAt: freshness.replaces.createdAt ?? null } } : {}),
      }),
    );
    return EXIT.ok;
  }
  io.stdout(
    `${c.green('✔')} ${relative(io.cwd, file)}: format ${m.formatVersion}, digest ok (` +
      `${m.digest}), ${m.counts.campaigns} campaigns, revision ${m.revision ?? 'none'}\n`,
  );
  if (freshness.notBefore !== undefined) io.stdout(`  created ${m.createdAt}, not before ${freshness.notBefore}\n`);
  if (freshness.replaces)
    io.stdout(
      `  created ${m.createdAt}, not before the bundle it replaces (${freshness.replaces.createdAt ?? 'no creation time'}, ${freshness.replaces.digest})\n`,
    );
  if (signature === undefined) io.stdout(`  ${c.dim('not signed')}\n`);
  else if (publicKey === undefined)
    io.stdout(
      `  ${c.yellow('signature NOT checked')} (no --public-key): the signature file names this bundle's ` +
        `digest, but anyone can write one that does; pass --public-key KEY.pub to check the signature\n`,
    );
  else io.stdout(`  signature ok (key ${(signature as { keyId: string }).keyId})\n`);
  return EXIT.ok;
}

export async function runBundleKeygen(io: Io, options: { out: string }): Promise<number> {
  const dir = resolve(io.cwd, options.out);
  const keys = generateSigningKeys();
  const priv = join(dir, 'bundle-signing.key');
  const pub = join(dir, 'bundle-signing.pub');
  try {
    await mkdir(dir, { recursive: true });
    // wx: never overwrite an existing key, which would orphan every bundle signed with it.
    await writeFile(priv, keys.privateKeyPem, { mode: 0o600, flag: 'wx' });
    await chmod(priv, 0o600);
    await writeFile(pub, keys.publicKeyPem);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    io.stderr(`${colors(io).red('error')}: ${relative(io.cwd, priv)} already exists; not overwriting a signing key\n`);
    return EXIT.failure;
  }
  io.stdout(
    `${colors(io).green('✔')} key ${keys.keyId}\n  private ${relative(io.cwd, priv)} (keep it ` +
      `secret; sign with --sign-key)\n  public  ${relative(io.cwd, pub)} (verify with --public-key)\n`,
  );
  return EXIT.ok;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
