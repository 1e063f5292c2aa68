// Checks across documents: unique names per kind, unique codes (case-insensitively), and every
// reference resolving to a resource of the right kind. Pure; reports paths.
import { closest, distance } from 'fastest-levenshtein';
import type { Diagnostic, DocPath } from '../model/diagnostic.js';
import type { AnyResource, Kind, Located } from '../model/resource.js';

interface Ref { readonly path: DocPath; readonly kind: Kind; readonly name: string }

export function crossChecks(resources: readonly Located[]): Diagnostic[] {
  return [...duplicateNames(resources), ...duplicateCodes(resources), ...unresolvedRefs(resources)];
}

function duplicateNames(resources: readonly Located[]): Diagnostic[] {
  const seen = new Map<string, Located>();
  const out: Diagnostic[] = [];
  for (const l of resources) {
    const key = `${l.resource.kind}/${l.resource.metadata.name}`;
    const first = seen.get(key);
    if (!first) { seen.set(key, l); continue; }
    out.push({
      ruleId: 'model/duplicate-name', severity: 'error', ...at(l, ['metadata', 'name']),
      message: `${l.resource.kind} "${l.resource.metadata.name}" is defined twice`,
      hint: 'metadata.name identifies a resource within its kind; rename one of them.',
      related: [{ ...at(first, ['metadata', 'name']), message: 'first defined here' }],
    });
  }
  return out;
}

function duplicateCodes(resources: readonly Located[]): Diagnostic[] {
  const seen = new Map<string, Located>();
  const out: Diagnostic[] = [];
  for (const l of resources) {
    const code = codeOf(l.resource);
    if (code === undefined) continue;
    const key = code.toUpperCase();
    const first = seen.get(key);
    if (!first) { seen.set(key, l); continue; }
    const other = codeOf(first.resource)!;
    out.push({
      ruleId: 'model/duplicate-code', severity: 'error', ...at(l, ['spec', 'code']),
      message: `code ${code} is already used by ${first.resource.kind} "${first.resource.metadata.name}"${other !== code ? ` (as ${other}; codes are compared case-insensitively)` : ''}`,
      hint: 'Customers type codes without regard to case; give each campaign its own code.',
      related: [{ ...at(first, ['spec', 'code']), message: `${other} defined here` }],
    });
  }
  return out;
}

function unresolvedRefs(resources: readonly Located[]): Diagnostic[] {
  const names = new Map<Kind, string[]>();
  for (const l of resources) {
    const list = names.get(l.resource.kind) ?? [];
    list.push(l.resource.metadata.name);
    names.set(l.resource.kind, list);
  }
  const out: Diagnostic[] = [];
  for (const l of resources) {
    for (const ref of refsOf(l.resource)) {
      const candidates = names.get(ref.kind) ?? [];
      if (candidates.includes(ref.name)) continue;
      const guess = candidates.length > 0 ? closest(ref.name, candidates) : undefined;
      const near = guess !== undefined && distance(ref.name, guess) <= Math.max(2, Math.floor(ref.name.length / 3));
      out.push({
        ruleId: 'model/unresolved-ref', severity: 'error', ...at(l, ref.path),
        message: `${ref.kind} "${ref.name}" does not exist${near ? `; did you mean "${guess}"?` : ''}`,
        hint: candidates.length > 0 ? `Known ${ref.kind} names: ${[...candidates].sort().slice(0, 12).join(', ')}${candidates.length > 12 ? ', …' : ''}.` : `Define a ${ref.kind} named "${ref.name}" (kind: ${ref.kind}) or remove the reference.`,
      });
    }
  }
  return out;
}

function codeOf(r: AnyResource): string | undefined {
  const spec = r.spec as { code?: unknown };
  return typeof spec.code === 'string' ? spec.code : undefined;
}

/** Every reference a resource makes, with its path. Kept next to the schema's ref fields. */
export function refsOf(r: AnyResource): Ref[] {
  const spec = r.spec as Record<string, unknown>;
  const out: Ref[] = [];
  const list = (path: DocPath, kind: Kind, v: unknown): void => {
    if (Array.isArray(v)) v.forEach((name, i) => { if (typeof name === 'string') out.push({ path: [...path, i], kind, name }); });
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
  if (r.kind === 'CodeBatch') out.push({ path: ['spec', 'campaign'], kind: 'Promotion', name: r.spec.campaign });
  return out;
}

function at(l: Located, path: DocPath): { file: string; docIndex: number; path: DocPath } {
  return { file: l.source.file, docIndex: l.source.docIndex, path };
}
