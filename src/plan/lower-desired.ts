// The desired side: lower every selected resource for its provider. What a target cannot express becomes a
// located error diagnostic naming the target, the field and what the target offers instead. Pure.
import type { Diagnostic } from '../model/diagnostic.js';
import { type Located, type Model, resourceKey } from '../model/resource.js';
import type { LowerResult, Provider } from '../providers/provider.js';
import { ownerDigest } from './actions.js';
import type { DesiredEntry } from './plan-types.js';

export interface Compiled {
  readonly entries: readonly DesiredEntry[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * `lowered` holds results the caller already has (the plan's shell lowers in slices between reads, so the
 * reads' responses are handled while it works); anything missing is lowered here.
 */
export function compileDesired(
  provider: Provider,
  resources: readonly Located[],
  ctx: { readonly model: Model; readonly currency: string; readonly target: string },
  lowered?: ReadonlyMap<Located, LowerResult>,
): Compiled {
  const entries: DesiredEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  const byKey = new Map<string, Located>();
  for (const located of resources) {
    const { resource, source } = located;
    const capability = provider.capabilities.kinds[resource.kind];
    const where = { file: source.file, docIndex: source.docIndex };
    if (!capability) {
      diagnostics.push({
        ruleId: 'plan/unsupported-kind',
        severity: 'error',
        ...where,
        path: ['kind'],
        message: `target ${ctx.target} (${provider.id}) cannot express kind ${resource.kind}`,
        hint: `${provider.capabilities.title} offers ${Object.keys(provider.capabilities.kinds).join(', ')}.`,
        data: { target: ctx.target, provider: provider.id, field: 'kind' },
      });
      continue;
    }
    const result = lowered?.get(located) ?? provider.lower(resource, { model: ctx.model, currency: ctx.currency });
    if (!result.ok) {
      for (const issue of result.issues) {
        diagnostics.push({
          ruleId: 'plan/unsupported-field',
          severity: 'error',
          ...where,
          path: issue.path,
          message: `target ${ctx.target} (${provider.id}) cannot express ${issue.field}: ${issue.message}`,
          hint: issue.hint,
          data: { target: ctx.target, provider: provider.id, field: issue.field },
        });
      }
      continue;
    }
    const key = `${resource.kind}/${result.value.normalized.key.toLowerCase()}`;
    const clash = byKey.get(key);
    if (clash) {
      diagnostics.push({
        ruleId: 'plan/duplicate-key',
        severity: 'error',
        ...where,
        path: ['metadata', 'name'],
        message:
          `${resourceKey(resource)} and ${resourceKey(clash.resource)} ` +
          `both map to "${result.value.normalized.key}" on target ${ctx.target} (${provider.id})`,
        hint: 'Natural keys (codes, names) must be unique per target; rename one of them.',
        related: [{ file: clash.source.file, docIndex: clash.source.docIndex, path: ['metadata', 'name'], message: 'the other resource' }],
      });
      continue;
    }
    byKey.set(key, located);
    entries.push({ provider: provider.id, located, lowered: result.value, capability, digest: ownerDigest(result.value.normalized.fields) });
  }
  const bound = sameBinding(provider, resources, entries, ctx);
  return { entries: entries.filter((e) => !bound.refused.has(e)), diagnostics: [...diagnostics, ...bound.diagnostics] };
}

/** Entries naming a resource this binding does not write (a code batch whose campaign is planned elsewhere) are errors. */
function sameBinding(
  provider: Provider,
  selected: readonly Located[],
  entries: readonly DesiredEntry[],
  ctx: { readonly model: Model; readonly target: string },
): { refused: Set<DesiredEntry>; diagnostics: Diagnostic[] } {
  const refused = new Set<DesiredEntry>();
  const diagnostics: Diagnostic[] = [];
  const id = (l: Located): string => resourceKey(l.resource);
  // Made at the first reference: most kinds name none, and keying 10,000 entries twice for nothing was a cost.
  let lowered: Set<string> | undefined;
  let chosen: Set<string> | undefined;
  for (const entry of entries) {
    for (const { path, ref } of entry.capability.sameBinding?.(entry.located.resource) ?? []) {
      lowered ??= new Set(entries.map((e) => id(e.located)));
      chosen ??= new Set(selected.map(id));
      if (lowered.has(ref)) continue;
      const { resource, source } = entry.located;
      const other = ctx.model.resources.find((l) => id(l) === ref);
      const where = chosen.has(ref)
        ? `cannot be planned on target ${ctx.target} (${provider.id}): see its error`
        : other === undefined
          ? 'is not declared'
          : `is not planned on target ${ctx.target} (${provider.id}) (` +
            `${other.resource.metadata.labels?.target !== undefined ? `labels.target: ${other.resource.metadata.labels.target}` : 'its labels do not match'})`;
      diagnostics.push({
        ruleId: 'plan/reference-elsewhere',
        severity: 'error',
        file: source.file,
        docIndex: source.docIndex,
        path,
        message: `${resourceKey(resource)} needs ${ref} written by the same API, and ${ref} ${where}; apply could not issue it`,
        hint:
          `Plan ${ref} on this target too (labels.target: ${entry.located.resource.metadata.labels?.target ?? provider.id}), ` +
          `or move ${resourceKey(resource)} where ${ref} is planned.`,
        data: { target: ctx.target, provider: provider.id, field: path.join('.') },
        ...(other !== undefined
          ? { related: [{ file: other.source.file, docIndex: other.source.docIndex, path: ['metadata', 'labels'], message: `${ref} is declared here` }] }
          : {}),
      });
      refused.add(entry);
    }
  }
  return { refused, diagnostics };
}
