// Generated from schemas/ by `npm run gen:types`. Do not edit by hand.
/* eslint-disable */

/**
 * API family.
 */
export type Provider = 'ev-billing' | 'mobility' | 'promotions' | 'lago';

/**
 * A saved plan (`promoc plan --out plan.json`): what applying the repository to one target would do, and the fingerprint of every live object read. Written by promoc, versioned by formatVersion; a reader refuses other versions.
 */
export interface Plan {
  /**
   * Plan format version. Readers refuse any other value.
   */
  formatVersion: 'promoc-plan/v1';
  /**
   * Version of promoc that wrote the plan.
   */
  promocVersion: string;
  /**
   * When the live state was read.
   */
  createdAt: string;
  /**
   * Target name (a key of targets in promoc.config.yaml, or local).
   */
  target: string;
  /**
   * Git commit of the repository when known.
   */
  revision?: string;
  /**
   * Flags the plan was computed with.
   */
  options: {
    /**
     * Managed objects no longer in the repository are deleted (or archived).
     */
    prune: boolean;
    /**
     * Deletes and replacements that cut off live redemptions are allowed.
     */
    force: boolean;
  };
  /**
   * One entry per provider the target talks to: what was read and its fingerprint.
   */
  sources: Source[];
  /**
   * sha256 over every source fingerprint: apply refuses the plan when live state no longer has it.
   */
  fingerprint: string;
  desiredState?: DesiredState;
  summary: Summary;
  /**
   * One entry per desired or managed resource, sorted by provider, kind and name.
   */
  actions: Action[];
  /**
   * Live objects that claim the same resource (promoc's marker or the same natural key on two objects). A plan with conflicts cannot be applied until they are resolved.
   */
  conflicts?: Conflict[];
  /**
   * Things a reviewer should know that are not actions (objects left alone, resources no provider takes).
   */
  notes: Note[];
  /**
   * `promoc plan --api-verdict`: for each changed live object on an API that previews promotions and each probe customer, the API's verdict beside the engine's on the same live fields.
   */
  verdicts?: PlanVerdict[];
}
/**
 * What was read from one API.
 */
export interface Source {
  provider: Provider;
  /**
   * Where the API was reached (never carries credentials).
   */
  baseUrl: string;
  /**
   * Organisation or tenant.
   */
  organization?: string;
  /**
   * Live objects read.
   */
  objects: number;
  /**
   * Of those, objects carrying promoc's ownership marker.
   */
  managed: number;
  /**
   * List pages fetched.
   */
  pages: number;
  /**
   * HTTP requests made, retries included.
   */
  requests: number;
  /**
   * sha256 over the sorted object fingerprints.
   */
  fingerprint: string;
  /**
   * Live object id → digest of the object as read, so a stale plan can say which objects changed.
   */
  objectFingerprints: {
    /**
     * Digest (hex).
     */
    [k: string]: string | undefined;
  };
}
/**
 * Digests of the lowered desired resources the plan was computed from.
 */
export interface DesiredState {
  /**
   * sha256 over every resource digest and the plan options.
   */
  digest: string;
  /**
   * `<provider> <Kind>/<name>` → digest of its lowered fields.
   */
  resources: {
    /**
     * Digest of the resource's lowered, normalized fields.
     */
    [k: string]: string | undefined;
  };
}
/**
 * Counts per action kind.
 */
export interface Summary {
  /**
   * Resources to create.
   */
  create: number;
  /**
   * Resources to update in place.
   */
  update: number;
  /**
   * Resources to replace.
   */
  replace: number;
  /**
   * Resources to activate.
   */
  activate: number;
  /**
   * Resources to deactivate or archive.
   */
  deactivate: number;
  /**
   * Resources to delete (--prune).
   */
  delete: number;
  /**
   * Changes the API cannot make.
   */
  blocked: number;
  /**
   * Actions waiting for their instant (`apply --due` or the target carries them out then). Absent in plans written before promoc knew the clock: none.
   */
  scheduled?: number;
  /**
   * Resources already as declared.
   */
  noop: number;
  /**
   * Resources edited outside promoc since promoc last wrote them.
   */
  drift: number;
  /**
   * Actions apply would carry out (everything but noop and blocked).
   */
  changes: number;
}
/**
 * What applying would do to one resource.
 */
