// Replay protection: loadBundle refuses a bundle older than `notBefore` or than the bundle it `replaces`.
import { describe, expect, it } from 'vitest';
import { aModel, aPromotion } from '../../test/fixtures/engine/builders.js';
import { buildBundle } from '../bundle/build.js';
import { BundleError } from './errors.js';
import { loadBundle } from './load.js';

function bundleAt(createdAt: string | null, percentOff = 25) {
  const r = buildBundle(aModel([aPromotion('p', { code: 'PROMO', benefits: [{ percentOff }] })]), { revision: 'abc123', createdAt });
  if (!r.ok) throw new Error('bundle failed');
  return r;
}

function refusal(run: () => unknown): BundleError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(BundleError);
    return e as BundleError;
  }
  throw new Error('expected a refusal');
}

const jan = bundleAt('2027-01-01T00:00:00.000Z');
const feb = bundleAt('2027-02-01T00:00:00.000Z');
const febOther = bundleAt('2027-02-01T00:00:00.000Z', 30);

describe('loadBundle with notBefore', () => {
  it('accepts a bundle created at or after the instant, in any zone', () => {
    expect(loadBundle(feb.bytes, { notBefore: '2027-02-01T00:00:00Z' }).manifest.createdAt).toBe('2027-02-01T00:00:00.000Z');
    expect(loadBundle(feb.bytes, { notBefore: '2027-02-01T01:00:00+01:00' }).manifest.digest).toBe(feb.manifest.digest);
  });

  it('refuses a bundle created before it', () => {
    const e = refusal(() => loadBundle(jan.bytes, { notBefore: '2027-01-15T00:00:00Z' }));
    expect(e.code).toBe('stale');
    expect(e.message).toBe('bundle was created at 2027-01-01T00:00:00.000Z, before 2027-01-15T00:00:00Z, the earliest accepted');
    expect(e.hint).toMatch(/perhaps replayed/);
  });

  it('refuses a bundle without a creation time, or with one that is not an instant', () => {
    const e = refusal(() => loadBundle(bundleAt(null).bytes, { notBefore: '2027-01-01T00:00:00Z' }));
    expect(e.code).toBe('stale');
    expect(e.message).toBe('bundle has no creation time (manifest.createdAt is null), so it cannot be shown to be newer than 2027-01-01T00:00:00Z');
    expect(e.hint).toMatch(/SOURCE_DATE_EPOCH/);
    const odd = { ...jan.bundle, manifest: { ...jan.bundle.manifest, createdAt: 'last tuesday' } };
    expect(refusal(() => loadBundle(odd, { notBefore: '2026-01-01T00:00:00Z' })).code).toBe('stale');
  });

  it('throws a RangeError for a notBefore that is not an RFC 3339 date-time with a zone', () => {
    expect(() => loadBundle(feb.bytes, { notBefore: '2027-01-01' })).toThrow(RangeError);
    expect(() => loadBundle(feb.bytes, { notBefore: 'Jan 1 2027' })).toThrow(/not an RFC 3339 date-time/);
  });

  it('checks nothing when not asked: a bundle without a creation time loads', () => {
    expect(loadBundle(bundleAt(null).bytes).manifest.createdAt).toBeNull();
  });

  it('checks the signature first: a refused signature is reported as such, not as a stale bundle', () => {
    const fail = () => {
      throw new BundleError('signature', 'nope');
    };
    expect(refusal(() => loadBundle(jan.bytes, { notBefore: '2027-06-01T00:00:00Z', verifySignature: fail })).code).toBe('signature');
  });
});

describe('loadBundle with replaces (the bundle running now)', () => {
  it('accepts a newer bundle, and the running one again (same time, same content)', () => {
    expect(loadBundle(feb.bytes, { replaces: jan.manifest }).manifest.digest).toBe(feb.manifest.digest);
    expect(loadBundle(feb.bytes, { replaces: feb.manifest }).manifest.digest).toBe(feb.manifest.digest);
  });

  it('refuses an older bundle', () => {
    const e = refusal(() => loadBundle(jan.bytes, { replaces: feb.manifest }));
    expect(e.code).toBe('stale');
    expect(e.message).toBe(
      `bundle was created at 2027-01-01T00:00:00.000Z, before the bundle it would replace (created at 2027-02-01T00:00:00.000Z, ${feb.manifest.digest})`,
    );
    expect(e.hint).toMatch(/Refusing to go backwards/);
  });

  it('refuses other content created in the same second: which is newer cannot be told', () => {
    expect(febOther.manifest.digest).not.toBe(feb.manifest.digest);
    const e = refusal(() => loadBundle(febOther.bytes, { replaces: feb.manifest }));
    expect(e.code).toBe('stale');
    expect(e.message).toMatch(/the same time as the bundle it would replace, but its content differs .*: which is newer cannot be told$/);
    expect(e.hint).toMatch(/later SOURCE_DATE_EPOCH/);
  });

  it('refuses a bundle without a creation time; a running bundle without one orders nothing', () => {
    expect(refusal(() => loadBundle(bundleAt(null).bytes, { replaces: jan.manifest })).code).toBe('stale');
    expect(loadBundle(jan.bytes, { replaces: bundleAt(null).manifest }).manifest.digest).toBe(jan.manifest.digest);
  });

  it('applies notBefore and replaces together', () => {
    expect(refusal(() => loadBundle(feb.bytes, { replaces: jan.manifest, notBefore: '2027-03-01T00:00:00Z' })).message).toMatch(/before 2027-03-01T00:00:00Z/);
  });
});
