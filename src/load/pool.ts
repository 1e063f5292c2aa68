// Spreads file checks over worker threads when there are enough files for it to pay. A worker costs
// 60–300 ms of CPU to start and load the validators, its own heap (tens of MB), and a structured clone
// of its results; since plain files parse on the fast path (~0.1 ms a file), that pays only for very
// large repositories: at 10,000 files two workers used 2–3× the CPU of one thread and more memory.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CheckedSource, SourceJob } from './check-source.js';

export const MIN_FILES_PER_WORKER = 10_000;

export function workerCount(jobs: number, requested?: number): number {
  const max = requested ?? Math.max(1, availableParallelism());
  return Math.max(1, Math.min(max, Math.floor(jobs / MIN_FILES_PER_WORKER)));
}

export async function checkInWorkers(jobs: readonly SourceJob[], workers: number): Promise<CheckedSource[]> {
  const fromTs = import.meta.url.endsWith('.ts');
  // Spelled from the source root down, so it resolves the same from dist/load/ and from the bundled CLI.
  const url = new URL(fromTs ? '../load/check-worker.ts' : '../load/check-worker.js', import.meta.url);
  const chunks: SourceJob[][] = Array.from({ length: workers }, () => []);
  jobs.forEach((j, i) => chunks[i % workers]!.push(j));
  const results = await Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<CheckedSource[]>((resolve, reject) => {
          const w = new Worker(url, { workerData: chunk, execArgv: fromTs ? ['--import', 'tsx'] : [] });
          w.once('message', (m: CheckedSource[]) => {
            resolve(m);
            void w.terminate();
          });
          w.once('error', reject);
          w.once('exit', (code) => {
            if (code !== 0 && code !== 1) reject(new Error(`validation worker exited with ${code}`));
          });
        }),
    ),
  );
  return results.flat();
}
