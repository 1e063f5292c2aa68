// Request bodies arrive as text and become `unknown`; the families' readers validate them from there.
import { fail, ok, type Outcome } from './outcome.js';

/** Larger bodies are refused rather than parsed: no documented payload comes close. */
export const MAX_BODY_BYTES = 5_000_000;

export async function readJson(request: Request): Promise<Outcome<unknown, string>> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) return fail(`request body of ${declared} bytes exceeds the ${MAX_BODY_BYTES}-byte limit`);
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return fail(`request body exceeds the ${MAX_BODY_BYTES}-byte limit`);
  if (text.trim() === '') return ok(undefined);
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (error) {
    return fail(`request body is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}
