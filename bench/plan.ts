// What `npm run bench` calls: plan N resources against one emulator with injected
// latency, and report the wall time beside the network floor (pages × latency ÷ concurrency) measured in the
// same run. The state is seeded through the API before latency is switched on, so only the plan is timed.
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import type { EmulatorEndpoint } from '../dist/emulators/index.js';
import type { AnyResource, Located, Model } from '../dist/model/resource.js';
import { realDeps } from '../dist/providers/http/client.js';
import type { ProviderId } from '../dist/providers/provider.js';
import type { Json } from '../dist/model/canonical.js';
import { localBindings } from '../dist/plan/targets.js';
import { planBindings } from '../dist/plan/run.js';

export interface BenchPlanOptions {
  /** Resources to plan (default 10,000). */
  readonly resources?: number;
  /** Injected latency per request (default 20 ms). */
  readonly latencyMs?: number;
  /** Provider to plan against (default lago). */
  readonly provider?: Extract<ProviderId, 'lago' | 'ev-billing'>;
  /** Requests in flight (default 8). */
  readonly concurrency?: number;
  /** Items per list page (default: the provider's maximum for EV, 100 for Lago). */
  readonly pageSize?: number;
}

export interface BenchPlanResult {
  readonly resources: number;
  readonly wallMs: number;
  readonly pages: number;
  readonly requests: number;
  readonly latencyMs: number;
  readonly concurrency: number;
  /** pages × latency ÷ concurrency. */
  readonly networkFloorMs: number;
  readonly ratioToFloor: number;
  /** CPU time of the planner's thread (user + system) during the timed plan; the emulator's thread is not in it. */
  readonly plannerCpuMs: number;
  readonly heapUsedMb: number;
  readonly summary: Record<string, number>;
}

function syntheticModel(n: number, provider: BenchPlanOptions['provider']): Model {
  const resources: Located[] = [];
  for (let i = 0; i < n; i += 1) {
    const code = `BENCH${String(i).padStart(6, '0')}`;
    const resource = {
      apiVersion: 'promoc/v1',
      kind: 'Promotion',
      metadata: { name: code.toLowerCase(), labels: { target: provider ?? 'lago' } },
      spec: {
        code,
        window: { until: '2030-01-01T00:00:00Z' },
        benefits: [{ percentOff: 5 + (i % 50) }],
        ...(provider === 'ev-billing' ? { limits: { redemptions: 1000 } } : { duration: { frequency: 'once' } }),
      },
    } as unknown as AnyResource;
    resources.push({ resource, source: { file: `bench/${code}.yaml`, docIndex: 0 } });
  }
  return { resources, geometries: new Map() };
}

export async function benchPlan(options: BenchPlanOptions = {}): Promise<BenchPlanResult> {
  const n = options.resources ?? 10_000;
  const latencyMs = options.latencyMs ?? 20;
  const providerId = options.provider ?? 'lago';
  const concurrency = options.concurrency ?? 8;
  const emulator = await startWorkerEmulator(providerId);
  try {
    const e = emulator.endpoint;
    const bindings = localBindings({ [providerId]: e }).map((b) => ({
      ...b,
      connection: { ...b.connection, concurrency, ...(options.pageSize ? { pageSize: options.pageSize } : {}) },
    }));
    const model = syntheticModel(n, providerId);
    const input = {
      targetName: 'bench',
      model,
      bindings,
      options: { prune: false, force: false },
      deps: realDeps(),
      now: () => new Date(),
      promocVersion: 'bench',
    };
    await seed(e, providerId, await planBindings(input));
    // The plan that seeded the emulator and the seeding's garbage are the bench's, not the timed plan's: a
    // `promoc plan` process starts with a heap holding the model alone. Without this the timed plan paid for
    // a full collection of a ~190 MB heap.
    collectGarbage();
    await admin(e.adminUrl, 'PUT', '/faults', { latencyMs });
    const cpuBefore = mainThreadCpuMs();
    const started = performance.now();
    const result = await planBindings(input);
    const wallMs = performance.now() - started;
    const plannerCpuMs = mainThreadCpuMs() - cpuBefore;
    const pages = result.plan?.sources.reduce((s, x) => s + x.pages, 0) ?? 0;
    const requests = result.plan?.sources.reduce((s, x) => s + x.requests, 0) ?? 0;
    const networkFloorMs = (pages * latencyMs) / concurrency;
    return {
      resources: n,
      wallMs: Math.round(wallMs),
      pages,
      requests,
      latencyMs,
      concurrency,
      networkFloorMs: Math.round(networkFloorMs),
      ratioToFloor: Math.round((wallMs / networkFloorMs) * 100) / 100,
      plannerCpuMs: Math.round(plannerCpuMs),
      heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1024 / 1024),
      summary: { ...(result.plan?.summary ?? {}) },
    };
  } finally {
    await emulator.close();
  }
}

