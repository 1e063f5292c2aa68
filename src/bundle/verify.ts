// Opening a bundle on Node: the engine's checks plus node:crypto's sha256 and ed25519.
import { createHash } from 'node:crypto';
import { loadBundle, type Engine, type LoadBundleOptions } from '../engine/load.js';
import { BundleError } from '../engine/errors.js';
import { checkSignatureDigest, ed25519Verifier, type KeyInput } from './sign.js';

export interface OpenOptions {
  /** The parsed bundle.json.sig, when there is one. */
  readonly signature?: unknown;
  /** Public key (PEM) to check the signature with. */
  readonly publicKey?: KeyInput;
  /** Refuse unsigned bundles. Implied by `publicKey`. */
  readonly requireSignature?: boolean;
  readonly strategy?: LoadBundleOptions['strategy'];
  /** Replay protection (see loadBundle); meaningful only with a checked signature, the one check covering the manifest. */
  readonly notBefore?: LoadBundleOptions['notBefore'];
  readonly replaces?: LoadBundleOptions['replaces'];
}

export function nodeSha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** loadBundle with digest and (when asked) signature checks; throws BundleError with a hint. */
export function openBundle(bytes: Uint8Array, options: OpenOptions = {}): Engine {
  const mustVerify = options.requireSignature === true || options.publicKey !== undefined;
  if (mustVerify && options.signature === undefined)
    throw new BundleError('signature', 'bundle is not signed', 'Sign it with `promoc bundle --sign-key KEY`, or drop the public key to skip the check.');
  if (options.signature !== undefined && options.publicKey === undefined && mustVerify)
    throw new BundleError('signature', 'no public key to verify the signature with', 'Pass --public-key.');
  const verifySignature =
    options.signature !== undefined && options.publicKey !== undefined ? ed25519Verifier(options.signature, options.publicKey) : undefined;
  const engine = loadBundle(bytes, {
    sha256: nodeSha256,
    ...(verifySignature ? { verifySignature } : {}),
    ...(options.strategy ? { strategy: options.strategy } : {}),
    ...(options.notBefore !== undefined ? { notBefore: options.notBefore } : {}),
    ...(options.replaces !== undefined ? { replaces: options.replaces } : {}),
  });
  // Without a key the signature cannot be checked, but a signature file naming another bundle can be refused.
  if (options.signature !== undefined && !verifySignature) checkSignatureDigest(options.signature, engine.manifest.digest);
  return engine;
}
