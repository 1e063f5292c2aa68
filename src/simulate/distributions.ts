// Seeded randomness and the shapes of a city's month: when people ride and charge (commute peaks, a
// lunch bump, a nightlife tail, busier weekends), how long, and Berlin's UTC offset. No Math.random:
// the same seed gives the same sessions on every machine.
import { random } from '../bundle/synthetic.js';

export type Rng = () => number;

export function rng(seed: number): Rng {
  return random(seed);
}

/** A seed for item `i` of stream `seed`, so per-customer traits need no table (splitmix-style mix). */
export function subSeed(seed: number, i: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

export function pick<T>(r: Rng, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

export function weighted<T>(r: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return items[items.length - 1]![0];
}

export function normal(r: Rng): number {
  const u = 1 - r();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}

/** Log-normal around a median, clamped. */
export function logNormal(r: Rng, median: number, sigma: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, median * Math.exp(sigma * normal(r))));
}

/** Hours of the local day (fractional): morning and evening commute, lunch, an evening/night tail. */
const HOUR_MIX: readonly (readonly [readonly [number, number], number])[] = [
  [[8.2, 1.1], 0.24],
  [[13, 1.5], 0.14],
  [[18, 1.4], 0.3],
  [[21.5, 2], 0.17],
  [[15, 4.5], 0.15],
];

/** Weekends: a late start, an afternoon plateau and the nightlife peak after 23:00. */
const WEEKEND_MIX: readonly (readonly [readonly [number, number], number])[] = [
  [[12, 2.5], 0.45],
  [[17, 2.5], 0.33],
  [[23.6, 1.6], 0.22],
];

export function localHour(r: Rng, weekend: boolean): number {
  const [mean, sd] = weighted(r, weekend ? WEEKEND_MIX : HOUR_MIX);
  const h = mean + sd * normal(r);
  return ((h % 24) + 24) % 24;
}

/** Relative traffic by UTC weekday (0 = Sunday): weekends and Fridays are busier. */
const WEEKDAY = [0.9, 1, 1, 1, 1.02, 1.1, 1.15];

/** Sessions per day of [from, from + days), summing to exactly `count` (largest remainder). */
export function sessionsPerDay(count: number, from: number, days: number): number[] {
  const weights = Array.from({ length: days }, (_, d) => WEEKDAY[new Date(from + d * 86_400_000).getUTCDay()]!);
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (count * w) / total);
  const out = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0, left = count - out.reduce((a, b) => a + b, 0); k < left; k++) out[order[k]![1]]! += 1;
  return out;
}

/** Europe/Berlin offset in hours: +2 from the last Sunday of March to the last Sunday of October (01:00 UTC), else +1. */
export function berlinOffset(utc: number): number {
  const y = new Date(utc).getUTCFullYear();
  const lastSunday = (month: number): number => {
    const end = Date.UTC(y, month + 1, 0, 1);
    return end - new Date(end).getUTCDay() * 86_400_000;
  };
  return utc >= lastSunday(2) && utc < lastSunday(9) ? 2 : 1;
}

/** Days in the UTC month starting at `from`. */
export function daysInMonth(from: number): number {
  const d = new Date(from);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).getTime() / 86_400_000 - from / 86_400_000;
}
