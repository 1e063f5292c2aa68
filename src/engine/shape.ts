// A defensive look at a parsed bundle before anything trusts it. The digest proves the content is
// what some promoc built, not that it is well formed (anyone can compute a digest), so the fields
// the evaluator relies on are checked here; the full JSON Schema is schemas/bundle.schema.json.
import type { Bundle } from '../generated/bundle.js';
import { BundleError } from './errors.js';

const BENEFIT_TYPES = new Set([
  'percentOff',
  'amountOff',
  'credit',
  'freeMinutes',
  'freeUnlocks',
  'packageDiscount',
  'entitlement',
  'trialExtension',
  'freePeriod',
]);
const GATE_LISTS = ['branches', 'vehicleCategories', 'requireTags', 'excludeTags'] as const;
const PHASES = new Set(['START_RENTAL', 'END_RENTAL', 'START_PLUS_END_RENTAL', 'START_OR_END_RENTAL', 'START_AND_END_RENTAL']);

/** Throws BundleError('shape') naming the first malformed field. */
export function checkShape(value: unknown): asserts value is Bundle {
  const b = value as Partial<Bundle> | null;
  need(isObject(b), '', 'a JSON object');
  need(isObject(b!.manifest), 'manifest', 'an object');
  need(isObject(b!.content), 'content', 'an object');
  const { content } = b as Bundle;
  need(isObject(content.currencies), 'content.currencies', 'an object');
  need(Array.isArray(content.campaigns), 'content.campaigns', 'an array');
  need(Array.isArray(content.geofences), 'content.geofences', 'an array');
  // The per-item checks below build their error's path and words only when failing: building them
  // for every campaign (a JSON.stringify per benefit) was a tenth of loading a large bundle.
  const geofences = new Set<string>();
  content.geofences.forEach((g, i) => {
    const at = (): string => `content.geofences[${i}]`;
    if (!(isObject(g) && typeof g.name === 'string')) fail(at(), 'a geofence with a name');
    if (!(Array.isArray(g.bbox) && g.bbox.length === 4 && g.bbox.every(Number.isFinite))) fail(`${at()}.bbox`, 'four numbers');
    if (!Array.isArray(g.coordinates)) fail(`${at()}.coordinates`, 'MultiPolygon coordinates');
    geofences.add(g.name);
  });
  const ids = new Set<string>();
  content.campaigns.forEach((c, i) => {
    const at = (): string => `content.campaigns[${i}]`;
    if (!(isObject(c) && typeof c.id === 'string' && !ids.has(c.id))) fail(`${at()}.id`, 'a unique campaign id');
    ids.add(c.id);
    for (const key of ['window', 'audience', 'targeting', 'limits'] as const) if (!isObject(c[key])) fail(`${at()}.${key}`, 'an object');
    if (!Array.isArray(c.benefits)) fail(`${at()}.benefits`, 'an array');
    if (c.ladder !== undefined && !(isObject(c.ladder) && Array.isArray(c.ladder.steps))) fail(`${at()}.ladder`, 'a ladder with a list of steps');
    const benefits = [...c.benefits, ...(c.phases ?? []).flatMap((p) => p.benefits ?? []), ...(c.ladder?.steps ?? []).flatMap((s) => s.benefits ?? [])];
    benefits.forEach((x) => {
      if (!(isObject(x) && BENEFIT_TYPES.has(x.type)))
        fail(`${at()}.benefits`, `known benefit types (found ${JSON.stringify((x as { type?: unknown } | null)?.type)})`);
      const g = x.gate;
      if (
        g !== undefined &&
        !(isObject(g) && (g.window === undefined || isObject(g.window)) && GATE_LISTS.every((k) => g[k] === undefined || Array.isArray(g[k])))
      )
        fail(`${at()}.benefits`, 'benefit gates with a window object and lists');
    });
    if (c.zone) {
      if (!PHASES.has(c.zone.phase)) fail(`${at()}.zone.phase`, 'a known rental phase');
      for (const g of c.zone.geofences) if (!geofences.has(g)) fail(`${at()}.zone.geofences`, `geofences present in the bundle (missing "${g}")`);
    }
    if (!(!c.fee || isObject(c.surcharge))) fail(`${at()}.surcharge`, 'a surcharge on a fee campaign');
  });
}

function need(ok: boolean, path: string, what: string): void {
  if (!ok) fail(path, what);
}

function fail(path: string, what: string): never {
  throw new BundleError(
    'shape',
    `bundle is malformed: ${path || 'the top level'} must be ${what}`,
    'Rebuild it with `promoc bundle`; bundles are not edited by hand.',
  );
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
