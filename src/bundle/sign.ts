// Detached ed25519 signatures over the exact bundle bytes (node:crypto). The signature file names
// the key by a short fingerprint so a wrong key is reported as such, not as a bad signature.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { BundleError } from '../engine/errors.js';
import { readRegularFile } from '../load/regular-file.js';

/** Key files are a few hundred bytes of PEM; a bigger one (or /dev/zero) is not a key. */
export const MAX_KEY_FILE_BYTES = 64 * 1024;

/** bundle.json.sig, as JSON. */
export interface BundleSignature {
  readonly algorithm: 'ed25519';
  /** First 16 hex digits of sha256(public key, SPKI DER). */
  readonly keyId: string;
  /** The manifest digest of the signed bundle. */
  readonly digest: string;
  /** Base64 of the 64-byte signature. */
  readonly signature: string;
}

export type KeyInput = string | Buffer | KeyObject;

export function signBundle(bytes: Uint8Array, privateKey: KeyInput, digest: string): BundleSignature {
  const key = isKeyObject(privateKey) ? privateKey : keyFrom(privateKey, 'private');
  if (key.asymmetricKeyType !== 'ed25519')
    throw new BundleError(
      'signature',
      `signing key is ${key.asymmetricKeyType ?? 'not an asymmetric key'}, not ed25519`,
      'Create one with `promoc bundle keygen` or `openssl genpkey -algorithm ed25519`.',
    );
  return { algorithm: 'ed25519', keyId: keyId(createPublicKey(key)), digest, signature: sign(null, bytes, key).toString('base64') };
}

/** A verifier for loadBundle's `verifySignature`: throws BundleError('signature') on any mismatch. */
export function ed25519Verifier(signature: unknown, publicKey: KeyInput): (bytes: Uint8Array) => void {
  const sig = parseSignature(signature);
  const key = isKeyObject(publicKey) ? publicKey : keyFrom(publicKey, 'public');
  const id = keyId(key);
  return (bytes) => {
    if (sig.keyId !== id)
      throw new BundleError(
        'signature',
        `bundle is signed with key ${sig.keyId}, but the public key given is ${id}`,
        'Verify with the public key that belongs to the signing key.',
      );
    if (!verify(null, bytes, key, Buffer.from(sig.signature, 'base64'))) {
      throw new BundleError(
        'signature',
        `bundle signature does not verify with key ${id}`,
        'The bundle or its signature was changed after signing; rebuild and sign it again.',
      );
    }
  };
}

export function keyId(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

export function generateSigningKeys(): { privateKeyPem: string; publicKeyPem: string; keyId: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: keyId(publicKey),
  };
}

/**
 * What can be checked of a signature file without a key: its shape, and that it names this bundle's digest
 * (a signature file beside another bundle is a mix-up, or a swap). Whether the signature is genuine needs the key.
 */
export function checkSignatureDigest(signature: unknown, digest: string): void {
  const sig = parseSignature(signature);
  if (sig.digest !== digest)
    throw new BundleError(
      'signature',
      `the signature file is for the bundle with digest ${sig.digest}, not this one (${digest})`,
      'The bundle or its signature file was replaced; sign this bundle again, or fetch the matching pair.',
    );
}

/** A key file's text: a regular file of at most MAX_KEY_FILE_BYTES. */
export async function readKeyFile(path: string, what: string): Promise<string> {
  return (await readRegularFile(path, MAX_KEY_FILE_BYTES, what)).toString('utf8');
}

/** node:crypto's key from PEM text; anything else is a BundleError naming what was expected, not an OpenSSL stack. */
function keyFrom(text: string | Buffer, kind: 'private' | 'public'): KeyObject {
  try {
    return kind === 'private' ? createPrivateKey(text) : createPublicKey(text);
  } catch (cause) {
    throw new BundleError(
      'signature',
      `the ${kind === 'private' ? 'signing' : 'public'} key is not a PEM ${kind} key (${(cause as Error).message})`,
      kind === 'private'
        ? 'Pass the bundle-signing.key written by `promoc bundle keygen` (or `openssl genpkey -algorithm ed25519`).'
        : 'Pass the bundle-signing.pub written by `promoc bundle keygen`.',
      { cause },
    );
  }
}

function isKeyObject(k: KeyInput): k is KeyObject {
  return typeof k === 'object' && !Buffer.isBuffer(k);
}

function parseSignature(value: unknown): BundleSignature {
  const s = value as Partial<BundleSignature> | null;
  const ok =
    typeof s === 'object' &&
    s !== null &&
    s.algorithm === 'ed25519' &&
    typeof s.keyId === 'string' &&
    typeof s.signature === 'string' &&
    typeof s.digest === 'string';
  if (!ok)
    throw new BundleError(
      'signature',
      'signature file is not an ed25519 bundle signature',
      'Expected {"algorithm":"ed25519","keyId","digest","signature"} as written by `promoc bundle --sign-key`.',
    );
  return s as BundleSignature;
}
