// lintModel on models built by hand: the paths the loader never lets through, the shared semantics
// (sequential discounts, inactive campaigns), determinism, and index/all-pairs equivalence.
import { describe, expect, it } from 'vitest';
import type { AnyResource } from '../../src/generated/index.js';
import { lintModel } from '../../src/lint/lint-model.js';
import type { Located, Model, MultiPolygonCoords } from '../../src/model/resource.js';
import { syntheticModel } from './synthetic.js';

const NOW = new Date('2027-06-15T00:00:00Z');
let doc = 0;
const at = (resource: unknown): Located => ({ resource: resource as AnyResource, source: { file: 'm.yaml', docIndex: doc++ } });
const promo = (name: string, spec: Record<string, unknown>) => at({ apiVersion: 'promoc/v1', kind: 'Promotion', metadata: { name }, spec });
const geofence = (name: string, coordinates: MultiPolygonCoords[number]) =>
  at({ apiVersion: 'promoc/v1', kind: 'Geofence', metadata: { name }, spec: { geometry: { type: 'Polygon', coordinates } } });
const model = (resources: Located[], geometries: [string, MultiPolygonCoords][] = []): Model => ({ resources, geometries: new Map(geometries) });
const ids = (m: Model, only: string, extra: Record<string, unknown> = {}) => lintModel(m, { now: NOW, only: [only], ...extra }).map((d) => d.messageId);

