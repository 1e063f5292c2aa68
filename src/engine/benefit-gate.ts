// A benefit's own conditions on top of its campaign's (mobility benefits carry their own dated validity,
// branches and vehicle categories; an addition entitlement its customer-tag gates). A closed gate means
// that benefit grants nothing; the campaign's other benefits still apply.
import type { BundleBenefitGate } from '../generated/bundle.js';
import type { Prepared } from './context.js';
import { formatInstant } from './instant.js';

/** Why the gate is closed for this context, or undefined when the benefit applies. */
export function gateReason(g: BundleBenefitGate, p: Prepared): string | undefined {
  const w = g.window;
  if (w?.from !== undefined && p.at < w.from) return `its window starts ${formatInstant(w.from)}`;
  if (w?.until !== undefined && p.at >= w.until) return `its window ended ${formatInstant(w.until)}`;
  if (g.branches && (p.branch === undefined || !g.branches.includes(p.branch)))
    return `only in branch ${g.branches.join(' or ')}${p.branch === undefined ? '' : ` (rental is in ${p.branch})`}`;
  if (g.vehicleCategories && (p.category === undefined || !g.vehicleCategories.includes(p.category)))
    return `only for vehicle category ${g.vehicleCategories.join(' or ')}${p.category === undefined ? '' : ` (vehicle is ${p.category})`}`;
  for (const t of g.requireTags ?? []) if (!p.customerTags.includes(t)) return `requires tag ${t}`;
  for (const t of g.excludeTags ?? []) if (p.customerTags.includes(t)) return `excluded by tag ${t}`;
  return undefined;
}
