// Live documents found equal to their desired counterparts while the reads are still in flight. Comparing
// 10,000 documents after the last page was a third of the plan's tail; pages arrive while the planner waits
// on the network, so each raised document is compared as it comes (or, for pages that came before the desired
// side was compiled, as soon as it is). The plan still compares every pair it decides on: a pair recorded
// here is known equal (the same two objects, and normalized documents are never changed), anything else is
// walked as before.
import type { Json } from '../model/canonical.js';
import type { Normalized, ProviderId } from '../providers/provider.js';
import type { DesiredEntry } from './plan-types.js';
import { sameText } from './same-text.js';

type Fields = { readonly [k: string]: Json };

export class EqualFields {
  /** Live fields → the desired fields they have the same text as. */
  private readonly equal = new Map<Fields, Fields>();
  private desired: Map<string, Fields> | undefined;
  private readonly waiting: [ProviderId, Normalized][] = [];

  /** A live document, raised from its page. */
  raised(provider: ProviderId, live: Normalized): void {
    if (this.desired) this.compare(provider, live);
    else this.waiting.push([provider, live]);
  }

  /** The compiled desired side: documents raised before it are compared now. */
  compiled(desired: readonly DesiredEntry[]): void {
    this.desired = new Map(desired.map((d) => [key(d.provider, d.located.resource.kind, d.lowered.normalized.key), d.lowered.normalized.fields]));
    for (const [provider, live] of this.waiting.splice(0)) this.compare(provider, live);
  }

  /** Whether `live` is known to have the same text as `desired`; false means not known (compare them). */
  knownEqual(live: Fields, desired: Fields): boolean {
    return this.equal.get(live) === desired;
  }

  private compare(provider: ProviderId, live: Normalized): void {
    const desired = this.desired?.get(key(provider, live.kind, live.key));
    if (desired && sameText(live.fields, desired)) this.equal.set(live.fields, desired);
  }
}

const key = (provider: string, kind: string, naturalKey: string): string => `${provider} ${kind}/${naturalKey.toLowerCase()}`;
