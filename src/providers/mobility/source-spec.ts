// How a mobility template's normalized fields are written in a source document where the planner's vocabulary
// and a kind's schema differ: `visibility` is how every template reads `showInUserApp`, and kinds without it
// say the same with `providers.mobility.showInUserApp`; templates always stack (the pricing engine combines
// benefits), which the planner does not compare but the source must state.
import type { Json } from '../../model/canonical.js';

type Obj = { readonly [k: string]: Json };

export function mobilitySourceSpec(spec: Obj, specFields: ReadonlySet<string>): Obj {
  const stacked: Obj = specFields.has('stacking') && spec.stacking === undefined ? { ...spec, stacking: { stackable: true } } : spec;
  if (stacked.visibility === undefined || stacked.visibility === 'public' || specFields.has('visibility')) return stacked;
  const { visibility: _hidden, ...rest } = stacked;
  const providers = (rest.providers ?? {}) as Obj;
  return { ...rest, providers: { ...providers, mobility: { ...((providers.mobility ?? {}) as Obj), showInUserApp: false } } };
}
