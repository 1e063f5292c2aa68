import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprintsOf, objectFingerprints, planFingerprint, sourceFingerprint, stalePlanChanges } from './fingerprint.js';

const live = (id: string, fingerprint: string) => ({ id, fingerprint }) as Parameters<typeof objectFingerprints>[0][number];

describe('fingerprints', () => {
  it('do not depend on read order', () => {
    const a = objectFingerprints([live('b', '2'), live('a', '1')]);
    expect(sourceFingerprint(a)).toBe(sourceFingerprint(objectFingerprints([live('a', '1'), live('b', '2')])));
    expect(
      planFingerprint([
        { provider: 'lago', fingerprint: 'x' },
        { provider: 'mobility', fingerprint: 'y' },
      ]),
    ).toMatch(/^[0-9a-f]{64}$/);
  });
  it('of a source, made in one pass, equal sourceFingerprint over objectFingerprints', () => {
    // Ids that repeat, look like array indexes (an object lists those first) or sort by UTF-16 code units.
    const id = fc.oneof(fc.constantFrom('a', 'b', 'A', '10', '2', '02', '__proto__', '\u00e9', '\ud83d\ude00', ''), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(id, fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), maxLength: 16 })), { maxLength: 30 }), (pairs) => {
        const objects = pairs.map(([i, f]) => live(i, f));
        const made = fingerprintsOf(objects);
        expect(JSON.stringify(made.objectFingerprints)).toBe(JSON.stringify(objectFingerprints(objects)));
        expect(made.fingerprint).toBe(sourceFingerprint(objectFingerprints(objects)));
      }),
      { numRuns: 300 },
    );
  });
  it('say which objects changed for a stale plan', () => {
    const saved = [{ provider: 'lago' as const, objectFingerprints: { A: '1', B: '2' } }];
    expect(stalePlanChanges(saved, [{ provider: 'lago', objectFingerprints: { A: '1', B: '2' } }])).toEqual([]);
    expect(stalePlanChanges(saved, [{ provider: 'lago', objectFingerprints: { A: '9', C: '3' } }])).toEqual([
      'lago: C was created since the plan',
      'lago: B was deleted since the plan',
      'lago: A changed since the plan',
    ]);
  });
});
