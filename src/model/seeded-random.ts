// Seeded randomness for synthetic data (benchmarks, property tests, sample sessions): mulberry32,
// one 32-bit word of state, the same sequence on every machine. Never Math.random() in artifacts.

/** A generator of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
