// What `npm run bench` calls (the lead owns bench/): apply N creates against one emulator that adds latency
// to every request and rate-limits at R requests per second, and report the wall time beside the rate-limit
// floor (N ÷ R) measured in the same run. promoc paces itself at R (the target's rateLimitPerSecond), so the
// emulator's 429s should stay rare; every 429 is retried, and any that surfaced as a failure is counted.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulators } from '../dist/emulators/index.js';
import type { AnyResource, Located, Model } from '../dist/model/resource.js';
import { realDeps, type Fetch } from '../dist/providers/http/client.js';
import { planBindings } from '../dist/plan/run.js';
import { localBindings } from '../dist/plan/targets.js';
import { compileCalls } from '../dist/apply/plan-to-calls.js';
import { applyGraph } from '../dist/apply/run.js';

export interface BenchApplyOptions {
  /** Creates to apply (default 1,000). */
  readonly creates?: number;
  /** Latency the emulator adds to every request (default 20 ms). */
  readonly latencyMs?: number;
  /** The emulator's rate limit, and promoc's pacing (default 50 requests per second). */
  readonly requestsPerSecond?: number;
  /** Provider to apply to (default lago: one POST per coupon). */
  readonly provider?: 'lago' | 'ev-billing';
  /** Calls in flight (default 8). */
  readonly concurrency?: number;
}

export interface BenchApplyResult {
  readonly creates: number;
  readonly latencyMs: number;
  readonly requestsPerSecond: number;
  readonly concurrency: number;
  /** From the first call sent to the end of verification (the re-read). */
  readonly wallMs: number;
  /** creates ÷ requestsPerSecond: no client can be faster against this limit. */
  readonly floorMs: number;
  readonly ratioToFloor: number;
  /** HTTP requests sent while applying (creates, retries, the verification read). */
  readonly requests: number;
  /** 429 answers received (all retried). */
  readonly throttled: number;
  /** Resources that failed or did not converge (429s that surfaced count here). */
  readonly failed: number;
}

function syntheticModel(n: number, provider: 'lago' | 'ev-billing'): Model {
  const resources: Located[] = [];
  for (let i = 0; i < n; i += 1) {
    const code = `APPLY${String(i).padStart(6, '0')}`;
    const spec =
      provider === 'lago'
        ? { code, window: { until: '2031-01-01T00:00:00Z' }, benefits: [{ percentOff: 5 + (i % 50) }] }
        : { code, window: { until: '2031-01-01T00:00:00Z' }, limits: { redemptions: 1000 }, benefits: [{ percentOff: 5 + (i % 50) }] };
    const resource = {
      apiVersion: 'promoc/v1',
      kind: 'Promotion',
      metadata: { name: code.toLowerCase(), labels: { target: provider } },
      spec,
    } as unknown as AnyResource;
    resources.push({ resource, source: { file: `bench/${code}.yaml`, docIndex: 0 } });
  }
  return { resources, geometries: new Map() };
}

export async function benchApply(options: BenchApplyOptions = {}): Promise<BenchApplyResult> {
  const creates = options.creates ?? 1000;
  const latencyMs = options.latencyMs ?? 20;
  const rps = options.requestsPerSecond ?? 50;
  const provider = options.provider ?? 'lago';
  const concurrency = options.concurrency ?? 8;
  const emulators = await startEmulators({ providers: [provider] });
  const dir = await mkdtemp(join(tmpdir(), 'promoc-bench-apply-'));
  try {
    const bindings = localBindings(emulators.endpoints).map((b) => ({ ...b, connection: { ...b.connection, concurrency, rateLimitPerSecond: rps } }));
    const plan = await planBindings({
      targetName: 'bench',
      model: syntheticModel(creates, provider),
      bindings,
      options: { prune: false, force: false },
      deps: realDeps(),
      now: () => new Date(),
      promocVersion: 'bench',
    });
    if (!plan.plan) throw new Error(`bench model does not plan: ${plan.diagnostics[0]?.message ?? '?'}`);
    const { graph } = compileCalls(plan.plan);
    // The limit starts now, with a full bucket, as promoc's pacing does: only the apply is measured.
    emulators.control(provider).setFaults({ latencyMs, rateLimit: { requestsPerSecond: rps } });
    let requests = 0;
    let throttled = 0;
    const counting: Fetch = async (input, init) => {
      requests += 1;
      const res = await fetch(input, init);
      if (res.status === 429) throttled += 1;
      return res;
    };
    const started = performance.now();
    const report = await applyGraph({
      graph,
      bindings,
      journalDir: join(dir, 'journal'),
      deps: realDeps(counting),
      process: { pid: process.pid, host: 'bench' },
      promocVersion: 'bench',
    });
    const wallMs = performance.now() - started;
    const floorMs = (creates / rps) * 1000;
    return {
      creates,
      latencyMs,
      requestsPerSecond: rps,
      concurrency,
      wallMs: Math.round(wallMs),
      floorMs: Math.round(floorMs),
      ratioToFloor: Math.round((wallMs / floorMs) * 100) / 100,
      requests,
      throttled,
      failed: report.failed.length + report.diverged.length,
    };
  } finally {
    await emulators.close();
    await rm(dir, { recursive: true, force: true });
  }
}
