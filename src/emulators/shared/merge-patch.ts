// RFC 7396 JSON Merge Patch, used by the "edit as if from the dashboard" test control: it changes stored
// objects directly, bypassing the API's validation and immutability rules, as an operator's UI edit would.
import { isRecord } from './input.js';

export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return patch;
  const result: Record<string, unknown> = isRecord(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}
