import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aContext, aPromotion, build } from '../../test/fixtures/engine/builders.js';
import { BundleError } from '../engine/errors.js';
import { generateSigningKeys, signBundle } from './sign.js';
import { openBundle } from './verify.js';

const built = build([aPromotion('p', { code: 'PROMO', benefits: [{ percentOff: 25 }] })]);
const keys = generateSigningKeys();
const signature = signBundle(built.bytes, keys.privateKeyPem, built.manifest.digest);

function refusal(run: () => unknown): BundleError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(BundleError);
    return e as BundleError;
  }
  throw new Error('expected a refusal');
}

describe('ed25519 signatures', () => {
  it('verify with the matching public key', () => {
    expect(signature).toMatchObject({ algorithm: 'ed25519', keyId: keys.keyId, digest: built.manifest.digest });
    const engine = openBundle(built.bytes, { signature, publicKey: keys.publicKeyPem });
    expect(engine.evaluate(aContext({ codes: ['PROMO'] })).total).toBe(750);
  });

  it('refuse a wrong key by its fingerprint', () => {
    const other = generateSigningKeys();
    const e = refusal(() => openBundle(built.bytes, { signature, publicKey: other.publicKeyPem }));
    expect(e.code).toBe('signature');
    expect(e.message).toBe(`bundle is signed with key ${keys.keyId}, but the public key given is ${other.keyId}`);
  });

  it('refuse a bundle changed outside the digest (the manifest) or a changed signature', () => {
    const text = new TextDecoder().decode(built.bytes).replace('"revision":"abc123"', '"revision":"abc124"');
    const e = refusal(() => openBundle(new TextEncoder().encode(text), { signature, publicKey: keys.publicKeyPem }));
    expect(e.message).toBe(`bundle signature does not verify with key ${keys.keyId}`);
    const flipped = {
      ...signature,
      signature: Buffer.from(Buffer.from(signature.signature, 'base64').map((b, i) => (i === 0 ? b ^ 1 : b))).toString('base64'),
    };
    expect(refusal(() => openBundle(built.bytes, { signature: flipped, publicKey: keys.publicKeyPem })).code).toBe('signature');
  });

  it('cover the manifest: a createdAt moved forward to pass replay protection breaks the signature', () => {
    const later = new TextDecoder().decode(built.bytes).replace('"createdAt":"2027-01-01T00:00:00.000Z"', '"createdAt":"2027-09-01T00:00:00.000Z"');
    expect(later).not.toBe(new TextDecoder().decode(built.bytes));
    const bytes = new TextEncoder().encode(later);
    const e = refusal(() => openBundle(bytes, { signature, publicKey: keys.publicKeyPem, notBefore: '2027-06-01T00:00:00Z' }));
    expect(e.code).toBe('signature');
    expect(e.message).toBe(`bundle signature does not verify with key ${keys.keyId}`);
    // The digest covers the content only: unsigned, the edit goes unnoticed. Replay protection needs the signature.
    expect(openBundle(bytes, { notBefore: '2027-06-01T00:00:00Z' }).manifest.createdAt).toBe('2027-09-01T00:00:00.000Z');
  });

  it('refuse a signed bundle older than notBefore once its signature checks out', () => {
    expect(refusal(() => openBundle(built.bytes, { signature, publicKey: keys.publicKeyPem, notBefore: '2027-06-01T00:00:00Z' })).code).toBe('stale');
    expect(openBundle(built.bytes, { signature, publicKey: keys.publicKeyPem, replaces: built.manifest }).manifest.digest).toBe(built.manifest.digest);
  });

  it('refuse a tampered content byte even when signed (digest first)', () => {
    const text = new TextDecoder().decode(built.bytes).replace('"rate":250000', '"rate":250001');
    expect(refusal(() => openBundle(new TextEncoder().encode(text), { signature, publicKey: keys.publicKeyPem })).code).toBe('digest');
  });

  it('refuse an unsigned bundle when a key is given, and a non-ed25519 signing key', () => {
    expect(refusal(() => openBundle(built.bytes, { publicKey: keys.publicKeyPem })).message).toBe('bundle is not signed');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    expect(refusal(() => signBundle(built.bytes, rsa, built.manifest.digest)).message).toBe('signing key is rsa, not ed25519');
  });
});
