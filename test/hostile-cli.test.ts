// Files a careless user or an attacker hands the CLI: FIFOs, devices, folders, huge or foreign files, keys that
// are not keys, a signature file beside the wrong bundle. Each ends in one line, a hint and exit 1, never a hang
// or an internal error.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBundleFiles } from '../src/bundle/io.js';
import { DEFAULT_MAX_BYTES } from '../src/engine/load.js';
import { runCli } from './helpers/run-cli.js';

const project = join(import.meta.dirname, 'fixtures/engine/project');
const dir = mkdtempSync(join(tmpdir(), 'promoc-hostile-cli-'));
const fifo = join(dir, 'fifo');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { SOURCE_DATE_EPOCH: '1798761600' };
const run = (args: string[]) => runCli(args, { cwd: project, env });

beforeAll(async () => {
  execFileSync('mkfifo', [fifo]);
  writeFileSync(join(dir, 'not-a-key.pem'), 'this is not a key\n');
  expect((await run(['bundle', 'keygen', join(dir, 'keys')])).code).toBe(0);
  expect((await run(['bundle', '--out', join(dir, 'signed'), '--sign-key', join(dir, 'keys/bundle-signing.key')])).code).toBe(0);
});

/** Exit 1, an `error:` line and a `hint:` line, nothing that looks like a stack. */
function expectRefused(r: { code: number; stdout: string; stderr: string }, message: RegExp): void {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).toMatch(/^error: .*\nhint: .+\n$/);
  expect(r.stderr + r.stdout).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n|internal error/);
}

describe('special files are refused before they are read', () => {
  it('a FIFO as a saved plan, bundle, context or key', async () => {
    expectRefused(await run(['show', fifo]), /plan file .*fifo is a FIFO \(named pipe\), not a regular file/);
    expectRefused(await run(['bundle', 'verify', fifo]), /bundle .*fifo is a FIFO/);
    expectRefused(await run(['eval', '--context', fifo]), /context file .*fifo is a FIFO/);
    expectRefused(await run(['bundle', 'verify', join(dir, 'signed'), '--public-key', fifo]), /public key .*fifo is a FIFO/);
    expectRefused(await run(['apply', fifo]), /plan file .*fifo is a FIFO/);
  });

  it('/dev/zero as a key or context file (it ended in "Invalid string length")', async () => {
    expectRefused(
      await run(['bundle', '--out', join(dir, 'x'), '--sign-key', '/dev/zero']),
      /^error: signing key \/dev\/zero is a character device, not a regular file/,
    );
    expectRefused(await run(['eval', '--context', '/dev/zero']), /^error: context file \/dev\/zero is a character device/);
    expectRefused(await run(['show', '/dev/zero']), /^error: plan file \/dev\/zero is a character device/);
  });

  it('a folder given as a saved plan to apply (it answered EISDIR)', async () => {
    expectRefused(await run(['apply', dir]), /^error: plan file .* is a directory, not a regular file\nhint: Pass the file written by `promoc plan --out`/);
  });

  it('a bundle over the size limit, from its size, unread', async () => {
    const huge = join(dir, 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, DEFAULT_MAX_BYTES + 1); // sparse: costs no disk, but reading it would cost 256 MiB
    const before = process.memoryUsage().arrayBuffers;
    await expect(readBundleFiles(huge)).rejects.toMatchObject({ code: 'too-large', message: `bundle ${huge} is 256.0 MiB, over the 256.0 MiB limit` });
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
  });
});

describe('ordinary mistakes', () => {
  it('a signing or public key that is not PEM is one line and a hint', async () => {
    expectRefused(
      await run(['bundle', '--out', join(dir, 'y'), '--sign-key', join(dir, 'not-a-key.pem')]),
      /^error: the signing key is not a PEM private key \(.*\)\nhint: Pass the bundle-signing.key/,
    );
    expectRefused(
      await run(['bundle', 'verify', join(dir, 'signed'), '--public-key', join(dir, 'not-a-key.pem')]),
      /^error: the public key is not a PEM public key/,
    );
  });
});

describe('bundle verify without a public key', () => {
  it('refuses a signature file that names another bundle, and says what it did not check', async () => {
    const ok = await run(['bundle', 'verify', join(dir, 'signed')]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/signature NOT checked \(no --public-key\)/);
    // Another bundle (other campaigns) with the first one's signature file beside it.
    const other = join(dir, 'other');
    cpSync(project, join(dir, 'project2'), { recursive: true });
    const campaign = join(dir, 'project2/campaigns/promotions.yaml');
    writeFileSync(campaign, readFileSync(campaign, 'utf8').replace(/name: (\S+)/, 'name: $1-renamed'));
    expect((await runCli(['bundle', '--out', other], { cwd: join(dir, 'project2'), env })).code).toBe(0);
    copyFileSync(join(dir, 'signed/bundle.json.sig'), join(other, 'bundle.json.sig'));
    expectRefused(await run(['bundle', 'verify', other]), /^error: the signature file is for the bundle with digest sha256:\w+, not this one \(sha256:\w+\)/);
  });
});
