// Numbers for reviewers: money from minor units with thousands separators, signed deltas, counts.
// Shared by the simulation and report views. Pure.
import { currencyExponent, formatMinor } from '../engine/money.js';
import type { MoneyByCurrency } from '../simulate/types.js';

/** 1234567 EUR → "12,345.67 EUR". */
export function money(minor: number, currency: string): string {
  return `${group(formatMinor(minor, currencyExponent(currency)))} ${currency}`;
}

/** Every currency of the map, "0" when empty. */
export function moneyOf(m: MoneyByCurrency | undefined, fallback = ''): string {
  const entries = Object.entries(m ?? {}).filter((e): e is [string, number] => e[1] !== undefined && e[1] !== 0);
  if (entries.length === 0) return fallback === '' ? '0' : money(0, fallback);
  return entries.map(([c, v]) => money(v, c)).join(' + ');
}

/** head − base per currency, signed ("+12.50 EUR", "−3.00 EUR", "±0"). */
export function moneyDelta(base: MoneyByCurrency | undefined, head: MoneyByCurrency | undefined): string {
  const currencies = [...new Set([...Object.keys(base ?? {}), ...Object.keys(head ?? {})])].sort();
  const parts = currencies.map((c) => [c, (head?.[c] ?? 0) - (base?.[c] ?? 0)] as const).filter(([, d]) => d !== 0);
  if (parts.length === 0) return '±0';
  return parts.map(([c, d]) => `${d > 0 ? '+' : '−'}${money(Math.abs(d), c)}`).join(' ');
}

export function countDelta(base: number, head: number): string {
  const d = head - base;
  return d === 0 ? '±0' : d > 0 ? `+${count(d)}` : `−${count(-d)}`;
}

export function count(n: number): string {
  return group(String(n));
}

export function percent(p: number): string {
  return `${p.toFixed(p === Math.round(p) ? 0 : 2)}%`;
}

function group(s: string): string {
  const neg = s.startsWith('-');
  const [int, frac] = (neg ? s.slice(1) : s).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

/** The date part of an RFC 3339 instant. */
export function day(iso: string | undefined): string {
  return iso ? iso.slice(0, 10) : '—';
}
