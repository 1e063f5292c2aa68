// Which resources each provider of a target plans: labels must match the binding's selector, and the kind
// must be one the provider expresses (or one the binding lists). Pure.
import { type Located, type Model, resourceKey } from '../model/resource.js';
import type { Capabilities } from '../providers/provider.js';
import type { Note } from './plan-types.js';
import type { Binding } from './targets.js';

export interface Selection {
  /** Same order as the bindings. */
  readonly perBinding: readonly Located[][];
  readonly notes: readonly Note[];
}

export function selectResources(model: Model, bindings: readonly Binding[], capabilitiesOf: (b: Binding) => Capabilities, targetName: string): Selection {
  const perBinding: Located[][] = bindings.map(() => []);
  const unplanned = new Map<string, string[]>();
  const unsupported: Note[] = [];
  for (const located of model.resources) {
    const labels = located.resource.metadata.labels ?? {};
    let planned = false;
    bindings.forEach((b, i) => {
      if (!Object.entries(b.selector).every(([k, v]) => labels[k] === v)) return;
      const caps = capabilitiesOf(b);
      const kind = located.resource.kind;
      if (b.kinds ? b.kinds.includes(kind) : caps.kinds[kind] !== undefined) {
        perBinding[i]!.push(located);
        planned = true;
        return;
      }
      if (caps.embedded.includes(kind)) {
        planned = true;
        return;
      }
      if (!b.kinds && Object.keys(b.selector).length > 0) {
        unsupported.push({
          level: 'warn',
          provider: b.provider,
          message: `${kind}/${located.resource.metadata.name} matches the selector of ${b.provider} but ${caps.title} has no ${kind}; it is not planned`,
          resources: [`${kind}/${located.resource.metadata.name}`],
        });
        planned = true;
      }
    });
    if (!planned) {
      const why = labels.target !== undefined ? `labels.target: ${labels.target}` : 'no matching labels';
      unplanned.set(why, [...(unplanned.get(why) ?? []), resourceKey(located.resource)]);
    }
  }
  const notes: Note[] = [...unsupported];
  for (const [why, resources] of [...unplanned.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    notes.push({
      level: 'info',
      message: `${resources.length} resource${resources.length === 1 ? ' is' : 's are'} not planned on target ${targetName} (${why})`,
      resources,
    });
  }
  return { perBinding, notes };
}
