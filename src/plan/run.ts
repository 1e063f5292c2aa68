// The imperative shell of `promoc plan`: load the repository, open the target (starting the embedded
// emulators for `local`), read every provider's live state in parallel, then call the pure planner.
// Apply reuses `openTarget` and `planBindings`; the benchmark calls `planBindings` directly.
import { join } from 'node:path';
import { NO_DEBUG, type DebugLog } from '../model/debug-log.js';
import { hasErrors, type Diagnostic } from '../model/diagnostic.js';
import type { Located, Model } from '../model/resource.js';
import type { HttpDeps } from '../providers/http/client.js';
import { realDeps } from '../providers/http/client.js';
import { providerFor } from '../providers/index.js';
import type { LowerContext, LowerResult, Provider, ProviderId, ReadOptions } from '../providers/provider.js';
import { buildPlan } from './build.js';
import { compileDesired } from './lower-desired.js';
import type { DesiredEntry, LiveSet, Note, Plan, PlanOptions } from './plan-types.js';
import { pastExpiries } from './past-expiry.js';
import { desiredState } from './desired-state.js';
import { ReadAhead } from './read-ahead.js';
import { selectResources } from './select.js';
import { describeBinding, localBindings, resolveTarget, targetName, type Access, type Binding } from './targets.js';
import type { PromocConfig } from '../generated/index.js';
import { append } from '../model/append.js';

export interface OpenTarget {
  readonly name: string;
  readonly bindings: readonly Binding[];
  close(): Promise<void>;
}

export interface OpenOptions {
  readonly root: string;
  readonly config: PromocConfig;
  readonly target?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where the local target keeps emulator state (default <root>/.promoc/local). */
  readonly localDataDir?: string;
  /** Which target was chosen and why, and what each binding points at (never a credential's value). */
  readonly debug?: DebugLog;
  /** Which credentials: read (plan, import, drift; the default) or write (apply). */
  readonly access?: Access;
}

export async function openTarget(options: OpenOptions): Promise<OpenTarget> {
  const debug = options.debug ?? NO_DEBUG;
  const name = targetName(options.config, options.target);
  const access = options.access ?? 'read';
  const spec = resolveTarget(options.config, name, options.env, access);
  const why = options.target ? '--target' : options.config.defaultTarget ? 'defaultTarget in the config' : 'no --target and no defaultTarget';
  if (!spec.local) {
    debug.write('target', `${name} (${why}): ${describeBinding(spec.bindings[0]!, options.config.targets?.[name], access)}`);
    return { name, bindings: spec.bindings, close: async () => undefined };
  }
  const dataDir = options.localDataDir ?? join(options.root, '.promoc', 'local');
  debug.write('target', `${name} (${why}): starting the embedded emulators, state in ${dataDir}`);
  const { startEmulators } = await import('../emulators/index.js');
  const emulators = await startEmulators({ dataDir });
  const bindings = localBindings(emulators.endpoints, dataDir);
  for (const b of bindings) debug.write('target', `${name}: ${describeBinding(b, undefined, access)}`);
  return { name, bindings, close: () => emulators.close() };
}

export interface PlanBindingsInput {
  readonly targetName: string;
  readonly model: Model;
  readonly bindings: readonly Binding[];
  readonly options: PlanOptions;
  readonly deps: HttpDeps;
  readonly now: () => Date;
  readonly promocVersion: string;
  readonly revision?: string;
}

export interface PlanResult {
  /** Absent when the desired state has errors (then nothing was read). */
  readonly plan?: Plan;
  readonly diagnostics: readonly Diagnostic[];
  /** The lowered desired state, for apply. */
  readonly desired: readonly DesiredEntry[];
}

export async function planBindings(input: PlanBindingsInput): Promise<PlanResult> {
  const providers = Object.fromEntries(input.bindings.map((b) => [b.provider, providerFor(b.provider, b)])) as Partial<Record<ProviderId, Provider>>;
  // Reads are network-bound and lowering is CPU-bound: start the reads first so they overlap. On compile
  // errors the reads are awaited and dropped (nothing is written either way).
  const ahead = new ReadAhead(
    new Map(input.bindings.map((b) => [b.provider, { provider: providers[b.provider]!, kinds: bindingKinds(b, providers[b.provider]!) }])),
    input.options,
  );
  const reads = Promise.allSettled(input.bindings.map((b) => readBinding(b, input.deps, (o) => ahead.raised(b.provider, o))));
  // A read's first request is sent a few promise turns in: let it go out before the CPU work starts.
  await new Promise<void>((resolve) => setImmediate(resolve));
  const { desired, diagnostics, notes } = await compileTarget(input.model, input.bindings, input.targetName);
  if (hasErrors(diagnostics)) {
    await reads;
    return { diagnostics, desired };
  }
  // Neither the desired side's digests nor the pages already read wait for the last page.
  const state = desiredState(desired);
  ahead.compiled(desired);
  const settled = await reads;
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  const at = input.now();
  const read = settled.map((r) => (r as PromiseFulfilledResult<LiveSet>).value);
  const live = await withScheduledVersions(read, desired, input.bindings, input.deps, at.getTime());
  const built = buildPlan({
    target: input.targetName,
    createdAt: at.toISOString(),
    promocVersion: input.promocVersion,
    ...(input.revision ? { revision: input.revision } : {}),
    options: input.options,
    providers,
    desired,
    live,
    notes: notes as Note[],
    desiredState: state,
    ahead,
  });
  const past = pastExpiries(built.actions, desired, at, input.targetName);
  if (past.length > 0) return { diagnostics: [...diagnostics, ...past], desired };
  return { plan: built, diagnostics, desired };
}

