// Progress of a replay as text: a bar for a terminal (redrawn in place by the caller), a plain line
// for logs. Pure: the caller measures time and decides when to print.
import type { Progress } from './stream.js';

export function progressBar(p: Progress, totalBytes: number | undefined, elapsedMs: number, width = 28): string {
  const share = totalBytes && totalBytes > 0 ? Math.min(1, p.bytes / totalBytes) : undefined;
  const bar = share === undefined ? '' : `[${'█'.repeat(Math.round(share * width)).padEnd(width, '░')}] ${String(Math.floor(share * 100)).padStart(3)}%  `;
  return `${bar}${p.sessions.toLocaleString('en-US')} sessions  ${rate(p.sessions, elapsedMs)}`;
}

export function progressLine(p: Progress, totalBytes: number | undefined, elapsedMs: number): string {
  const share = totalBytes && totalBytes > 0 ? ` (${Math.floor(Math.min(1, p.bytes / totalBytes) * 100)}%)` : '';
  return `simulate: ${p.sessions.toLocaleString('en-US')} sessions${share}, ${rate(p.sessions, elapsedMs)}`;
}

function rate(sessions: number, ms: number): string {
  return ms > 0 ? `${Math.round((sessions * 1000) / ms).toLocaleString('en-US')}/s` : '';
}

/** Plain lines at every tenth of the input (or every 100,000 sessions when the size is unknown). */
export function plainStep(p: Progress, totalBytes: number | undefined): number {
  return totalBytes && totalBytes > 0 ? Math.floor((p.bytes / totalBytes) * 10) : Math.floor(p.sessions / 100_000);
}
