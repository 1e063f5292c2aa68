// HTTP client for the promotions API: Bearer key, `{ data }` envelopes, RFC 9457 problem+json errors.
import { bearerKey } from '../http/auth.js';
import { connectionOptions, HttpClient, type HttpDeps } from '../http/client.js';
import type { Connection } from '../provider.js';

/** Keyset pages hold at most 200. */
export const PROMOTIONS_MAX_LIMIT = 200;

export function promotionsClient(connection: Connection, deps: HttpDeps): HttpClient {
  return new HttpClient({
    provider: 'promotions',
    ...connectionOptions(connection),
    auth: bearerKey(connection.credentials.apiKey ?? ''),
    deps,
    describeError: (body) => {
      if (!body || typeof body !== 'object') return undefined;
      const p = body as { code?: unknown; detail?: unknown; fields?: unknown; request_id?: unknown };
      const fields = Array.isArray(p.fields)
        ? ` (${p.fields.map((f) => `${String((f as { field?: unknown }).field)}: ${String((f as { message?: unknown }).message)}`).join('; ')})`
        : '';
      return typeof p.detail === 'string'
        ? `${String(p.code ?? 'problem')}: ${p.detail}${fields}${p.request_id ? ` [request ${String(p.request_id)}]` : ''}`
        : undefined;
    },
  });
}
