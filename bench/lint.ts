// Lint figures: 10,000 campaigns with 2,000 geofences after parsing, and the naive all-pairs overlap
// check beside the indexed one on a 500-geofence subset, with a check that both find the same pairs.
import { overlapReport } from '../dist/geo/atlas.js';
import { lintModel } from '../dist/lint/lint-model.js';
import { syntheticGeometries, syntheticModel } from '../test/lint/synthetic.js';

const time = <T>(fn: () => T): { value: T; ms: number } => {
  const t = performance.now();
  const value = fn();
  return { value, ms: Math.round((performance.now() - t) * 10) / 10 };
};

export function benchLint(): Record<string, unknown> {
  const model = syntheticModel(10_000, 2_000, 1);
  const lint = time(() => lintModel(model, { now: new Date('2027-01-01T00:00:00Z') }));
  const subset = syntheticGeometries(500, 3);
  const indexed = time(() => overlapReport(subset));
  const naive = time(() => overlapReport(subset, { naive: true }));
  const same = JSON.stringify(indexed.value) === JSON.stringify(naive.value);
  return {
    campaigns: 10_000,
    geofences: 2_000,
    lintMs: lint.ms,
    findings: lint.value.length,
    overlap500: { indexedMs: indexed.ms, naiveAllPairsMs: naive.ms, pairs: indexed.value.length, identical: same },
    targets: { under2s: lint.ms < 2000, identicalFindings: same },
  };
}
