// The commands end to end on test/fixtures/engine/project, through main() with an in-memory terminal.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import type { Io } from '../io.js';

const project = new URL('../../../test/fixtures/engine/project/', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'promoc-bundle-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function run(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    cwd: project,
    env: { SOURCE_DATE_EPOCH: '1798761600', ...env },
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    isTTY: false,
    color: false,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('promoc bundle / eval / test', () => {
  it('builds, signs and verifies a bundle; building twice gives the same bytes', async () => {
    expect((await run(['bundle', 'keygen', join(out, 'keys')])).code).toBe(0);
    const first = await run(['bundle', '--out', join(out, 'a'), '--sign-key', join(out, 'keys/bundle-signing.key')]);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/wrote .*bundle\.json: 3 campaigns \(1 with codes, 1 surcharge\), 1 geofence/);
    expect(first.stdout).toContain('created  2027-01-01T00:00:00.000Z');
    await run(['bundle', '--out', join(out, 'b')]);
    expect(readFileSync(join(out, 'a/bundle.json')).equals(readFileSync(join(out, 'b/bundle.json')))).toBe(true);
    const verified = await run(['bundle', 'verify', join(out, 'a'), '--public-key', join(out, 'keys/bundle-signing.pub')]);
    expect(verified).toMatchObject({ code: 0, stderr: '' });
    expect(verified.stdout).toContain('signature ok');
  });

  it('refuses a tampered bundle with exit 1 and a hint', async () => {
    const file = join(out, 'b/bundle.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"rate":500000', '"rate":900000'));
    const r = await run(['bundle', 'verify', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: bundle content does not match its digest.*\nhint: The file was changed after it was built/);
  });

  it('evaluates a context file as text or JSON', async () => {
    const text = await run(['eval', '--context', 'context.yaml']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('subtotal 10.00   surcharges +2.50   discounts -5.00   total 7.50');
    const json = await run(['eval', '--bundle', join(out, 'a'), '--context', 'context.yaml', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ total: 750, fees: [{ campaign: 'GeofenceSurcharge/airport-fee', amount: 250 }] });
  });

  it('reports a bad context without a stack trace', async () => {
    writeFileSync(join(out, 'bad.yaml'), 'at: yesterday\ncurrency: EUR\nlines: []\n');
    const r = await run(['eval', '--context', join(out, 'bad.yaml')]);
    expect(r).toMatchObject({
      code: 1,
      stderr:
        'error: at: "yesterday" is not an RFC 3339 date-time\nhint: Give epoch milliseconds or an ' +
        'RFC 3339 date-time with a zone, such as 2027-06-01T12:00:00Z or 2027-06-01T14:00:00+02:00.\n',
    });
  });

  it('runs the campaign tests next to the campaigns', async () => {
    const r = await run(['test']);
    expect(r.stdout).toContain('✓ free unlock, then half off the rest');
    expect(r.stdout).toContain('✔ 2 passed, 0 failed');
    expect(r.code).toBe(0);
  });

  it('shows a failing expectation as a diff and exits 1', async () => {
    writeFileSync(
      join(out, 'wrong.test.yaml'),
      'tests:\n  - name: wrong total\n    context: { at: 2027-07-01T12:00:00Z, currency: EUR, ' +
        'codes: [HALF50], lines: [{ id: t, amount: "4.00" }] }\n    expect: { total: "3.00" }\n',
    );
    const r = await run(['test', join(out, 'wrong.test.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ wrong total\n      total\n      - 3.00\n      + 2.00');
  });

  it('reports an expectation of the wrong shape as a problem of its file, and goes on with the other tests', async () => {
    const context = '{ at: 2027-07-01T12:00:00Z, currency: EUR, codes: [HALF50], lines: [{ id: t, amount: "4.00" }] }';
    const cases = [
      ['one id instead of a list', 'applied: Promotion/half50'],
      ['a number of rejections', 'rejected: 5'],
      ['a list as a total', 'total: [1]'],
      ['three decimals', 'total: "2.001"'],
      ['right', 'total: "2.00"'],
    ];
    writeFileSync(
      join(out, 'shapes.test.yaml'),
      `tests:\n${cases.map(([name, expect]) => `  - name: ${name}\n    context: ${context}\n    expect: { ${expect} }\n`).join('')}`,
    );
    const r = await run(['test', join(out, 'shapes.test.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('tests[0] (one id instead of a list): expect.applied must be a list of campaign ids, e.g. applied: [Promotion/half50]');
    expect(r.stdout).toContain('tests[1] (a number of rejections): expect.rejected must map campaign ids to text their reason contains');
    expect(r.stdout).toContain('tests[2] (a list as a total): expect.total must be an amount');
    expect(r.stdout).toContain('✗ three decimals\n      cannot read the expectation: expect.total: "2.001" has 3 decimals; the currency has 2');
    expect(r.stdout).toContain('✓ right');
  });
});

describe('replay protection: --not-before', () => {
  const keys = join(out, 'replay-keys');
  const pub = join(keys, 'bundle-signing.pub');

  it('bundle verify refuses a bundle older than an instant or than the bundle running now', async () => {
    expect((await run(['bundle', 'keygen', keys])).code).toBe(0);
    const sign = ['--sign-key', join(keys, 'bundle-signing.key')];
    expect((await run(['bundle', '--out', join(out, 'jan'), ...sign], { SOURCE_DATE_EPOCH: '1798761600' })).code).toBe(0); // 2027-01-01
    expect((await run(['bundle', '--out', join(out, 'feb'), ...sign], { SOURCE_DATE_EPOCH: '1801440000' })).code).toBe(0); // 2027-02-01

    const byInstant = await run(['bundle', 'verify', join(out, 'jan'), '--public-key', pub, '--not-before', '2027-01-15']);
    expect(byInstant).toMatchObject({ code: 1, stdout: '' });
    expect(byInstant.stderr).toMatch(
      /^error: bundle was created at 2027-01-01T00:00:00\.000Z, before 2027-01-15T00:00:00Z, the earliest accepted\nhint: This is an older bundle/,
    );

    const backwards = await run(['bundle', 'verify', join(out, 'jan'), '--public-key', pub, '--not-before', join(out, 'feb')]);
    expect(backwards.code).toBe(1);
    expect(backwards.stderr).toMatch(/^error: bundle was created at 2027-01-01T00:00:00\.000Z, before the bundle it would replace /);
    expect(backwards.stderr).toMatch(/ \(created at 2027-02-01T00:00:00\.000Z, sha256:[0-9a-f]{64}\)\nhint: Refusing to go backwards/);

    const forwards = await run(['bundle', 'verify', join(out, 'feb'), '--public-key', pub, '--not-before', join(out, 'jan')]);
    expect(forwards).toMatchObject({ code: 0, stderr: '' });
    expect(forwards.stdout).toContain('created 2027-02-01T00:00:00.000Z, not before the bundle it replaces (2027-01-01T00:00:00.000Z, sha256:');
    expect(forwards.stdout).toContain('signature ok');
  });

  it('warns that without --public-key the creation time is not authenticated', async () => {
    const r = await run(['bundle', 'verify', join(out, 'feb'), '--not-before', '2027-01-15T00:00:00Z']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: --not-before without --public-key checks an unsigned creation time/);
  });

  it('eval and test refuse an older --bundle too, and need one', async () => {
    const evalOld = await run(['eval', '--bundle', join(out, 'jan'), '--public-key', pub, '--not-before', join(out, 'feb'), '--context', 'context.yaml']);
    expect(evalOld.code).toBe(1);
    expect(evalOld.stderr).toContain('before the bundle it would replace');
    const testNew = await run(['test', '--bundle', join(out, 'feb'), '--public-key', pub, '--not-before', join(out, 'jan')]);
    expect(testNew.code).toBe(0);
    expect((await run(['eval', '--not-before', '2027-01-01', '--context', 'context.yaml'])).code).toBe(64);
  });

  it('reports a malformed instant as a usage error and a missing bundle by name', async () => {
    const bad = await run(['bundle', 'verify', join(out, 'feb'), '--public-key', pub, '--not-before', '2027-13-01T00:00:00Z']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('--not-before "2027-13-01T00:00:00Z" is not an RFC 3339 date-time');
    const missing = await run(['bundle', 'verify', join(out, 'feb'), '--public-key', pub, '--not-before', join(out, 'nowhere')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: --not-before .*nowhere: cannot read bundle/);
  });
});
