// promoc's ownership marker. None of the four APIs has labels or tags on these objects, so promoc writes a
// short marker at the end of the one internal free-text field each API keeps (a description that customers
// never see), the way kubectl keeps last-applied-configuration in an annotation:
//
//   <author's description>\n\n[promoc:managed Promotion/summer-25 1a2b3c4d5e6f]
//
// It says the object is managed by a promoc repository, under which kind/name, and the digest of the
// normalized fields promoc last wrote: a live object whose fields no longer hash to it was edited out of band
// (drift). Reading strips the marker, so it never shows up in diffs.
import { KINDS, type Kind } from '../generated/index.js';
import type { Ownership } from './provider.js';
import { resourceKey } from '../model/resource.js';

const MARKER = /\s*\[promoc:managed ([A-Za-z]+)\/([a-z0-9-]+)(?: ([0-9a-f]{12}))?\]\s*$/;
/** Longest marker text appended (separator + brackets + kind + name + digest). */
export const MARKER_MAX_LENGTH = 2 + '[promoc:managed '.length + 'GeofenceSurcharge'.length + 1 + 63 + 1 + 12 + 1;

export function markerText(owner: Required<Ownership>): string {
  return `[promoc:managed ${resourceKey(owner)} ${owner.digest}]`;
}

/** `text` with the marker appended (after a blank line) in place of any earlier one. */
export function appendMarker(text: string | null | undefined, owner: Required<Ownership>): string {
  const body = splitMarker(text).text;
  return body ? `${body}\n\n${markerText(owner)}` : markerText(owner);
}

/** The author's text without the marker (null when nothing is left), and the marker if there was one. */
export function splitMarker(text: string | null | undefined): { text: string | null; owner?: Ownership } {
  if (typeof text !== 'string') return { text: null };
  const m = MARKER.exec(text);
  // Trailing whitespace goes with the marker on the way back, so it is dropped here too: a description that
  // ends in a newline (a YAML `|` block) would otherwise read back different on every plan.
  if (!m) {
    const trimmed = text.trimEnd();
    return { text: trimmed === '' ? null : trimmed };
  }
  const kind = m[1] as string;
  const rest = text.slice(0, m.index);
  if (!(KINDS as readonly string[]).includes(kind)) return { text };
  const owner: Ownership = { kind: kind as Kind, name: m[2] as string, ...(m[3] ? { digest: m[3] } : {}) };
  return { text: rest === '' ? null : rest, owner };
}

/** A metadata.name for a live object promoc did not create: its natural key in kebab-case. */
export function nameFromKey(key: string): string {
  const slug = key
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return slug === '' ? 'unnamed' : slug;
}
