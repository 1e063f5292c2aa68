// ISO 8601 parsing and formatting shared by the families. Date.parse alone accepts too much
// ("2024", "March 7"), so inputs are checked against the shapes the APIs document first.

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A full date-time with an explicit offset; undefined if the text is not one. */
export function parseDateTime(text: string): Date | undefined {
  if (!DATE_TIME.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/** A date-time, or a bare date read as midnight UTC (filters often take either). */
export function parseDateOrDateTime(text: string): { at: Date; dateOnly: boolean } | undefined {
  if (DATE_ONLY.test(text)) {
    const ms = Date.parse(`${text}T00:00:00Z`);
    return Number.isNaN(ms) ? undefined : { at: new Date(ms), dateOnly: true };
  }
  const at = parseDateTime(text);
  return at ? { at, dateOnly: false } : undefined;
}

/** `2024-08-31T23:59:59Z`: second precision, as the documents' examples show. */
export function isoSeconds(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function isoDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export const DAY_MS = 86_400_000;
