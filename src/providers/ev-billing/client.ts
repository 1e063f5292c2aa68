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
    describeError: (body) => {
      const e = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
      return e && typeof e.message === 'string' ? `${String(e.code ?? 'error')}: ${e.message}` : undefined;
    },
  });
}