/** The desired side of a target alone (no reads): what apply compares with a saved plan's desired state. */
export async function compileTarget(
  model: Model,
  bindings: readonly Binding[],
  targetName: string,
): Promise<{ desired: DesiredEntry[]; diagnostics: Diagnostic[]; notes: readonly Note[] }> {
  const selection = selectResources(model, bindings, (b) => providerFor(b.provider).capabilities, targetName);
  const desired: DesiredEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [i, b] of bindings.entries()) {
    const provider = providerFor(b.provider, b);
    const ctx = { model, currency: b.currency ?? provider.defaultCurrency, target: targetName };
    const lowered = await lowerInSlices(provider, selection.perBinding[i] ?? [], ctx);
    const compiled = compileDesired(provider, selection.perBinding[i] ?? [], ctx, lowered);
    append(desired, compiled.entries);
    append(diagnostics, compiled.diagnostics);
  }
  return { desired, diagnostics, notes: selection.notes };
}

/**
 * Where a resource asks for a change to take effect later and its API keeps scheduled versions, the plan must
 * know whether that version is already waiting on the target (then there is nothing to write again). Only
 * those few objects are asked, one or two requests each.
 */
async function withScheduledVersions(
  sets: readonly LiveSet[],
  desired: readonly DesiredEntry[],
  bindings: readonly Binding[],
  deps: HttpDeps,
  now: number,
): Promise<LiveSet[]> {
  return Promise.all(
    sets.map(async (set) => {
      const binding = bindings.find((b) => b.provider === set.provider);
      const provider = binding ? providerFor(binding.provider, binding) : undefined;
      if (!binding || !provider || (!provider.scheduledVersion && !provider.draftVersion)) return set;
      const keyOf = (d: DesiredEntry): string => `${d.located.resource.kind}/${d.lowered.normalized.key.toLowerCase()}`;
      const mine = desired.filter((d) => d.provider === set.provider);
      const timed = new Set(
        mine
          .filter((d) => {
            const at = d.capability.effectiveAt?.(d.located.resource);
            return at !== undefined && Date.parse(at) > now;
          })
          .map(keyOf),
      );
      const drafted = new Set(mine.filter((d) => d.capability.draftChange?.(d.located.resource) === true).map(keyOf));
      if (timed.size === 0 && drafted.size === 0) return set;
      const client = provider.client(binding.connection, deps);
      const objects = await Promise.all(
        set.objects.map(async (o) => {
          const key = `${o.normalized.kind}/${o.normalized.key.toLowerCase()}`;
          if (o.facts.retired === true) return o;
          const scheduled = timed.has(key) && provider.scheduledVersion ? await provider.scheduledVersion(client, o.id) : undefined;
          const draft = drafted.has(key) && provider.draftVersion ? await provider.draftVersion(client, o.id) : undefined;
          return { ...o, ...(scheduled ? { scheduled } : {}), ...(draft ? { draft } : {}) };
        }),
      );
      return { ...set, objects, requests: set.requests + client.stats.requests };
    }),
  );
}

/**
 * Lowering is CPU work and a read is a chain of requests that each wait for the previous answer to be handled:
 * lowering 10,000 resources at once left every page but the first waiting behind it. Yielding between slices
 * lets the answers in, so the two overlap.
 */
async function lowerInSlices(provider: Provider, resources: readonly Located[], ctx: LowerContext): Promise<Map<Located, LowerResult>> {
  const out = new Map<Located, LowerResult>();
  for (let i = 0; i < resources.length; i++) {
    if (i > 0 && i % LOWER_SLICE === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const located = resources[i]!;
    // A kind the provider lacks (listed by the binding) is compileDesired's error to report, not to lower.
    if (provider.capabilities.kinds[located.resource.kind]) out.set(located, provider.lower(located.resource, ctx));
  }
  return out;
}
const LOWER_SLICE = 250;

/** `onRaised` is told each live object's normalized form as its page is raised (see ReadOptions). */
export async function readBinding(b: Binding, deps: HttpDeps, onRaised?: ReadOptions['onRaised']): Promise<LiveSet> {
  const provider = providerFor(b.provider, b);
  const client = provider.client(b.connection, deps);
  const read = await provider.read(client, {
    currency: b.currency ?? provider.defaultCurrency,
    ...(b.connection.pageSize !== undefined ? { pageSize: b.connection.pageSize } : {}),
    ...(onRaised ? { onRaised } : {}),
  });
  return {
    provider: b.provider,
    baseUrl: b.connection.baseUrl,
    ...(b.connection.organization ? { organization: b.connection.organization } : {}),
    objects: read.objects,
    pages: read.pages,
    requests: client.stats.requests,
    kinds: bindingKinds(b, provider),
    capabilities: provider.capabilities.kinds,
  };
}

/** Kinds a binding plans: live objects of other kinds are out of its scope. */
function bindingKinds(b: Binding, provider: Provider): Set<string> {
  return new Set(b.kinds ?? Object.keys(provider.capabilities.kinds));
}

export { realDeps };
