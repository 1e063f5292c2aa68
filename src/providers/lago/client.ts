// HTTP client for Lago: Bearer API key, bodies wrapped in a root key, errors `{ status, error, code, error_details }`.
import { bearerKey } from '../http/auth.js';
import { connectionOptions, HttpClient, type HttpDeps } from '../http/client.js';
import type { Connection } from '../provider.js';

export function lagoClient(connection: Connection, deps: HttpDeps): HttpClient {
  return new HttpClient({
    provider: 'lago',
    ...connectionOptions(connection),
    auth: bearerKey(connection.credentials.apiKey ?? ''),
    deps,
    describeError: (body) => {
      if (!body || typeof body !== 'object') return undefined;
      const b = body as { error?: unknown; code?: unknown; error_details?: unknown };
      const details =
        b.error_details && typeof b.error_details === 'object'
          ? Object.entries(b.error_details as Record<string, unknown>)
              .map(([f, codes]) => `${f}: ${Array.isArray(codes) ? codes.join(', ') : String(codes)}`)
              .join('; ')
          : undefined;
      return [b.error, b.code, details].filter((x) => typeof x === 'string' && x !== '').join(' — ') || undefined;
    },
  });
}
