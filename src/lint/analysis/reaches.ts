// Which configured target plans a resource: its `kinds` and its label `selector`. Pure.
import type { AnyResource } from '../../generated/index.js';
import type { TargetRef } from '../settings.js';

export function reaches(t: TargetRef, r: AnyResource): boolean {
  if (t.kinds && !t.kinds.includes(r.kind)) return false;
  const labels = r.metadata.labels ?? {};
  return Object.entries(t.selector ?? {}).every(([k, v]) => labels[k] === v);
}
