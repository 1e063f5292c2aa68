// HTTP client for the EV billing API: `Authorization: Bearer <key>`, errors as `{ error: { code, message } }`.
import { bearerKey } from '../http/auth.js';
import { connectionOptions, HttpClient, type HttpDeps } from '../http/client.js';
import type { Connection } from '../provider.js';

export const EV_BASE = '/api/v1/billing';
/** The list endpoints cap `limit` at 100. */
export const EV_MAX_LIMIT = 100;

export function evClient(connection: Connection, deps: HttpDeps): HttpClient {
  const apiKey = connection.credentials.apiKey ?? '';
  return new HttpClient({
    provider: 'ev-billing',
    ...connectionOptions(connection),
    auth: bearerKey(apiKey),
    deps,
    describeError: describeEvError,
  });
}

/**
 * `{ error: { code, message, details?: [{ field, message }] } }` → one line. The summary message only names
 * the fields ("1 invalid field: expires_at"); each field's own reason ("must be after …") is in details.
 */
export function describeEvError(body: unknown): string | undefined {
  const e = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (!e || typeof e.message !== 'string') return undefined;
  const details = Array.isArray(e.details)
    ? e.details
        .filter((d): d is { field: unknown; message: unknown } => typeof d === 'object' && d !== null)
        .map((d) => (typeof d.message === 'string' ? `${String(d.field ?? '?')}: ${d.message}` : undefined))
        .filter((d) => d !== undefined)
    : [];
  return `${String(e.code ?? 'error')}: ${e.message}${details.length > 0 ? ` (${details.join('; ')})` : ''}`;
}
