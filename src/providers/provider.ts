// The one interface every API family implements. The plan is computed on normalized resources, so every
// provider gets the same diff, renderers and safety rules; a provider only knows its API.
import type { Target } from '../generated/config.js';
import type { CodeFormat } from '../model/code-format.js';
import type { DocPath } from '../model/diagnostic.js';
import type { AnyResource, Kind, Model } from '../model/resource.js';
import type { Json } from '../model/canonical.js';
import type { HttpClient, HttpDeps } from './http/client.js';
import type { ApiAdapter } from './writes.js';

/** The API families, as the config schema's `targets.<name>.provider` enum names them. */
export type ProviderId = Target['provider'];

/** A document in promoc's vocabulary: `{ metadata: { description? }, spec: {...} }`, canonical values only. */
export type Fields = { readonly [k: string]: Json };

/** A resource as the target holds it (or would hold it), in promoc's vocabulary: what the diff compares. */
export interface Normalized {
  readonly kind: Kind;
  /** metadata.name: from promoc's ownership marker, else derived from the natural key. */
  readonly name: string;
  /** Natural key within the kind: the code customers type, or the name. */
  readonly key: string;
  readonly fields: Fields;
}

/** A server-owned figure shown because it explains something ("432 redemptions so far"). */
export interface Counter {
  readonly name: string;
  readonly value: number | string;
  readonly text: string;
}

/** promoc's ownership marker, found on a live object. */
export interface Ownership {
  readonly kind: Kind;
  readonly name: string;
  /** Digest of the normalized fields promoc last wrote; a live object that no longer matches it was edited out of band. */
  readonly digest?: string;
}

export interface LiveObject {
  /** The server's id (code_id, coupon code, UUID). */
  readonly id: string;
  readonly normalized: Normalized;
  /** Present when the object carries promoc's marker. */
  readonly owner?: Ownership;
  readonly counters: readonly Counter[];
  /** Redemptions / applications still live: deleting or replacing would cut them off. */
  readonly liveRedemptions: number;
  /** Facts capability rules look at (e.g. { applied: true }, { status: 'draft' }). */
  readonly facts: Readonly<Record<string, Json>>;
  /** For optimistic concurrency (promotions expected_version). */
  readonly version?: number;
  /** A version the API will publish later (promotions effective_at), when the plan asked: when, and promoc's digest in it. */
  readonly scheduled?: { readonly at: string; readonly digest?: string };
  /** A draft version prepared beside the live fields (promotions save_as_draft), when the plan asked: promoc's digest in it. */
  readonly draft?: { readonly digest?: string };
  /** Digest of the raw object as read: a saved plan is stale when any of these changed. */
  readonly fingerprint: string;
}

export interface ReadOptions {
  readonly pageSize?: number;
  readonly currency?: string;
  /**
   * Told each live object as its page is raised, before the read ends (a caller may start planning): every
   * object the read returns, once, as the same object, never changed afterwards.
   */
  readonly onRaised?: (object: LiveObject) => void;
}

export interface LiveRead {
  readonly objects: readonly LiveObject[];
  readonly pages: number;
}

export interface LowerContext {
  readonly model: Model;
  /** Default currency of the target's organisation (EV fixed discounts are "in your default currency"). */
  readonly currency: string;
}

export interface Lowered {
  /** The create/update body, without promoc's ownership marker (see `stamp`). */
  readonly payload: { readonly [k: string]: Json };
  /** What the target would hold after writing the payload. */
  readonly normalized: Normalized;
}

export interface LowerIssue {
  /** Path in the source document (['spec', 'window', 'from']). */
  readonly path: DocPath;
  /** The field as authors know it (spec.window.from). */
  readonly field: string;
  readonly message: string;
  /** What the target offers instead. */
  readonly hint: string;
}

export type LowerResult = { readonly ok: true; readonly value: Lowered } | { readonly ok: false; readonly issues: readonly LowerIssue[] };

export interface ImmutableRule {
  /** A field path prefix in Normalized.fields ('spec.benefits'). */
  readonly path: string;
  readonly reason: string;
}