/**
 * CPU time of this (the main) thread alone: process.cpuUsage() would add the emulator's worker thread. Linux
 * keeps it per thread in /proc (clock ticks, usually 10 ms); elsewhere the process's figure stands in.
 */
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime), counted from the state field (3).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  }
}

/** Seed the emulator with what `fresh` (a plan against the empty emulator) would create. */
async function seed(
  e: EmulatorEndpoint,
  providerId: NonNullable<BenchPlanOptions['provider']>,
  fresh: Awaited<ReturnType<typeof planBindings>>,
): Promise<void> {
  // Seed through the emulator's test controls (as stored objects): creating 10,000 objects through the API
  // would time the emulator's own uniqueness checks, not promoc.
  const collection = providerId === 'lago' ? 'coupons' : 'codes';
  const actions = fresh.plan?.actions ?? [];
  for (let i = 0; i < actions.length; i += 64) {
    await Promise.all(
      actions.slice(i, i + 64).map((a, k) => {
        const id = providerId === 'lago' ? `00000000-0000-4000-8000-${String(i + k).padStart(12, '0')}` : `promo_B${String(i + k).padStart(6, '0')}`;
        return admin(
          e.adminUrl,
          'PUT',
          `/tenants/${encodeURIComponent(e.tenant)}/${collection}/${id}`,
          storedShape(providerId, id, a.payload as Record<string, Json>, i + k),
        );
      }),
    );
  }
}

/** A full garbage collection now (V8's gc exposed at run time, as --expose-gc would). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

interface WorkerEmulator {
  readonly endpoint: EmulatorEndpoint;
  close(): Promise<void>;
}

async function startWorkerEmulator(provider: ProviderId): Promise<WorkerEmulator> {
  const url = new URL('./plan-worker.ts', import.meta.url).href;
  // The benchmarks run under tsx: the worker registers tsx's loader before importing the TypeScript file.
  const worker = new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url)}); });`, {
    eval: true,
    workerData: { provider },
  });
  const endpoint = await new Promise<EmulatorEndpoint>((resolve, reject) => {
    worker.once('message', (m: { endpoint: EmulatorEndpoint }) => resolve(m.endpoint));
    worker.once('error', reject);
  });
  return {
    endpoint,
    close: async () => {
      worker.postMessage('close');
      await new Promise((resolve) => worker.once('exit', resolve));
    },
  };
}

async function admin(adminUrl: string, method: string, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${adminUrl}${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`emulator admin ${method} ${path} answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer().catch(() => undefined);
}

/** The emulator's stored form of a create payload (what its create handler would have written). */
function storedShape(provider: BenchPlanOptions['provider'], id: string, p: Record<string, Json>, i: number): Record<string, Json> {
  const createdAt = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString().replace('.000Z', 'Z');
  if (provider === 'ev-billing') {
    return {
      code_id: id,
      code: p.code!,
      discount_type: p.discount_type!,
      discount_value: p.discount_value!,
      currency: p.currency ?? null,
      max_uses: p.max_uses ?? null,
      max_uses_per_user: p.max_uses_per_user ?? null,
      expires_at: p.expires_at ?? null,
      description: p.description ?? null,
      uses_count: 0,
      created_at: createdAt,
    };
  }
  const applies = (p.applies_to ?? {}) as Record<string, Json>;
  return {
    lago_id: id,
    name: p.name!,
    code: p.code!,
    description: p.description ?? null,
    coupon_type: p.coupon_type!,
    amount_cents: p.amount_cents ?? null,
    amount_currency: p.amount_currency ?? null,
    percentage_rate: p.percentage_rate ?? null,
    reusable: p.reusable ?? true,
    frequency: p.frequency!,
    frequency_duration: p.frequency_duration ?? null,
    expiration: p.expiration!,
    expiration_at: p.expiration_at ?? null,
    plan_codes: applies.plan_codes ?? [],
    billable_metric_codes: applies.billable_metric_codes ?? [],
    created_at: createdAt,
    terminated_at: null,
    deleted_at: null,
  };
}
