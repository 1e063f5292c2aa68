// What the plan works out while the pages are still in flight. After the last page only the build is left,
// and with no network to hide it, indexing 10,000 live objects, grouping their claims and deciding each pair
// there was most of the plan's tail. Each live object is taken as its page is raised (or, for pages read
// before the desired side was compiled, as soon as it is): its match key indexed, its owner key checked, and
// the pair it makes with its desired counterpart compared. The build uses the result only when it is exactly
// what it would work out itself: every object it is given was taken here, no two of them share a match key or
// claim one resource (then each key has one object and nothing is blocked), and the desired side and options
// are the ones compared against. Anything else is built from the objects as before.
import { resourceKey } from '../model/resource.js';
import type { LiveObject, Provider, ProviderId } from '../providers/provider.js';
import { compareAction } from './actions.js';
import type { Action, DesiredEntry, LiveSet, PlanOptions } from './plan-types.js';

/** A live object by its match key, with the compare action of its desired counterpart when there is one. */
export interface Matched {
  readonly live: LiveObject;
  readonly desired?: DesiredEntry;
  readonly compared?: Action;
}

/** What the build needs of one provider's live objects when none of them claims what another does. */
export interface AheadView {
  readonly matched: ReadonlyMap<string, Matched>;
  /** In scope, promoc's, not retired, and no desired resource has their key: in read order. */
  readonly orphans: readonly LiveObject[];
  /** Not promoc's and matched by no desired resource. */
  readonly unmanaged: number;
  /** Carrying promoc's marker. */
  readonly managed: number;
}

export interface Scope {
  readonly provider: Provider;
  /** Kinds the binding plans (LiveSet.kinds). */
  readonly kinds: ReadonlySet<string>;
}

export const matchKey = (kind: string, key: string): string => `${kind}/${key.toLowerCase()}`;

class Taken {
  readonly matched = new Map<string, Matched>();
  readonly owners = new Set<string>();
  readonly seen = new Set<LiveObject>();
  readonly orphans = new Set<LiveObject>();
  /** Two objects share a match key, or two not retired claim one resource by promoc's marker. */
  claimedTwice = false;
  unmanaged = 0;
  managed = 0;
}

export class ReadAhead {
  private readonly taken = new Map<ProviderId, Taken>();
  private readonly waiting: [ProviderId, LiveObject][] = [];
  private desired: readonly DesiredEntry[] | undefined;
  private readonly desiredByKey = new Map<ProviderId, Map<string, DesiredEntry>>();

  constructor(
    private readonly scopes: ReadonlyMap<ProviderId, Scope>,
    private readonly options: PlanOptions,
  ) {}

  /** A live object, raised from its page. */
  raised(provider: ProviderId, live: LiveObject): void {
    if (this.desired) this.take(provider, live);
    else this.waiting.push([provider, live]);
  }

  /** The compiled desired side: objects raised before it are taken now. */
  compiled(desired: readonly DesiredEntry[]): void {
    this.desired = desired;
    for (const d of desired) {
      let byKey = this.desiredByKey.get(d.provider);
      if (!byKey) this.desiredByKey.set(d.provider, (byKey = new Map()));
      byKey.set(matchKey(d.located.resource.kind, d.lowered.normalized.key), d);
    }
    for (const [provider, live] of this.waiting.splice(0)) this.take(provider, live);
  }

  /** The view of `set`, or undefined when the build must work it out from the objects (see the top). */
  view(set: LiveSet, desired: readonly DesiredEntry[], options: PlanOptions): AheadView | undefined {
    const scope = this.scopes.get(set.provider);
    if (desired !== this.desired || options !== this.options || !scope || !sameMembers(scope.kinds, set.kinds)) return undefined;
    const t = this.taken.get(set.provider) ?? new Taken();
    if (t.claimedTwice || t.seen.size !== set.objects.length) return undefined;
    for (const o of set.objects) if (!t.seen.has(o)) return undefined;
    return {
      matched: t.matched,
      orphans: t.orphans.size === 0 ? [] : set.objects.filter((o) => t.orphans.has(o)),
      unmanaged: t.unmanaged,
      managed: t.managed,
    };
  }

  private take(provider: ProviderId, live: LiveObject): void {
    let t = this.taken.get(provider);
    if (!t) this.taken.set(provider, (t = new Taken()));
    t.seen.add(live);
    if (live.owner !== undefined) t.managed += 1;
    const scope = this.scopes.get(provider);
    let used = false;
    if (scope?.kinds.has(live.normalized.kind)) {
      const key = matchKey(live.normalized.kind, live.normalized.key);
      if (t.matched.has(key)) t.claimedTwice = true;
      else {
        const d = this.desiredByKey.get(provider)?.get(key);
        used = d !== undefined;
        t.matched.set(key, d ? { live, desired: d, compared: compareAction(d, live, scope.provider, this.options) } : { live });
      }
      if (live.owner !== undefined && !live.facts.retired) {
        const owner = resourceKey(live.owner);
        if (t.owners.has(owner)) t.claimedTwice = true;
        else t.owners.add(owner);
        if (!used) t.orphans.add(live);
      }
    }
    if (live.owner === undefined && !used) t.unmanaged += 1;
  }
}

function sameMembers(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
