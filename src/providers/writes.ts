// Which API calls carry out a plan action: each provider's `writes` knows its write endpoints and the ids they
// answer with. Pure, except `resolveBody` (mobility looks up the
// annotation ids its tag references name).
import type { Action } from '../generated/plan.js';
import type { Json } from '../model/canonical.js';
import type { HttpClient } from './http/client.js';
import type { HttpStatusError } from './http/errors.js';
import type { LiveObject, ProviderId } from './provider.js';

/** What a call does to its resource. */
export type StepOp = 'create' | 'update' | 'activate' | 'deactivate' | 'delete';

/** One API call that carries out (part of) a plan action; apply numbers and orders them into steps. */
export interface CallDraft {
  readonly op: StepOp;
  readonly method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Relative to the binding's baseUrl; `{id}` is the resource's API id (see `target`). */
  readonly path: string;
  readonly body?: Json;
  /** The object `{id}` names: the live one the plan read, or the one an earlier step of this resource created. */
  readonly target: 'live' | 'created' | 'none';
  /** Safe for the HTTP client to repeat after a lost answer (PUT, DELETE, state transitions). */
  readonly idempotent: boolean;
  /**
   * For creates that add to an object rather than make one (more codes for a code batch): the count the live
   * object holds once this step took effect, which is how a lost answer is settled.
   */
  readonly expectCount?: number;
}

export interface ResolveContext {
  readonly client: HttpClient;
  /** `<kind>/<name>` → live id (LiveObject.id) of every resource known so far: read by the plan or created by this run. */
  readonly known: ReadonlyMap<string, string>;
}

export interface ApiAdapter {
  readonly provider: ProviderId;
  /** The calls that carry out one action, in order; undefined when this API has none for it. */
  calls(action: Action): readonly CallDraft[] | undefined;
  /** The created object's live id (as `read` names it: LiveObject.id), from the create call's answer. */
  createdId(kind: string, body: unknown): string | undefined;
  /** A live id → the `{id}` path segment. */
  pathId(liveId: string): string;
  /**
   * A refusal that can mean an earlier attempt of ours already took effect, beyond the generic 404/409
   * (e.g. Lago's 422 `value_already_exist` for a code we created but never heard back about).
   */
  isConflict?(error: HttpStatusError): boolean;
  /**
   * Why an update this API answered with success left `fields` unchanged on `live`, when the API is known to
   * do that (Lago keeps a coupon's terms once it has been applied); the verify step reports it.
   */
  ignoredUpdate?(live: LiveObject, resource: string, fields: string): string | undefined;
  /** Fills in references the plan names symbolically (mobility `{ "$tag": name }` → annotation id). */
  resolveBody?(body: Json, ctx: ResolveContext): Promise<Json>;
  /** The resources (`Kind/name`) a body refers to symbolically: their calls must be done first. */
  references?(body: Json): readonly string[];
  /**
   * The header an API takes an idempotency key in, when it has one: creates then carry a key unique to the
   * run and step and are safe for the client to repeat. NOTE: none of the four APIs documents one, so their
   * creates are settled by reading live state before anything is sent again (apply/reconcile.ts).
   */
  readonly idempotencyHeader?: string;
}

export const payloadOf = (a: Action): Json => (a.payload ?? {}) as Json;

export function liveStatus(a: Action): string | undefined {
  const spec = (a.live as { spec?: { status?: unknown } } | undefined)?.spec;
  return typeof spec?.status === 'string' ? spec.status : undefined;
}

export function desiredStatus(a: Action): string | undefined {
  const spec = (a.desired as { spec?: { status?: unknown } } | undefined)?.spec;
  return typeof spec?.status === 'string' ? spec.status : undefined;
}
