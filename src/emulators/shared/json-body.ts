// Request bodies arrive as text and become `unknown`; the families' readers validate them from there.
import { fail, ok, type Outcome } from './outcome.js';

/** Larger bodies are refused rather than parsed: no documented payload comes close. */
export const MAX_BODY_BYTES = 5_000_000;
/** Deeper bodies are refused: the readers walk bodies recursively, and no documented payload nests past a dozen. */
export const MAX_BODY_DEPTH = 64;

const JSON_TYPE = /^\s*application\/([\w.+-]+\+)?json\s*(;|$)/i;

export async function readJson(request: Request): Promise<Outcome<unknown, string>> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) return fail(`request body of ${declared} bytes exceeds the ${MAX_BODY_BYTES}-byte limit`);
  const text = await request.text();
  // A body declared as something else (text/plain, a form) is refused as the real APIs do, whatever it holds.
  const type = request.headers.get('content-type');
  if (text.trim() !== '' && type !== null && !JSON_TYPE.test(type)) {
    return fail(`request body must be sent as Content-Type: application/json, not ${type.slice(0, 60)}`);
  }
  if (text.length > MAX_BODY_BYTES) return fail(`request body exceeds the ${MAX_BODY_BYTES}-byte limit`);
  if (text.trim() === '') return ok(undefined);
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    return fail(`request body is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (depthOver(text, MAX_BODY_DEPTH)) return fail(`request body nests deeper than ${MAX_BODY_DEPTH} levels`);
  return ok(value);
}

/** Whether the JSON text (already parsed, so well formed) opens more than `max` arrays or objects at once. */
function depthOver(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* backslash */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}
