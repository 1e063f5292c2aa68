// How severities are spelled. Output says error, warning, info everywhere (terminal, JSON, Markdown,
// HTML, like SARIF and GitHub annotations); input (--fail-severity, --rule, the config's lint rules)
// takes "warning" and the older "warn" alike. Inside, a Severity stays 'warn'.
import type { Severity } from './diagnostic.js';

export const SEVERITY_WORDS = ['error', 'warning', 'info'] as const;
export type SeverityWord = (typeof SEVERITY_WORDS)[number];

export function severityWord(s: Severity): SeverityWord {
  return s === 'warn' ? 'warning' : s;
}

/** "warning" or "warn" → 'warn'; error and info as they are; anything else undefined. */
export function parseSeverity(text: string): Severity | undefined {
  if (text === 'warning' || text === 'warn') return 'warn';
  return text === 'error' || text === 'info' ? text : undefined;
}