export interface Action {
  /**
   * create, update (fields), replace (immutable field changed), activate, deactivate (or archive), delete (--prune), blocked (the API cannot do it), noop.
   */
  action: 'create' | 'update' | 'replace' | 'activate' | 'deactivate' | 'delete' | 'blocked' | 'noop' | 'scheduled';
  provider: Provider;
  /**
   * Resource kind.
   */
  kind: string;
  /**
   * metadata.name.
   */
  name: string;
  /**
   * Natural key the live object was matched by (code or name).
   */
  key: string;
  /**
   * What the API calls it, e.g. coupon.
   */
  apiObject?: string;
  /**
   * Where the resource is declared (absent for deletes).
   */
  source?: {
    /**
     * Repository-relative file.
     */
    file: string;
    /**
     * YAML document index in the file.
     */
    docIndex: number;
  };
  /**
   * Server id of the matched live object.
   */
  liveId?: string;
  /**
   * Version of the live object when the API has versions (expected_version on apply).
   */
  liveVersion?: number;
  /**
   * Field differences, live → repository.
   */
  changes: Change[];
  /**
   * Why the action is blocked or a replace.
   */
  reason?: string;
  /**
   * What else happens: redemptions, applied coupons.
   *
   * Items: One consequence.
   */
  consequences?: string[];
  /**
   * Server-owned figures that explain the change.
   */
  counters?: Counter[];
  /**
   * The live object was edited outside promoc since promoc last wrote it.
   */
  drift?: {
    /**
     * For people.
     */
    message: string;
    /**
     * True when the repository did not change: applying only reverts the out-of-band edit.
     */
    onlyDrift: boolean;
  };
  /**
   * The live object exists but carries no ownership marker; applying takes it over.
   */
  adopt?: boolean;
  /**
   * A managed object no longer in the repository that the API can neither delete nor archive in its state (a draft): apply removes promoc's ownership marker, so it is no longer managed.
   */
  release?: boolean;
  /**
   * An update written as a draft version of the live object (promotions save_as_draft): the API records it and keeps the live fields until someone publishes it.
   */
  draft?: boolean;
  /**
   * A status change that goes with an update or replace.
   */
  activation?: 'activate' | 'deactivate';
  /**
   * The normalized resource as declared (fields).
   */
  desired?: {
    /**
     * A field.
     */
    [k: string]:
      | {
          [k: string]: unknown | undefined;
        }
      | undefined;
  };
  /**
   * The normalized live resource (fields).
   */
  live?: {
    /**
     * A field.
     */
    [k: string]:
      | {
          [k: string]: unknown | undefined;
        }
      | undefined;
  };
  /**
   * The API body apply sends for create, update or replace, ownership marker included.
   */
  payload?: {
    /**
     * A field.
     */
    [k: string]:
      | {
          [k: string]: unknown | undefined;
        }
      | undefined;
  };
  /**
   * The clock's part in the action. On a `scheduled` action: `op` happens at `at` (carried out by `promoc apply --due` once due, or by the target itself when `native`). On a create, deactivate or delete: the instant the window made it due (`apply --due` performs exactly these). On an update: the instant the target publishes the change (an effective_at version).
   */
  schedule?: {
    /**
     * UTC instant.
     */
    at: string;
    /**
     * What happens at `at`.
     */
    op: 'create' | 'update' | 'deactivate' | 'delete';
    /**
     * The target holds the instant itself (a scheduled version); false: promoc's scheduler (`apply --due`) must act at `at`.
     */
    native: boolean;
    /**
     * IANA time zone the author wrote the instant in, for showing local time.
     */
    timeZone?: string;
  };
}
/**
 * One field that differs. before is absent for an added field, after for a removed one.
 */
export interface Change {
  /**
   * Dotted path in promoc's vocabulary, e.g. spec.limits.redemptions or spec.benefits[0].percentOff.
   */
  path: string;
  /**
   * The live value.
   */
  before?: null | boolean | number | string | unknown[] | {};
  /**
   * The value in the repository.
   */
  after?: null | boolean | number | string | unknown[] | {};
  /**
   * Why this field cannot change in place, when it cannot.
   */
  immutable?: string;
}
/**
 * A server-owned figure shown because it explains something.
 */
export interface Counter {
  /**
   * Machine name, e.g. redemptions.
   */
  name: string;
  /**
   * The figure.
   */
  value: number | string;
  /**
   * For people, e.g. 432 redemptions so far.
   */
  text: string;
}
/**
 * Several live objects claim one resource.
 */
export interface Conflict {
  provider: Provider;
  /**
   * Resource kind.
   */
  kind: string;
  /**
   * metadata.name the objects' marker names, when they carry one.
   */
  name?: string;
  /**
   * Natural key (code or name) they share.
   */
  key: string;
  /**
   * The ids of every object that claims it, sorted.
   *
   * @minItems 2
   *
   * Items: A live object's id.
   */
  ids: [string, string, ...string[]];
  /**
   * What is wrong and how to resolve it.
   */
  message: string;
}
/**
 * Something to know that is not an action.
 */
export interface Note {
  /**
   * info or warn.
   */
  level: 'info' | 'warn';
  provider?: Provider;
  /**
   * For people.
   */
  message: string;
  /**
   * kind/name or natural keys concerned.
   *
   * Items: One resource.
   */
  resources?: string[];
}
/**
 * One changed live object and one probe customer.
 */
export interface PlanVerdict {
  /**
   * Kind/name.
   */
  resource: string;
  /**
   * Its natural key (the code).
   */
  key: string;
  /**
   * The probe's customer id.
   */
  customer: string;
  /**
   * The instant asked about.
   */
  at: string;
  /**
   * The API's eligibility preview and simulation.
   */
  api?: {
    /**
     * Eligible now.
     */
    eligible: boolean;
    /**
     * Why not.
     */
    reason?: string;
    /**
     * Decimal amount in `currency`.
     */
    discount?: string;
    /**
     * Decimal amount in `currency`.
     */
    credit?: string;
    /**
     * ISO 4217.
     */
    currency?: string;
  };
  /**
   * The API refused the question (an unknown customer…).
   */
  apiError?: string;
  /**
   * The engine on the same live fields and the probe's context.
   */
  engine: {
    /**
     * The campaign applied.
     */
    applied: boolean;
    /**
     * Why not.
     */
    reason?: string;
    /**
     * Decimal amount in `currency`.
     */
    discount?: string;
    /**
     * Decimal amount in `currency`.
     */
    credit?: string;
    /**
     * ISO 4217.
     */
    currency: string;
  };
  /**
   * Same eligibility, and when eligible the same discount and credit.
   */
  agree: boolean;
}
