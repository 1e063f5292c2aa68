// One read-only view over every campaign kind's spec, with field types taken from the generated types
// (no hand-written twins): rules read `view(r).window` without switching on the kind.
import type { AnyResource, GeofencePromotion, GeofenceSurcharge, Package, Promotion, Referral, Triggered } from '../../generated/index.js';
import type { DocPath } from '../../model/diagnostic.js';

type PromotionSpec = Promotion['spec'];

export type SpecView = Partial<
  Pick<
    PromotionSpec,
    | 'status'
    | 'window'
    | 'audience'
    | 'benefits'
    | 'stacking'
    | 'targeting'
    | 'limits'
    | 'conditions'
    | 'code'
    | 'phases'
    | 'ladder'
    | 'displayName'
    | 'publicDescription'
  >
> &
  Partial<Pick<GeofencePromotion['spec'], 'zone'>> &
  Partial<Pick<GeofenceSurcharge['spec'], 'surcharge'>> &
  Partial<Pick<Package['spec'], 'price'>> &
  Partial<Pick<Referral['spec'], 'referrer' | 'referee'>> &
  Partial<Pick<Triggered['spec'], 'event'>>;

export type Window = NonNullable<PromotionSpec['window']>;
export type Audience = NonNullable<PromotionSpec['audience']>;
export type Targeting = NonNullable<PromotionSpec['targeting']>;
export type Benefit = PromotionSpec['benefits'][number];
export type Scope = NonNullable<Benefit['appliesTo']>;
export type Zone = GeofencePromotion['spec']['zone'];
export type Phase = GeofencePromotion['spec']['zone']['phase'];
export type Money = NonNullable<Benefit['amountOff']>;

export function view(r: AnyResource): SpecView {
  return r.spec as SpecView;
}

export function isActive(r: AnyResource): boolean {
  return view(r).status !== 'inactive';
}

/** Every benefit list of a resource with its path: spec.benefits, each phase's and ladder step's, referrer's and referee's. */
export function benefitLists(r: AnyResource): { readonly path: DocPath; readonly benefits: readonly Benefit[] }[] {
  const s = view(r);
  const out: { path: DocPath; benefits: readonly Benefit[] }[] = [];
  if (s.benefits) out.push({ path: ['spec', 'benefits'], benefits: s.benefits });
  s.phases?.forEach((p, i) => out.push({ path: ['spec', 'phases', i, 'benefits'], benefits: p.benefits }));
  s.ladder?.steps.forEach((st, i) => out.push({ path: ['spec', 'ladder', 'steps', i, 'benefits'], benefits: st.benefits }));
  if (s.referrer) out.push({ path: ['spec', 'referrer', 'benefits'], benefits: s.referrer.benefits });
  if (s.referee) out.push({ path: ['spec', 'referee', 'benefits'], benefits: s.referee.benefits });
  return out;
}

/** Every window of a resource with its path: spec.window and each phase's. */
export function windows(r: AnyResource): { readonly path: DocPath; readonly window: Window; readonly phase?: string }[] {
  const s = view(r);
  const out: { path: DocPath; window: Window; phase?: string }[] = [];
  if (s.window) out.push({ path: ['spec', 'window'], window: s.window });
  s.phases?.forEach((p, i) => out.push({ path: ['spec', 'phases', i, 'window'], window: p.window, phase: p.name }));
  return out;
}

/** [from, until) in epoch ms; open ends are ±Infinity. */
export function windowBounds(w: Window | undefined): readonly [number, number] {
  const from = w?.from ? parseInstant(w.from) : -Infinity;
  const until = w?.until ? parseInstant(w.until) : Infinity;
  return [Number.isNaN(from) ? -Infinity : from, Number.isNaN(until) ? Infinity : until];
}

const parsed = new Map<string, number>();

/** `Date.parse`, cached: a repository's windows share a few hundred instants, and parsing is slow. */
function parseInstant(text: string): number {
  let ms = parsed.get(text);
  if (ms === undefined) {
    ms = Date.parse(text);
    if (parsed.size < 100_000) parsed.set(text, ms);
  }
  return ms;
}

/** "from 2027-06-01 until 2027-09-01", "until 2027-09-01", "at all times" (UTC; time shown only when not midnight). */
export function describeWindow(from: number, until: number): string {
  const parts: string[] = [];
  if (from !== -Infinity) parts.push(`from ${formatInstant(from)}`);
  if (until !== Infinity) parts.push(`until ${formatInstant(until)}`);
  return parts.length > 0 ? parts.join(' ') : 'at all times';
}

const instants = new Map<number, string>();

/** Cached: thousands of findings repeat the same few instants. */
export function formatInstant(ms: number): string {
  let text = instants.get(ms);
  if (text === undefined) {
    const iso = new Date(ms).toISOString();
    text = iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
    if (instants.size < 100_000) instants.set(ms, text);
  }
  return text;
}

/** Does the document contain this path (so a finding can point at it)? */
export function hasPath(r: AnyResource, path: DocPath): boolean {
  let node: unknown = r;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<string | number, unknown>)[seg];
    if (node === undefined) return false;
  }
  return true;
}

/** The first of the candidate paths that exists in the document, else metadata.name. */
export function firstPath(r: AnyResource, ...candidates: DocPath[]): DocPath {
  return candidates.find((p) => hasPath(r, p)) ?? ['metadata', 'name'];
}
