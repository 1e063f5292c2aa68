// {{placeholder}} templates, filled from a finding's data. A placeholder without data stays visible,
// so a missing value shows up in tests instead of printing "undefined".
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

/** "a", "a and b", "a, b and 2 more" */
export function listNames(names: readonly string[], max = 3): string {
  const quoted = names.map((n) => `"${n}"`);
  if (quoted.length <= 1) return quoted.join('');
  if (quoted.length <= max) return `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)!}`;
  return `${quoted.slice(0, max).join(', ')} and ${quoted.length - max} more`;
}
