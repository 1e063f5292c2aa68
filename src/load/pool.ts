// Spreads file checks over worker threads when there are enough files for it to pay
// (a worker costs ~60 ms to start and compile the schemas).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CheckedSource, SourceJob } from './check-source.js';

export const MIN_FILES_PER_WORKER = 300;

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
  const results = await Promise.all(chunks.map((chunk) => new Promise<CheckedSource[]>((resolve, reject) => {
    const w = new Worker(url, { workerData: chunk, execArgv: fromTs ? ['--import', 'tsx'] : [] });
    w.once('message', (m: CheckedSource[]) => { resolve(m); void w.terminate(); });
    w.once('error', reject);
    w.once('exit', (code) => { if (code !== 0 && code !== 1) reject(new Error(`validation worker exited with ${code}`)); });
  })));
  return results.flat();
}
