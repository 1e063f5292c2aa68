// Lint figures: 10,000 campaigns with 2,000 geofences after parsing, and the naive all-pairs overlap
// check beside the indexed one on a 500-geofence subset, with a check that both find the same pairs and areas.
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
  // Same pairs; areas equal to float rounding (the index path measures from crossing edges, the naive one
  // through polygon-clipping, so the last digits differ).
  const pairsOf = (r: typeof indexed.value): string => r.map((x) => `${x.a}|${x.b}`).join(',');
  const areaDiff = Math.max(0, ...indexed.value.map((x, i) => Math.abs(x.areaM2 - naive.value[i]!.areaM2) / Math.max(x.areaM2, 1)));
  const same = pairsOf(indexed.value) === pairsOf(naive.value) && areaDiff < 1e-6;
  return {
    campaigns: 10_000,
    geofences: 2_000,
    lintMs: lint.ms,
    findings: lint.value.length,
    overlap500: { indexedMs: indexed.ms, naiveAllPairsMs: naive.ms, pairs: indexed.value.length, maxRelativeAreaDifference: areaDiff, identical: same },
    targets: { under2s: lint.ms < 2000, identicalFindings: same },
  };
}
