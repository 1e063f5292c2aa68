// Checks across documents: unique names per kind, unique codes (case-insensitively), and every
// reference resolving to a resource of the right kind. Pure; reports paths.
import { closest, distance } from 'fastest-levenshtein';
import type { Diagnostic, DocPath } from '../model/diagnostic.js';
import { resourceKey, type AnyResource, type Kind, type Located } from '../model/resource.js';

export interface Ref {
  readonly path: DocPath;
  readonly kind: Kind;
  readonly name: string;
}

/** What duplicate checks need of any document, valid or not. */
export interface Identified {
  readonly kind: string;
  readonly name?: string;
  readonly code?: string;
  readonly source: { readonly file: string; readonly docIndex: number };
}

/** What the checks read of a valid resource: its identity and the references it makes. */
export interface Referring extends Identified {
  readonly name: string;
  readonly refs: readonly Ref[];
}

/** `others`: identities of documents that failed validation, so a duplicate is still reported. */
export function crossChecks(resources: readonly Located[], others: readonly Identified[] = []): Diagnostic[] {
  return crossCheckSummaries(resources.map(referring), others);
}

/**
 * The same checks over what they read of each resource (a cached load keeps only that), in the resources'
 * order: the nearest-name suggestion takes the first of equally near names.
 */
export function crossCheckSummaries(resources: readonly Referring[], others: readonly Identified[] = []): Diagnostic[] {
  const all = [...resources, ...others].sort((a, b) => cmpSource(a.source, b.source));
  return [...duplicateNames(all), ...duplicateCodes(all), ...unresolvedRefs(resources)];
}

function referring(l: Located): Referring {
  const code = codeOf(l.resource);
  return { kind: l.resource.kind, name: l.resource.metadata.name, ...(code !== undefined ? { code } : {}), source: l.source, refs: refsOf(l.resource) };
}

function duplicateNames(all: readonly Identified[]): Diagnostic[] {
  const seen = new Map<string, Identified>();
  const out: Diagnostic[] = [];
  for (const l of all) {
    if (l.name === undefined) continue;
    const key = resourceKey({ kind: l.kind, name: l.name });
    const first = seen.get(key);
    if (!first) {
      seen.set(key, l);
      continue;
    }
    out.push({
      ruleId: 'model/duplicate-name',
      severity: 'error',
      ...at(l, ['metadata', 'name']),
      message: `${l.kind} "${l.name}" is defined twice`,
      hint: 'metadata.name identifies a resource within its kind; rename one of them.',
      related: [{ ...at(first, ['metadata', 'name']), message: 'first defined here' }],
    });
  }
  return out;
}

function duplicateCodes(all: readonly Identified[]): Diagnostic[] {
  const seen = new Map<string, Identified>();
  const out: Diagnostic[] = [];
  for (const l of all) {
    if (l.code === undefined) continue;
    const key = l.code.toUpperCase();
    const first = seen.get(key);
    if (!first) {
      seen.set(key, l);
      continue;
    }
    const other = first.code!;
    out.push({
      ruleId: 'model/duplicate-code',
      severity: 'error',
      ...at(l, ['spec', 'code']),
      message:
        `code ${l.code} is already used by ${first.kind} "${first.name ?? '?'}"` +
        `${other !== l.code ? ` (as ${other}; codes are compared case-insensitively)` : ''}`,
      hint: 'Customers type codes without regard to case; give each campaign its own code.',
      related: [{ ...at(first, ['spec', 'code']), message: `${other} defined here` }],
    });
  }
  return out;
}

function cmpSource(a: Identified['source'], b: Identified['source']): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.docIndex - b.docIndex;
}

