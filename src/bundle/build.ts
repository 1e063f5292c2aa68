// buildBundle: the pure core of `promoc bundle`. Model in, canonical bytes out; the same model and
// provenance give the same bytes on any machine. Provenance (revision, creation time) is passed in
// by the CLI edge, never read from the clock or the environment here.
import { createHash } from 'node:crypto';
import type { Bundle, BundleCampaign, BundleContent, BundleGeofence, BundleManifest } from '../generated/bundle.js';
import { canonicalJson } from '../engine/canonical.js';
import { FORMAT_VERSION } from '../engine/load.js';
import { bboxOf } from '../geo/index.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { isCampaign, type CampaignKind, type Located, type Model, type ResourceOf, resourceKey } from '../model/resource.js';
import { normalizeCampaign } from './normalize-campaign.js';
import type { Path, Report } from './normalize-benefit.js';
import { compareCampaigns, compareStrings } from './order.js';

export interface BuildOptions {
  /** Git commit of the campaigns (suffix -dirty for uncommitted changes), or null. */
  readonly revision: string | null;
  /** RFC 3339 creation time from the commit or SOURCE_DATE_EPOCH, or null. */
  readonly createdAt: string | null;
}

export type BuildResult =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly bundle: Bundle; readonly manifest: BundleManifest; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export function buildBundle(model: Model, options: BuildOptions): BuildResult {
  const diagnostics: Diagnostic[] = [];
  const currencies = new Map<string, number>();
  const campaigns: BundleCampaign[] = [];
  const codes = new Map<string, Located>();
  for (const located of model.resources) {
    if (!isCampaign(located.resource)) continue;
    const report = reporter(located, diagnostics, currencies);
    const c = normalizeCampaign(located as Located<ResourceOf<CampaignKind>>, report);
    if (!c) continue;
    const clash = c.code === undefined ? undefined : codes.get(c.code);
    if (clash)
      report.error(
        ['spec', 'code'],
        'bundle/duplicate-code',
        `code ${c.code} is also used by ${resourceKey(clash.resource)}`,
        'Codes are unique across the repository, case-insensitively; rename one.',
      );
    else if (c.code !== undefined) codes.set(c.code, located);
    for (const g of c.zone?.geofences ?? []) {
      if (!model.geometries.has(g))
        report.error(
          ['spec', 'zone', 'geofences'],
          'bundle/unknown-geofence',
          `geofence "${g}" is not defined`,
          'Add a Geofence with this metadata.name, or fix the reference.',
        );
    }
    campaigns.push(c);
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };

  campaigns.sort(compareCampaigns);
  const content: BundleContent = {
    currencies: Object.fromEntries([...currencies].sort((a, b) => compareStrings(a[0], b[0]))),
    campaigns,
    geofences: geofencesFor(campaigns, model),
  };
  const manifest: BundleManifest = {
    formatVersion: FORMAT_VERSION,
    revision: options.revision,
    createdAt: options.createdAt,
    digest: contentDigest(content),
    counts: {
      campaigns: campaigns.length,
      geofences: content.geofences.length,
      codes: campaigns.filter((c) => c.code !== undefined).length,
      surcharges: campaigns.filter((c) => c.fee === true).length,
      byKind: countByKind(campaigns),
    },
  };
  const bundle: Bundle = { manifest, content };
  return { ok: true, bytes: new TextEncoder().encode(canonicalJson(bundle)), bundle, manifest, diagnostics };
}

/** sha256 of the canonical JSON of the content: independent of key order by construction. */
export function contentDigest(content: BundleContent): string {
  return `sha256:${createHash('sha256').update(canonicalJson(content)).digest('hex')}`;
}

/** The geofences zones refer to, with bounding boxes, sorted by name. */
function geofencesFor(campaigns: readonly BundleCampaign[], model: Model): BundleGeofence[] {
  const names = [...new Set(campaigns.flatMap((c) => c.zone?.geofences ?? []))].sort(compareStrings);
  return names.map((name) => {
    const coordinates = model.geometries.get(name)!;
    const bbox = bboxOf(coordinates);
    return { name, bbox: [...bbox], coordinates: coordinates.map((poly) => poly.map((ring) => ring.map(([x, y]) => [x, y]))) } as BundleGeofence;
  });
}

function countByKind(campaigns: readonly BundleCampaign[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const c of campaigns) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
  return Object.fromEntries([...counts].sort((a, b) => compareStrings(a[0], b[0])));
}

function reporter(located: Located, into: Diagnostic[], currencies: Map<string, number>): Report {
  return {
    error: (path: Path, ruleId: string, message: string, hint: string) => {
      into.push({ ruleId, severity: 'error', message, hint, file: located.source.file, docIndex: located.source.docIndex, path });
    },
    currency: (code, exponent) => {
      currencies.set(code, exponent);
    },
  };
}