export interface KindCapability {
  /** What the API calls it ("promotional code", "coupon"). */
  readonly apiObject: string;
  readonly naturalKey: 'code' | 'name';
  readonly update: boolean;
  readonly delete: boolean;
  /** Separate activate/deactivate calls exist (status is not a plain field). */
  readonly activate: boolean;
  /** The codes this API accepts for the kind, when it restricts them (lint's code/format-for-target). */
  readonly codeFormat?: CodeFormat;
  /** Fields that cannot change in place on this live object. */
  immutable(live: LiveObject): readonly ImmutableRule[];
  /** How an immutable change is carried out, or undefined when it cannot be (then the action is blocked). */
  replacement(live: LiveObject): { readonly how: string; readonly consequences: readonly string[]; readonly destructive: boolean } | undefined;
  /**
   * Create-only objects that grow by issuing more (mobility code batches): given a live object whose fields
   * differ only where they may (not immutable), the body of an additional create and why, or the reason the
   * change is blocked. Undefined when it has nothing to say (the usual update/blocked rules apply).
   */
  additional?(live: LiveObject, desired: Lowered): { readonly payload: Lowered['payload']; readonly reason: string } | string | undefined;
  /**
   * Resources (`Kind/name`) this one names in its body and that must be written by the same binding, at the
   * field that names them: a mobility code batch is issued from its campaign's template, which only exists
   * on that API if the campaign is planned there too.
   */
  sameBinding?(resource: AnyResource): readonly { readonly path: DocPath; readonly ref: string }[];
  /** A body field the API refuses in the past (an expiry), and the campaign field it comes from. */
  readonly futureOnly?: { readonly field: string; readonly path: DocPath };
  /**
   * Whether the API keeps the window's ends itself (default both). A start it cannot hold is carried out by
   * creating the object at `from` (`apply --due`); an end it cannot hold by deleting or deactivating it at `until`.
   */
  readonly holds?: { readonly start: boolean; readonly end: boolean };
  /** APIs with scheduled versions: when the author wants a change to the live object to take effect. */
  effectiveAt?(resource: AnyResource): string | undefined;
  /** APIs with draft versions: whether the author wants a change to the live object prepared as a draft, not published. */
  draftChange?(resource: AnyResource): boolean;
  /** What else happens when the resource is deactivated (e.g. archiving is final). */
  readonly deactivateConsequence?: string;
  /** Why a change cannot be applied at all when `update` is false. */
  readonly noUpdateReason?: string;
  readonly noDeleteReason?: string;
}

export interface Capabilities {
  readonly provider: ProviderId;
  readonly title: string;
  readonly kinds: Readonly<Partial<Record<Kind, KindCapability>>>;
  /** Kinds that are not API objects of their own here but are resolved into others (Geofence on mobility). */
  readonly embedded: readonly Kind[];
}

/** Where and how to reach one target API; secrets already read from the environment. */
export interface Connection {
  readonly baseUrl: string;
  readonly organization?: string;
  readonly credentials: Readonly<Record<string, string>>;
  readonly rateLimitPerSecond?: number;
  readonly timeoutMs?: number;
  readonly concurrency?: number;
  readonly pageSize?: number;
}

/** One secret a connection needs: its name inside Connection.credentials, and what to call it in messages. */
export interface CredentialSpec {
  readonly name: string;
  /** "API key", "client id". */
  readonly label: string;
}

/** How a reviewer authenticates by hand (`promoc compile` output): no secret, only where it comes from. */
export interface AuthView {
  readonly auth: { readonly header: string; readonly value: string };
  /** E.g. how the bearer token is obtained. */
  readonly note?: string;
}

/** The target's `ids` table from the config (names → the numeric ids an API uses). */
export type TargetIds = NonNullable<Target['ids']>;

/** A customer the API knows, to ask its verdict on a promotion at an instant. */
export interface VerdictProbe {
  readonly customer: string;
  readonly subscription?: string;
  /** UTC instant. */
  readonly at: string;
}

/** What the API says a promotion does for one customer: its eligibility preview and its simulated invoice. */
export interface ApiVerdict {
  readonly eligible: boolean;
  readonly reason?: string;
  /** Decimal amounts in `currency`, from the simulation. */
  readonly discount?: string;
  readonly credit?: string;
  readonly currency?: string;
}

export interface Provider {
  readonly id: ProviderId;
  readonly capabilities: Capabilities;
  /** Default currency when the target does not say (EV billing fixed amounts). */
  readonly defaultCurrency: string;
  /** The credentials the connection needs; the config names each one's variable as `credentials.<name>Env`. */
  readonly credentials: readonly CredentialSpec[];
  /** The write side: which calls carry out a plan action. */
  readonly writes: ApiAdapter;
  /** The base URL requests go to, from the configured one (mobility adds the organisation's path). */
  baseUrl?(configured: string, organization: string | undefined): string;
  /** This provider for a configured target's `ids` table (mobility names branches etc. by numeric id). */
  withIds?(ids: TargetIds): Provider;
  /**
   * How this API's normalized fields are written in a source document where the planner's vocabulary and a
   * kind's schema differ (`promoc import`); `specFields` are the spec fields the kind's schema declares.
   */
  sourceSpec?(spec: Fields, specFields: ReadonlySet<string>): Fields;
  /** `variables`: credential name → the environment variable the config names for it, when it does. */
  authView(baseUrl: string, variables: Readonly<Record<string, string | undefined>>): AuthView;
  client(connection: Connection, deps: HttpDeps): HttpClient;
  read(client: HttpClient, options: ReadOptions): Promise<LiveRead>;
  lower(resource: AnyResource, ctx: LowerContext): LowerResult;
  /**
   * APIs with scheduled versions: the newest version of a live object waiting for its effective instant, and
   * the digest promoc's marker records in it. Asked only for objects a plan schedules a change on.
   */
  scheduledVersion?(client: HttpClient, liveId: string): Promise<LiveObject['scheduled']>;
  /** APIs with draft versions: the newest draft version of a live object and the digest in promoc's marker. */
  draftVersion?(client: HttpClient, liveId: string): Promise<LiveObject['draft']>;
  /** APIs that preview and simulate a promotion for a customer: what they say it does (`promoc plan --api-verdict`). */
  verdict?(client: HttpClient, liveId: string, probe: VerdictProbe): Promise<ApiVerdict>;
  /** The payload with promoc's ownership marker written into the field this API keeps for it. */
  stamp(payload: Lowered['payload'], owner: Required<Ownership>): { readonly [k: string]: Json };
}
