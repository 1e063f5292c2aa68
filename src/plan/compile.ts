// The desired side: lower every selected resource for its provider. What a target cannot express becomes a
// located error diagnostic naming the target, the field and what the target offers instead. Pure.
import type { Diagnostic } from '../model/diagnostic.js';
import type { Located, Model } from '../model/resource.js';
import type { Provider } from '../providers/provider.js';
import { ownerDigest } from './actions.js';
import type { DesiredEntry } from './model.js';

export interface Compiled {
  readonly entries: readonly DesiredEntry[];
  readonly diagnostics: readonly Diagnostic[];
}

export function compileDesired(provider: Provider, resources: readonly Located[], ctx: { readonly model: Model; readonly currency: string; readonly target: string }): Compiled {
  const entries: DesiredEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  const byKey = new Map<string, Located>();
  for (const located of resources) {
    const { resource, source } = located;
    const capability = provider.capabilities.kinds[resource.kind];
    const where = { file: source.file, docIndex: source.docIndex };
    if (!capability) {
      diagnostics.push({ ruleId: 'plan/unsupported-kind', severity: 'error', ...where, path: ['kind'], message: `target ${ctx.target} (${provider.id}) cannot express kind ${resource.kind}`, hint: `${provider.capabilities.title} offers ${Object.keys(provider.capabilities.kinds).join(', ')}.`, data: { target: ctx.target, provider: provider.id, field: 'kind' } });
      continue;
    }
    const lowered = provider.lower(resource, { model: ctx.model, currency: ctx.currency });
    if (!lowered.ok) {
      for (const issue of lowered.issues) {
        diagnostics.push({ ruleId: 'plan/unsupported-field', severity: 'error', ...where, path: issue.path, message: `target ${ctx.target} (${provider.id}) cannot express ${issue.field}: ${issue.message}`, hint: issue.hint, data: { target: ctx.target, provider: provider.id, field: issue.field } });
      }
      continue;
    }
    const key = `${resource.kind}/${lowered.value.normalized.key.toLowerCase()}`;
    const clash = byKey.get(key);
    if (clash) {
      diagnostics.push({ ruleId: 'plan/duplicate-key', severity: 'error', ...where, path: ['metadata', 'name'], message: `${resource.kind}/${resource.metadata.name} and ${resource.kind}/${clash.resource.metadata.name} both map to "${lowered.value.normalized.key}" on target ${ctx.target} (${provider.id})`, hint: 'Natural keys (codes, names) must be unique per target; rename one of them.', related: [{ file: clash.source.file, docIndex: clash.source.docIndex, path: ['metadata', 'name'], message: 'the other resource' }] });
      continue;
    }
    byKey.set(key, located);
    entries.push({ provider: provider.id, located, lowered: lowered.value, capability, digest: ownerDigest(lowered.value.normalized.fields) });
  }
  return { entries, diagnostics };
}
