// Live objects → source resources (adoption of an existing account). Pure. The providers' read already
// raised every object into promoc's vocabulary (the same normalized fields the planner diffs), so a resource
// is that document with apiVersion, kind, name and the binding's labels around it. Where the live shape is
// not how authors write it, it is rewritten: a mobility zone's embedded geometry becomes a Geofence the
// campaign names. What no source field can hold is not imported, with the reason.
import type { Kind } from '../generated/index.js';
import type { Json } from '../model/canonical.js';
import { providerFor } from '../providers/index.js';
import type { LiveObject, ProviderId } from '../providers/provider.js';
import { append } from '../model/append.js';
import { resourceKey } from '../model/resource.js';

export interface ImportedResource {
  readonly provider: ProviderId;
  readonly kind: Kind;
  readonly name: string;
  readonly document: { readonly [k: string]: Json };
  /** Whether promoc already manages the live object (else applying will adopt it: an update that writes the marker). */
  readonly managed: boolean;
}

export interface Skipped {
  readonly provider: ProviderId;
  readonly id: string;
  readonly reason: string;
}

export interface ImportInput {
  readonly provider: ProviderId;
  readonly objects: readonly LiveObject[];
  /** Kinds the binding plans (others are out of scope). */
  readonly kinds: ReadonlySet<string>;
  /** The binding's selector: imported resources carry these labels, so the target plans them. */
  readonly labels: Readonly<Record<string, string>>;
  /** The spec fields a kind's schema declares (the planner's vocabulary is a superset for some kinds). */
  readonly specFields: (kind: Kind) => ReadonlySet<string>;
}

export interface ImportResult {
  readonly resources: readonly ImportedResource[];
  readonly skipped: readonly Skipped[];
}

export function importLive(input: ImportInput): ImportResult {
  const resources: ImportedResource[] = [];
  const skipped: Skipped[] = [];
  const current = currentObjects(input.objects.filter((o) => input.kinds.has(o.normalized.kind)));
  for (const o of input.objects) {
    if (!input.kinds.has(o.normalized.kind)) continue;
    if (!current.has(o)) {
      skipped.push({ provider: input.provider, id: o.id, reason: `${o.normalized.kind} ${o.normalized.key} is archived and another object holds its key` });
      continue;
    }
    const unsupported = findUnsupported(o.normalized.fields);
    if (unsupported) {
      skipped.push({ provider: input.provider, id: o.id, reason: `${o.normalized.kind} ${o.normalized.key} uses ${unsupported}, which no promoc field holds` });
      continue;
    }
    append(resources, toResources(input.provider, o, input.labels, input.specFields(o.normalized.kind)));
  }
  return { resources: resources.sort((a, b) => resourceKey(a).localeCompare(resourceKey(b))), skipped };
}

/** Per kind and key, the object the planner would match: not archived, and managed before unmanaged. */
function currentObjects(objects: readonly LiveObject[]): Set<LiveObject> {
  const best = new Map<string, LiveObject>();
  const rank = (o: LiveObject): number => (o.facts.retired === true ? 0 : 2) + (o.owner ? 1 : 0);
  for (const o of objects) {
    const k = `${o.normalized.kind}/${o.normalized.key.toLowerCase()}`;
    const seen = best.get(k);
    if (!seen || rank(o) > rank(seen)) best.set(k, o);
  }
  return new Set(best.values());
}

function findUnsupported(value: Json, path = ''): string | undefined {
  if (Array.isArray(value)) {
    for (const [i, v] of (value as readonly Json[]).entries()) {
      const f = findUnsupported(v, `${path}[${i}]`);
      if (f) return f;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.startsWith('unsupported:')) return `${path ? `${path}.` : ''}${k.slice('unsupported:'.length)}`;
      const f = findUnsupported(v, path ? `${path}.${k}` : k);
      if (f) return f;
    }
  }
  return undefined;
}

type Obj = { readonly [k: string]: Json };

/** Every subject a tag can be assigned to: the API keeps no subjects, so an imported tag allows them all. */
const ALL_SUBJECTS: readonly Json[] = ['user', 'vehicle', 'group', 'booking'];

function toResources(provider: ProviderId, o: LiveObject, labels: Readonly<Record<string, string>>, specFields: ReadonlySet<string>): ImportedResource[] {
  const { kind, name } = o.normalized;
  const fields = o.normalized.fields as Obj;
  const metadata: { [k: string]: Json } = {
    name,
    ...(typeof (fields.metadata as Obj | undefined)?.description === 'string' ? { description: (fields.metadata as Obj).description! } : {}),
    labels: { ...labels },
  };
  let spec = sourceSpec(provider, (fields.spec ?? {}) as Obj, specFields);
  if (kind === 'Tag' && spec.subjects === undefined) spec = { ...spec, subjects: ALL_SUBJECTS };
  const extra: ImportedResource[] = [];
  const zone = spec.zone as Obj | undefined;
  if (zone && zone.area !== undefined) {
    const fence = geofenceName(name);
    extra.push({
      provider,
      kind: 'Geofence',
      name: fence,
      managed: o.owner !== undefined,
      document: {
        apiVersion: 'promoc/v1',
        kind: 'Geofence',
        metadata: { name: fence, description: `The zone of ${kind} ${name}, as imported from ${provider}.`, labels: { ...labels } },
        spec: { geometry: zone.area },
      },
    });
    const { area: _area, ...rest } = zone;
    spec = { ...spec, zone: { ...rest, geofences: [fence] } };
  }
  return [{ provider, kind, name, managed: o.owner !== undefined, document: { apiVersion: 'promoc/v1', kind, metadata, spec } }, ...extra];
}

/** The provider's own rewriting first; then a `visibility` the kind's schema has no field for is dropped. */
function sourceSpec(provider: ProviderId, spec: Obj, specFields: ReadonlySet<string>): Obj {
  const own = providerFor(provider).sourceSpec?.(spec, specFields) ?? spec;
  if (own.visibility === undefined || specFields.has('visibility')) return own;
  const { visibility: _dropped, ...rest } = own;
  return rest;
}

function geofenceName(name: string): string {
  return `${name.slice(0, 58).replace(/-+$/, '')}-zone`;
}
