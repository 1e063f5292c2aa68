// Engine figures: evaluations per second on one core with p99 latency, a linear-scan evaluator's
// rate on the same contexts beside it, and the cost of loading a 10,000-campaign bundle.
import { syntheticWorkload } from '../dist/bundle/synthetic.js';
import { nodeSha256 } from '../dist/bundle/verify.js';
import { loadBundle } from '../dist/engine/index.js';

const round = (x: number, d = 1): number => Math.round(x * 10 ** d) / 10 ** d;

export function benchEngine(): Record<string, unknown> {
  const { bytes, contexts } = syntheticWorkload({ campaigns: 1000, geofences: 1000, seed: 7 }, 20_000);
  const indexed = loadBundle(bytes, { sha256: nodeSha256 });
  const linear = loadBundle(bytes, { sha256: nodeSha256, strategy: 'linear' });

  // Also per CPU-second of this (then single-threaded) process: on a shared machine the wall-clock rate
  // falls with the share of a core the process gets.
  let perCpu = 0;
  const rate = (engine: typeof indexed, seconds: number, options?: { explain: boolean }): number => {
    for (let i = 0; i < 2000; i += 1) engine.evaluate(contexts[i % contexts.length]!, options); // warm up the JIT
    let n = 0;
    const start = performance.now();
    const cpu = process.cpuUsage();
    while (performance.now() - start < seconds * 1000) {
      for (let i = 0; i < 1000; i += 1) engine.evaluate(contexts[(n + i) % contexts.length]!, options);
      n += 1000;
    }
    const used = process.cpuUsage(cpu);
    perCpu = n / ((used.user + used.system) / 1e6);
    return n / ((performance.now() - start) / 1000);
  };
  const indexedRate = rate(indexed, 2);
  const indexedPerCpu = perCpu;
  // What the simulator runs: the same evaluation without building rejection sentences.
  const unexplainedRate = rate(indexed, 2, { explain: false });
  const linearRate = rate(linear, 1);

  // p99 from individually timed evaluations (timer overhead included, so this is an upper bound).
  const samples: number[] = [];
  for (let i = 0; i < 20_000; i += 1) {
    const t = process.hrtime.bigint();
    indexed.evaluate(contexts[i]!);
    samples.push(Number(process.hrtime.bigint() - t) / 1000);
  }
  samples.sort((a, b) => a - b);

  const big = syntheticWorkload({ campaigns: 10_000, geofences: 2_000, seed: 9 }, 1);
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const loaded = loadBundle(big.bytes, { sha256: nodeSha256 });
  const loadMs = performance.now() - t0;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  void loaded;

  return {
    campaigns: 1000,
    geofences: 1000,
    evaluationsPerSecond: Math.round(indexedRate),
    evaluationsPerCpuSecond: Math.round(indexedPerCpu),
    evaluationsPerSecondWithoutReasons: Math.round(unexplainedRate),
    p50Us: round(samples[Math.floor(samples.length * 0.5)]!),
    p99Us: round(samples[Math.floor(samples.length * 0.99)]!),
    linearScanEvaluationsPerSecond: Math.round(linearRate),
    load10kCampaignsMs: round(loadMs),
    load10kCampaignsHeapMb: round(heapMb),
    bundle10kBytes: big.bytes.byteLength,
    targets: {
      atLeast500kPerSecond: indexedRate >= 500_000,
      p99Under20Us: samples[Math.floor(samples.length * 0.99)]! < 20,
      load10kUnder200ms: loadMs < 200,
      load10kUnder150Mb: heapMb < 150,
    },
  };
}
