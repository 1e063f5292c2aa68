// The desired state a plan was computed from, as digests: one per lowered resource and one over all of them.
// A saved plan carries it, so apply can tell whether the working tree still says what was reviewed and name
// every resource that differs. Pure.
import type { DesiredState } from '../generated/plan.js';
import type { DesiredEntry } from './plan-types.js';
import { resourceKey } from '../model/resource.js';
import { sha256Text } from '../model/canonical.js';

export type { DesiredState };

export const desiredKey = (d: Pick<DesiredEntry, 'provider' | 'located'>): string => `${d.provider} ${resourceKey(d.located.resource)}`;

export function desiredState(desired: readonly DesiredEntry[]): DesiredState {
  const resources: Record<string, string> = {};
  const keyed = desired.map((d) => [desiredKey(d), d.digest] as const).sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [key, digest] of keyed) resources[key] = digest;
  return { digest: digestOf(resources), resources };
}

/** sha256 over one line per resource; the lines are joined and hashed once (10,000 updates cost more). */
function digestOf(resources: Readonly<Record<string, string | undefined>>): string {
  let text = '';
  for (const k of Object.keys(resources).sort()) text += `${k}\0${resources[k] ?? ''}\n`;
  return sha256Text(text);
}

/** One line per resource added, removed or changed between the plan's desired state and the working tree's. */
export function desiredStateChanges(planned: DesiredState, current: DesiredState): string[] {
  if (planned.digest === current.digest && digestOf(planned.resources) === planned.digest) return [];
  const before = planned.resources;
  const after = current.resources;
  const lines: string[] = [];
  for (const k of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    if (!(k in before)) lines.push(`${k} is in the working tree but not in the plan`);
    else if (!(k in after)) lines.push(`${k} is in the plan but no longer in the working tree`);
    else if (before[k] !== after[k]) lines.push(`${k} changed since the plan`);
  }
  return lines.length > 0 ? lines : ["the plan's desired-state digest does not match its resources (the file was edited)"];
}
