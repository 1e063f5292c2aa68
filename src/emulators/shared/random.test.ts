import { describe, expect, it } from 'vitest';
import { deriveSeed, randomFromCell, randomUuid, seededRandom } from './random.js';

describe('seeded random', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('continues from persisted state through a cell', () => {
    let state = 7;
    const r = randomFromCell({
      get: () => state,
      set: (s) => {
        state = s;
      },
    });
    const first = r.next();
    const again = randomFromCell({ get: () => 7, set: () => undefined }).next();
    expect(first).toBe(again);
    expect(state).not.toBe(7);
  });

  it('draws v4-shaped UUIDs and derives distinct seeds per salt', () => {
    expect(randomUuid(seededRandom(1))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deriveSeed(1, 'lago')).not.toBe(deriveSeed(1, 'mobility'));
  });
});
