// Replay protection: refuse a bundle older than the caller will accept. The order is the manifest's
// createdAt (commit time or SOURCE_DATE_EPOCH, per second): a bundle must be created at or after
// `notBefore`, and strictly after the bundle it `replaces` unless it has that bundle's very content.
// Only a signature covers the manifest (the digest covers `content`), so without one these checks catch
// accidents, not an attacker. See docs/bundle.md, "Replay protection".
import type { BundleManifest } from '../generated/bundle.js';
import { BundleError } from './errors.js';
import { readInstant } from './instant.js';

export interface FreshnessOptions {
  /** RFC 3339 instant with a zone: refuse bundles created before it, or without a creation time. */
  readonly notBefore?: string;
  /**
   * The manifest of the bundle running now (`engine.manifest`): refuse a bundle created before it, or in
   * the same second with other content, and one without a creation time.
   */
  readonly replaces?: Pick<BundleManifest, 'createdAt' | 'digest'>;
}

/** Epoch milliseconds of an RFC 3339 date-time with a zone (as a context's `at` is read); undefined for anything else. */
export function parseInstant(value: unknown): number | undefined {
  // A date alone is not an instant here: a bundle's floor is to the second.
  if (typeof value !== 'string' || value.length <= 10) return undefined;
  const ms = readInstant(value);
  return typeof ms === 'number' ? ms : undefined;
}

/** Throws BundleError('stale') when `manifest` is older than the options accept; RangeError for a malformed option. */
export function checkFreshness(manifest: BundleManifest, options: FreshnessOptions): void {
  const { notBefore, replaces } = options;
  if (notBefore === undefined && replaces === undefined) return;
  const floor = notBefore === undefined ? undefined : parseInstant(notBefore);
  if (notBefore !== undefined && floor === undefined)
    throw new RangeError(`notBefore: ${JSON.stringify(notBefore)} is not an RFC 3339 date-time with a zone, such as 2027-06-01T12:00:00Z`);
  const created = parseInstant(manifest.createdAt);
  if (created === undefined) {
    throw new BundleError(
      'stale',
      `bundle has no creation time (manifest.createdAt is ${JSON.stringify(manifest.createdAt)}), so it ` +
        `cannot be shown to be newer than ${notBefore !== undefined ? notBefore : 'the bundle it replaces'}`,
      'Build it from a git commit or with SOURCE_DATE_EPOCH set, so its manifest records when it was made.',
    );
  }
  if (floor !== undefined && created < floor) {
    throw new BundleError(
      'stale',
      `bundle was created at ${manifest.createdAt}, before ${notBefore}, the earliest accepted`,
      'This is an older bundle, perhaps replayed; deploy one built after that time. To go back to older campaigns, revert them in git and build a new bundle.',
    );
  }
  const running = replaces === undefined ? undefined : parseInstant(replaces.createdAt);
  if (replaces === undefined || running === undefined) return; // a running bundle without a creation time orders nothing
  if (created < running) {
    throw new BundleError(
      'stale',
      `bundle was created at ${manifest.createdAt}, before the bundle it would replace (created at ${replaces.createdAt}, ${replaces.digest})`,
      'Refusing to go backwards: an older bundle may be a replay. To go back to older campaigns, revert them in git and build a new bundle.',
    );
  }
  if (created === running && manifest.digest !== replaces.digest) {
    throw new BundleError(
      'stale',
      `bundle was created at ${manifest.createdAt}, the same time as the bundle it would replace, but its ` +
        `content differs (${manifest.digest}, running ${replaces.digest}): which is newer cannot be told`,
      'Build it from a later commit or with a later SOURCE_DATE_EPOCH.',
    );
  }
}
