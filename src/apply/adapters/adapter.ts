// Which API calls carry out a plan action, per API family. The providers know how to read and lower; these
// know the write endpoints and the ids they answer with. Pure, except `resolveBody` (mobility looks up the
// annotation ids its tag references name).
import type { Action } from '../../generated/plan.js';
import type { Json } from '../../model/canonical.js';
import type { HttpClient } from '../../providers/http/client.js';
import type { HttpStatusError } from '../../providers/http/errors.js';
import type { ProviderId } from '../../providers/provider.js';
import type { Step } from '../model.js';

export type CallDraft = Omit<Step, 'id' | 'resource' | 'after'>;

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
  /** Fills in references the plan names symbolically (mobility `{ "$tag": name }` → annotation id). */
  resolveBody?(body: Json, ctx: ResolveContext): Promise<Json>;
  /** The resources (`Kind/name`) a body refers to symbolically: their calls must be done first. */
  references?(body: Json): readonly string[];
  /**
   * The header an API takes an idempotency key in, when it has one: creates then carry a key unique to the
   * run and step and are safe for the client to repeat. NOTE: none of the four APIs documents one, so their
   * creates are settled by reading live state before anything is sent again (../reconcile.ts).
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
