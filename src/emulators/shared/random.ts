// Seeded randomness. Logic never calls Math.random(): ids and fault decisions come from these generators,
// so a fixed seed gives the same ids and the same faults on every run.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
}

/** mulberry32: one 32-bit word of state, small and good enough for ids and fault dice. */
export function step(state: number): { value: number; state: number } {
  const a = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(a ^ (a >>> 15), 1 | a);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return { value: ((t ^ (t >>> 14)) >>> 0) / 4294967296, state: a };
}

/** A generator whose state lives elsewhere (e.g. in the persisted emulator state, so ids never repeat after a restart). */
export function randomFromCell(cell: { get(): number; set(state: number): void }): Random {
  return {
    next() {
      const r = step(cell.get());
      cell.set(r.state);
      return r.value;
    },
  };
}

export function seededRandom(seed: number): Random & { readonly state: number } {
  let state = seed | 0;
  return {
    get state() {
      return state;
    },
    next() {
      const r = step(state);
      state = r.state;
      return r.value;
    },
  };
}

/** Mix a family name into a seed so each family draws its own stream from one user seed. */
export function deriveSeed(seed: number, salt: string): number {
  let h = (seed ^ 0x9e3779b9) | 0;
  for (let i = 0; i < salt.length; i++) h = Math.imul(h ^ salt.charCodeAt(i), 0x01000193);
  return h | 0;
}

export function randomInt(random: Random, maxExclusive: number): number {
  return Math.floor(random.next() * maxExclusive);
}

export function randomString(random: Random, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(random, alphabet.length)];
  return out;
}

/** An RFC 4122 version-4 shaped UUID drawn from the seeded generator. */
export function randomUuid(random: Random): string {
  const hex = randomString(random, '0123456789abcdef', 32).split('');
  hex[12] = '4';
  hex[16] = '89ab'[randomInt(random, 4)] ?? '8';
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
