// The imperative shell of apply: open (or reopen, for --resume) the journal, run the call graph through each
// API's client, re-read every touched resource to verify it converged, and report. The caller holds the APIs'
// locks (./lock/hold.ts) around all of it; `guard` says when one was lost. The clock, randomness, network and
// process identity are injected.
import { join } from 'node:path';
import { secretScrubber, secretsOf } from '../model/secret-scrubber.js';
import type { Binding } from '../plan/targets.js';
import type { HttpDeps } from '../providers/http/client.js';
import { providerFor } from '../providers/index.js';
import type { LiveObject, ProviderId } from '../providers/provider.js';
import { executeGraph, type Api, type ExecuteEvent } from './execute.js';
import { JOURNAL_FORMAT, type Replay } from './journal-records.js';
import { JournalWriter, newRunId } from './journal.js';
import { indexLive } from './live-index.js';
import { stepsByResource, type CallGraph, type Untouched } from './call-graph.js';
import { buildOutcome, type ApplyOutcome } from './outcome.js';
import type { StepTable } from './step-table.js';
import { verifyResource, type Divergence } from './verify.js';
import { resourceKey } from '../model/resource.js';

export interface ApplyRunInput {
  readonly graph: CallGraph;
  readonly unsupported?: readonly Untouched[];
  readonly bindings: readonly Binding[];
  /** The run id (the lock holder names it); default: a new one. */
  readonly run?: string;
  /** Throws when the apply lock was lost: no further call is sent. */
  readonly guard?: () => void;
  /** `.promoc/journal/<target>` (see journalDir). */
  readonly journalDir: string;
  readonly deps: HttpDeps;
  readonly process: { readonly pid: number; readonly host: string };
  readonly promocVersion: string;
  /** Finish this earlier run instead of starting one. */
  readonly resume?: { readonly file: string; readonly replay: Replay };
  readonly onEvent?: (e: ExecuteEvent) => void;
  readonly maxAttempts?: number;
}

export async function applyGraph(input: ApplyRunInput): Promise<ApplyOutcome> {
  const now = (): Date => new Date(input.deps.now());
  const run = input.resume?.replay.header.run ?? input.run ?? newRunId(now(), input.deps.random);
  const scrub = secretScrubber(secretsOf(input.bindings.map((b) => b.connection.credentials)));
  const file = input.resume?.file ?? join(input.journalDir, `${run}.ndjson`);
  const journal = input.resume
    ? await JournalWriter.reopen(file, input.resume.replay.torn, scrub)
    : await JournalWriter.create(
        file,
        {
          type: 'run',
          format: JOURNAL_FORMAT,
          run,
          target: input.graph.target,
          at: now().toISOString(),
          pid: input.process.pid,
          host: input.process.host,
          promocVersion: input.promocVersion,
          graph: input.graph,
        },
        scrub,
      );
  try {
    if (input.resume) await journal.append({ type: 'resume', at: now().toISOString(), pid: input.process.pid, host: input.process.host });
    const apis = openApis(input.graph, input.bindings, input.deps);
    const table = await executeGraph({
      graph: input.graph,
      run,
      apis,
      record: (r) => journal.append(r),
      now,
      sleep: input.deps.sleep,
      random: input.deps.random,
      ...(input.resume ? { prior: input.resume.replay } : {}),
      ...(input.onEvent ? { onEvent: input.onEvent } : {}),
      ...(input.maxAttempts !== undefined ? { maxAttempts: input.maxAttempts } : {}),
      ...(input.guard ? { guard: input.guard } : {}),
    });
    const divergences = await verifyAll(input.graph, table, apis);
    await journal.append({
      type: 'verify',
      at: now().toISOString(),
      converged: input.graph.resources.length - divergences.length,
      diverged: divergences.map((d) => ({ resource: resourceKey(input.graph.resources[d.resource]!), message: d.message })),
    });
    const report = buildOutcome({
      run,
      journal: file,
      resumed: input.resume !== undefined,
      graph: input.graph,
      table,
      divergences,
      ...(input.unsupported ? { unsupported: input.unsupported } : {}),
    });
    await journal.append({ type: 'end', at: now().toISOString(), outcome: report.ok ? 'ok' : 'failed' });
    return scrubOutcome(report, scrub);
  } finally {
    await journal.close();
  }
}

