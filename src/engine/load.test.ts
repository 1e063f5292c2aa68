// loadBundle refuses what it cannot trust, with a clear error and a hint.
import { describe, expect, it } from 'vitest';
import { aContext, aPromotion, build } from '../../test/fixtures/engine/builders.js';
import { BundleError } from './errors.js';
import { loadBundle } from './load.js';

const built = build([aPromotion('p', { code: 'PROMO', benefits: [{ percentOff: 25 }] })]);
const text = new TextDecoder().decode(built.bytes);

function refusal(run: () => unknown): { code: string; message: string; hint?: string } {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(BundleError);
    const b = e as BundleError;
    return { code: b.code, message: b.message, ...(b.hint ? { hint: b.hint } : {}) };
  }
  throw new Error('expected a refusal');
}

describe('loadBundle', () => {
  it('loads bytes, text and parsed objects alike', () => {
    for (const input of [built.bytes, text, JSON.parse(text) as typeof built.bundle]) {
      expect(loadBundle(input).evaluate(aContext({ codes: ['PROMO'] })).total).toBe(750);
    }
  });

  it('accepts a bundle re-serialized with other whitespace (the digest covers content, not bytes)', () => {
    expect(loadBundle(JSON.stringify(built.bundle, null, 2)).manifest.digest).toBe(built.manifest.digest);
  });

  it('refuses a tampered byte in the content', () => {
    const tampered = text.replace('"rate":250000', '"rate":950000');
    expect(tampered).not.toBe(text);
    const r = refusal(() => loadBundle(tampered));
    expect(r.code).toBe('digest');
    expect(r.message).toMatch(/^bundle content does not match its digest: the manifest says sha256:[0-9a-f]{64}, the content hashes to sha256:[0-9a-f]{64}$/);
    expect(r.hint).toMatch(/changed after it was built/);
  });

  it('refuses damaged JSON and invalid UTF-8', () => {
    expect(refusal(() => loadBundle(text.slice(0, -2))).code).toBe('parse');
    expect(refusal(() => loadBundle(new Uint8Array([0x7b, 0xff, 0x7d]))).message).toBe('bundle is not valid UTF-8');
  });

  it('refuses an unknown format version before anything else', () => {
    const future = { ...built.bundle, manifest: { ...built.bundle.manifest, formatVersion: 2 } };
    const r = refusal(() => loadBundle(future as never));
    expect(r).toMatchObject({ code: 'format-version', message: 'unknown bundle format version 2; this engine reads version 1' });
  });

  it('refuses a malformed bundle, naming the field', () => {
    const broken = { ...built.bundle, content: { ...built.bundle.content, campaigns: 'nope' } };
    expect(refusal(() => loadBundle(broken as never))).toMatchObject({ code: 'shape', message: 'bundle is malformed: content.campaigns must be an array' });
  });

  it('refuses inputs over the size limit before parsing', () => {
    expect(refusal(() => loadBundle(built.bytes, { maxBytes: 100 })).code).toBe('too-large');
  });

  it('hands the exact bytes to the signature check, and lets it refuse', () => {
    let seen: Uint8Array | undefined;
    loadBundle(built.bytes, {
      verifySignature: (b) => {
        seen = b;
      },
    });
    expect(seen).toEqual(built.bytes);
    loadBundle(built.bundle, {
      verifySignature: (b) => {
        seen = b;
      },
    });
    expect(seen).toEqual(built.bytes); // re-canonicalized from the object: the same bytes
    const fail = () => {
      throw new BundleError('signature', 'nope');
    };
    expect(refusal(() => loadBundle(built.bytes, { verifySignature: fail })).code).toBe('signature');
  });
});
