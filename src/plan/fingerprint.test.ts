import { describe, expect, it } from 'vitest';
import { objectFingerprints, planFingerprint, sourceFingerprint, stalePlanChanges } from './fingerprint.js';

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