function unresolvedRefs(resources: readonly Referring[]): Diagnostic[] {
  const names = new Map<string, string[]>();
  for (const l of resources) {
    const list = names.get(l.kind) ?? [];
    list.push(l.name);
    names.set(l.kind, list);
  }
  const out: Diagnostic[] = [];
  for (const l of resources) {
    for (const ref of l.refs) {
      const candidates = names.get(ref.kind) ?? [];
      if (candidates.includes(ref.name)) continue;
      const guess = candidates.length > 0 ? closest(ref.name, candidates) : undefined;
      const near = guess !== undefined && distance(ref.name, guess) <= Math.max(2, Math.floor(ref.name.length / 3));
      out.push({
        ruleId: 'model/unresolved-ref',
        severity: 'error',
        ...at(l, ref.path),
        message: `${ref.kind} "${ref.name}" does not exist${near ? `; did you mean "${guess}"?` : ''}`,
        hint:
          candidates.length > 0
            ? `Known ${ref.kind} names: ${[...candidates].sort().slice(0, 12).join(', ')}${candidates.length > 12 ? ', …' : ''}.`
            : `Define a ${ref.kind} named "${ref.name}" (kind: ${ref.kind}) or remove the reference.`,
      });
    }
  }
  return out;
}

export function codeOf(r: AnyResource): string | undefined {
  const spec = r.spec as { code?: unknown };
  return typeof spec.code === 'string' ? spec.code : undefined;
}

/** Every reference a resource makes, with its path. Kept next to the schema's ref fields. */
export function refsOf(r: AnyResource): Ref[] {
  const spec = r.spec as Record<string, unknown>;
  const out: Ref[] = [];
  const list = (path: DocPath, kind: Kind, v: unknown): void => {
    if (Array.isArray(v))
      v.forEach((name, i) => {
        if (typeof name === 'string') out.push({ path: [...path, i], kind, name });
      });
  };
  const audience = spec.audience as Record<string, unknown> | undefined;
  if (audience) {
    list(['spec', 'audience', 'userTypes'], 'UserType', audience.userTypes);
    list(['spec', 'audience', 'requireTags'], 'Tag', audience.requireTags);
    list(['spec', 'audience', 'excludeTags'], 'Tag', audience.excludeTags);
  }
  const targeting = spec.targeting as Record<string, unknown> | undefined;
  if (targeting) list(['spec', 'targeting', 'vehicleTags'], 'Tag', targeting.vehicleTags);
  const zone = spec.zone as Record<string, unknown> | undefined;
  if (zone) list(['spec', 'zone', 'geofences'], 'Geofence', zone.geofences);
  // An addition entitlement's annotation gates name customer tags too.
  const benefitLists: [DocPath, unknown][] = [
    [['spec', 'benefits'], spec.benefits],
    [['spec', 'referrer', 'benefits'], (spec.referrer as { benefits?: unknown } | undefined)?.benefits],
    [['spec', 'referee', 'benefits'], (spec.referee as { benefits?: unknown } | undefined)?.benefits],
  ];
  (Array.isArray(spec.phases) ? (spec.phases as { benefits?: unknown }[]) : []).forEach((p, i) =>
    benefitLists.push([['spec', 'phases', i, 'benefits'], p.benefits]),
  );
  for (const [path, benefits] of benefitLists) {
    if (!Array.isArray(benefits)) continue;
    benefits.forEach((b: { entitlement?: { requireTags?: unknown; excludeTags?: unknown } }, i) => {
      if (!b?.entitlement) return;
      list([...path, i, 'entitlement', 'requireTags'], 'Tag', b.entitlement.requireTags);
      list([...path, i, 'entitlement', 'excludeTags'], 'Tag', b.entitlement.excludeTags);
    });
  }
  if (r.kind === 'CodeBatch') out.push({ path: ['spec', 'campaign'], kind: 'Promotion', name: r.spec.campaign });
  return out;
}

function at(l: { source: Identified['source'] }, path: DocPath): { file: string; docIndex: number; path: DocPath } {
  return { file: l.source.file, docIndex: l.source.docIndex, path };
}
