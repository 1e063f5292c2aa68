// HTTP client for the mobility API: sign in with the API client's id and key for a 5-hour access token
// (refreshed with the refresh token, or by signing in again after a 401); errors as
// `{ errorCode, userMessage, httpStatus, traceId }`.
import { tokenAuth, type Token } from '../http/auth.js';
import { connectionOptions, HttpClient, type HttpDeps } from '../http/client.js';
import type { Connection } from '../provider.js';

function toToken(body: unknown, now: number): Token {
  const b = (body ?? {}) as { accessToken?: unknown; refreshToken?: unknown; expiresIn?: unknown };
  return {
    accessToken: String(b.accessToken ?? ''),
    ...(typeof b.refreshToken === 'string' ? { refreshToken: b.refreshToken } : {}),
    expiresAt: now + (typeof b.expiresIn === 'number' ? b.expiresIn : 5 * 3600) * 1000,
  };
}

export function mobilityClient(connection: Connection, deps: HttpDeps): HttpClient {
  const auth = tokenAuth({
    now: deps.now,
    async signIn(client) {
      const res = await client.request({
        method: 'POST',
        path: '/auth/sign-in-api-client',
        anonymous: true,
        idempotent: true,
        body: { clientId: connection.credentials.clientId ?? '', clientKey: connection.credentials.clientKey ?? '' },
      });
      return toToken(res.body, deps.now());
    },
    async refresh(client, refreshToken) {
      const res = await client.request({ method: 'POST', path: '/auth/refresh-token', anonymous: true, body: { refreshToken } });
      return toToken(res.body, deps.now());
    },
  });
  return new HttpClient({
    provider: 'mobility',
    ...connectionOptions(connection),
    auth,
    deps,
    describeError: (body) => {
      const b = body as { errorCode?: unknown; userMessage?: unknown; traceId?: unknown } | undefined;
      return b && typeof b.userMessage === 'string'
        ? `${String(b.errorCode ?? 'error')}: ${b.userMessage}${b.traceId ? ` [trace ${String(b.traceId)}]` : ''}`
        : undefined;
    },
  });
}