describe('lintModel', () => {
  it('reports coordinates out of range, and out of range but swapped', () => {
    const bad: MultiPolygonCoords[number] = [
      [
        [200, 52],
        [13.1, 52],
        [13.1, 52.1],
        [200, 52],
      ],
    ];
    const swapped: MultiPolygonCoords[number] = [
      [
        [13, 52],
        [13.1, 95],
        [13.1, 52.1],
        [13, 52],
      ],
    ];
    const m = model(
      [geofence('bad', bad), geofence('swapped', swapped)],
      [
        ['bad', [bad]],
        ['swapped', [swapped]],
      ],
    );
    const found = lintModel(m, { now: NOW, only: ['geofence/invalid-geometry'] });
    expect(found.map((d) => [d.messageId, d.path])).toEqual([
      ['out-of-range', ['spec', 'geometry', 'coordinates', 0, 0]],
      ['swapped-position', ['spec', 'geometry', 'coordinates', 0, 1]],
    ]);
  });

  it('reports empty windows and empty phases', () => {
    const m = model([
      promo('backwards', { window: { from: '2027-09-01T00:00:00Z', until: '2027-06-01T00:00:00Z' }, benefits: [{ percentOff: 5 }] }),
      promo('phased', {
        benefits: [{ percentOff: 5 }],
        phases: [{ name: 'p', window: { from: '2027-09-01T00:00:00Z', until: '2027-09-01T00:00:00Z' }, benefits: [{ percentOff: 9 }] }],
      }),
    ]);
    expect(ids(m, 'window/empty')).toEqual(['empty', 'emptyPhase']);
  });

  it('combines stacked discounts in sequence: two 50% give 75%, not 100%', () => {
    const m = model([
      promo('a', { benefits: [{ percentOff: 50 }], stacking: { stackable: true, priority: 2 } }),
      promo('b', { benefits: [{ percentOff: 50 }], stacking: { stackable: true, priority: 1 } }),
    ]);
    expect(ids(m, 'stacking/excessive-combined-discount')).toEqual([]);
    expect(ids(m, 'stacking/excessive-combined-discount', { maxCombinedDiscountPercent: 75 })).toEqual(['excessive']);
    expect(ids(m, 'stacking/excessive-combined-discount', { maxCombinedDiscountPercent: 76 })).toEqual([]);
  });

  it('ignores inactive campaigns in stacking', () => {
    const m = model([
      promo('winner', { status: 'inactive', benefits: [{ percentOff: 50 }], stacking: { priority: 9 } }),
      promo('loser', { benefits: [{ percentOff: 10 }], stacking: { priority: 1 } }),
    ]);
    expect(ids(m, 'stacking/shadowed')).toEqual([]);
  });

  it('follows "targeted before broad" before priority', () => {
    // The targeted campaign goes first despite its lower priority, so the broad one cannot shadow it.
    const m = model([
      promo('broad', { benefits: [{ percentOff: 50 }], stacking: { priority: 900 } }),
      promo('targeted', { benefits: [{ percentOff: 20, appliesTo: { priceTypes: ['TIME_PRICE'] } }], stacking: { priority: 1 } }),
    ]);
    expect(ids(m, 'stacking/shadowed')).toEqual([]);
    expect(lintModel(m, { now: NOW, only: ['stacking/exclusive-overlap'] }).map((d) => d.data!.name)).toEqual(['broad']);
  });

  it("applies a phased campaign's own benefits where no phase holds, as the engine does", () => {
    const m = model([
      promo('phased', {
        window: { from: '2027-01-01T00:00:00Z', until: '2028-01-01T00:00:00Z' },
        benefits: [{ percentOff: 10 }],
        phases: [{ name: 'feb', window: { from: '2027-02-01T00:00:00Z', until: '2027-03-01T00:00:00Z' }, benefits: [{ percentOff: 40 }] }],
        stacking: { priority: 500 },
      }),
      promo('june-deal', {
        window: { from: '2027-06-01T00:00:00Z', until: '2027-07-01T00:00:00Z' },
        benefits: [{ percentOff: 5 }],
        stacking: { stackable: true, priority: 1 },
      }),
    ]);
    // In June no phase holds, so the phased campaign applies with its own benefits and still goes first.
    const found = lintModel(m, { now: NOW, only: ['stacking/shadowed'] });
    expect(found.map((d) => d.data!.name)).toEqual(['june-deal']);
  });

  it('does not depend on the order of resources', () => {
    const m = syntheticModel(300, 80, 5);
    const key = (ds: ReturnType<typeof lintModel>) => ds.map((d) => `${d.ruleId}|${d.file}|${d.docIndex}|${d.message}`).sort();
    const reversed: Model = { resources: [...m.resources].reverse(), geometries: m.geometries };
    expect(key(lintModel(reversed, { now: NOW }))).toEqual(key(lintModel(m, { now: NOW })));
  });

  it('finds the same things with the spatial index as with all pairs of geofences', () => {
    // Small enough for the all-pairs side to stay quick on a loaded machine; `npm run bench` times both.
    const m = syntheticModel(300, 120, 9);
    const key = (ds: ReturnType<typeof lintModel>) => ds.map((d) => `${d.ruleId}|${d.docIndex}|${d.message}`).sort();
    const indexed = key(lintModel(m, { now: NOW }));
    expect(indexed.some((k) => k.startsWith('geofence/overlap'))).toBe(true);
    expect(key(lintModel(m, { now: NOW, naiveGeometry: true }))).toEqual(indexed);
  });

  it('hands out one object per distinct related location, and never one for two that differ', () => {
    const found = lintModel(syntheticModel(300, 80, 5), { now: NOW });
    const related = found.flatMap((d) => d.related ?? []);
    const byContent = new Map<string, object>();
    for (const r of related) {
      // Types kept apart: a sequence index 0 is not the key "0".
      const content = JSON.stringify([r.file, r.docIndex, r.path?.map((p) => [typeof p, p]), r.message, r.range]);
      const first = byContent.get(content);
      if (first === undefined) byContent.set(content, r);
      else expect(r).toBe(first);
    }
    expect(new Set(related).size).toBe(byContent.size);
    expect(related.length).toBeGreaterThan(byContent.size); // the model repeats some (the test compares something)
  });

  it('keeps the data of a finding in its key order with equal values, and shares repeated ones', () => {
    const found = lintModel(syntheticModel(300, 80, 5), { now: NOW, only: ['stacking/exclusive-overlap'] });
    expect(found.length).toBeGreaterThan(10);
    for (const d of found) expect(Object.keys(d.data!)).toEqual(['name', 'rank', 'winners', 'more', 'verb', 'window']);
    const windows = new Map<string, number>();
    for (const d of found) windows.set(d.data!.window as string, (windows.get(d.data!.window as string) ?? 0) + 1);
    expect([...windows.values()].some((n) => n > 1)).toBe(true);
  });
});