function openApis(graph: CallGraph, bindings: readonly Binding[], deps: HttpDeps): Map<ProviderId, Api> {
  const used = new Set(graph.resources.map((r) => r.provider));
  const apis = new Map<ProviderId, Api>();
  for (const b of bindings) {
    if (!used.has(b.provider)) continue;
    const provider = providerFor(b.provider, b);
    const client = provider.client(b.connection, deps);
    const options = { currency: b.currency ?? provider.defaultCurrency, ...(b.connection.pageSize !== undefined ? { pageSize: b.connection.pageSize } : {}) };
    const scheduled = provider.scheduledVersion?.bind(provider);
    const draft = provider.draftVersion?.bind(provider);
    apis.set(b.provider, {
      client,
      read: () => provider.read(client, options),
      ...(scheduled ? { scheduled: (id: string) => scheduled(client, id) } : {}),
      ...(draft ? { draft: (id: string) => draft(client, id) } : {}),
      ...(b.connection.concurrency !== undefined ? { concurrency: b.connection.concurrency } : {}),
    });
  }
  return apis;
}

/** Re-reads every API a finished resource lives on and checks each one converged. */
async function verifyAll(graph: CallGraph, table: StepTable, apis: ReadonlyMap<ProviderId, Api>): Promise<Divergence[]> {
  const byResource = stepsByResource(graph);
  const finished = graph.resources.map((_, i) => i).filter((i) => (byResource.get(i) ?? []).every((s) => table.state(s.id) === 'done'));
  const providers = [...new Set(finished.map((i) => graph.resources[i]!.provider))];
  const out: Divergence[] = [];
  await Promise.all(
    providers.map(async (p) => {
      const mine = finished.filter((i) => graph.resources[i]!.provider === p);
      let live;
      try {
        live = indexLive(await withPending(graph, table, mine, apis.get(p)!, (await apis.get(p)!.read()).objects));
      } catch (error) {
        for (const i of mine) out.push({ resource: i, message: `could not re-read ${p} to verify the apply: ${(error as Error).message}`, fields: [] });
        return;
      }
      for (const i of mine) {
        const d = verifyResource(graph.resources[i]!, i, live, table.resourceId(i));
        if (d) out.push(d);
      }
    }),
  );
  return out.sort((a, b) => a.resource - b.resource);
}

/** Objects a dated or drafted change was written to, with the version now waiting on the target (what verify checks). */
async function withPending(graph: CallGraph, table: StepTable, mine: readonly number[], api: Api, objects: readonly LiveObject[]): Promise<LiveObject[]> {
  const idsOf = (expect: 'scheduled' | 'drafted'): Set<string> =>
    new Set(
      mine
        .filter((i) => graph.resources[i]!.expect === expect)
        .map((i) => table.resourceId(i))
        .filter((id): id is string => id !== undefined),
    );
  const timed = api.scheduled ? idsOf('scheduled') : new Set<string>();
  const drafted = api.draft ? idsOf('drafted') : new Set<string>();
  if (timed.size === 0 && drafted.size === 0) return [...objects];
  return Promise.all(
    objects.map(async (o) => {
      const scheduled = timed.has(o.id) ? await api.scheduled!(o.id) : undefined;
      const draft = drafted.has(o.id) ? await api.draft!(o.id) : undefined;
      return { ...o, ...(scheduled ? { scheduled } : {}), ...(draft ? { draft } : {}) };
    }),
  );
}

function scrubOutcome(report: ApplyOutcome, scrub: (t: string) => string): ApplyOutcome {
  return JSON.parse(scrub(JSON.stringify(report))) as ApplyOutcome;
}
