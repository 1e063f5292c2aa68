// Fingerprints of what a plan read: one digest per live object, one per source, one for the plan. A saved
// plan is stale when live state no longer has the same fingerprint; the per-object digests say what changed.
import { createHash } from 'node:crypto';
import type { LiveObject } from '../providers/provider.js';
import type { Source } from './plan-types.js';
import { sha256Text } from '../model/canonical.js';

export function objectFingerprints(objects: readonly LiveObject[]): Record<string, string> {
  return fingerprintsOf(objects).objectFingerprints;
}

/**
 * objectFingerprints and the source's fingerprint over them from one sort: the lines sourceFingerprint hashes
 * are written as the objects are, unless two objects share an id (then the last one's digest is the id's) or an
 * id is `__proto__` (which sets no key).
 */
export function fingerprintsOf(objects: readonly LiveObject[]): { objectFingerprints: Record<string, string>; fingerprint: string } {
  const out: Record<string, string> = {};
  const sorted = [...objects].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let text = '';
  let unique = true;
  for (let i = 0; i < sorted.length; i++) {
    const o = sorted[i]!;
    out[o.id] = o.fingerprint;
    if ((i > 0 && sorted[i - 1]!.id === o.id) || o.id === '__proto__') unique = false;
    text += `${o.id}\0${o.fingerprint}\n`;
  }
  return { objectFingerprints: out, fingerprint: unique ? sha256Text(text) : sourceFingerprint(out) };
}

/** sha256 over one line per object, joined and hashed once. */
export function sourceFingerprint(fingerprints: Readonly<Record<string, string | undefined>>): string {
  let text = '';
  for (const id of Object.keys(fingerprints).sort()) text += `${id}\0${fingerprints[id] ?? ''}\n`;
  return sha256Text(text);
}

export function planFingerprint(sources: readonly Pick<Source, 'provider' | 'fingerprint'>[]): string {
  const h = createHash('sha256');
  for (const s of [...sources].sort((a, b) => a.provider.localeCompare(b.provider))) h.update(`${s.provider}\0${s.fingerprint}\n`);
  return h.digest('hex');
}

/** Object ids whose fingerprint differs between two reads (added, removed or changed), for a stale-plan message. */
export function changedObjects(
  before: Readonly<Record<string, string | undefined>>,
  after: Readonly<Record<string, string | undefined>>,
): { added: string[]; removed: string[]; changed: string[] } {
  const added = Object.keys(after)
    .filter((id) => !(id in before))
    .sort();
  const removed = Object.keys(before)
    .filter((id) => !(id in after))
    .sort();
  const changed = Object.keys(after)
    .filter((id) => id in before && before[id] !== after[id])
    .sort();
  return { added, removed, changed };
}

/**
 * For apply: what changed between the live state a saved plan read and a fresh read, one line per object
 * (empty when the plan is still current). Feed the lines to StalePlanError.
 */
export function stalePlanChanges(
  saved: readonly Pick<Source, 'provider' | 'objectFingerprints'>[],
  fresh: readonly Pick<Source, 'provider' | 'objectFingerprints'>[],
): string[] {
  const lines: string[] = [];
  for (const s of saved) {
    const now = fresh.find((f) => f.provider === s.provider);
    if (!now) {
      lines.push(`${s.provider}: not read this time`);
      continue;
    }
    const d = changedObjects(s.objectFingerprints, now.objectFingerprints);
    for (const id of d.added) lines.push(`${s.provider}: ${id} was created since the plan`);
    for (const id of d.removed) lines.push(`${s.provider}: ${id} was deleted since the plan`);
    for (const id of d.changed) lines.push(`${s.provider}: ${id} changed since the plan`);
  }
  return lines;
}
