// How requests are authenticated: a static key, or a token obtained by signing in (cached, refreshed
// once after a 401, and shared by concurrent callers so a burst of requests signs in only once).
import type { Auth, HttpClient } from './client.js';

export function bearerKey(apiKey: string, header: 'authorization' | 'x-api-key' = 'authorization'): Auth {
  const headers: Record<string, string> = header === 'authorization' ? { authorization: `Bearer ${apiKey}` } : { 'x-api-key': apiKey };
  return { headers: async () => headers, invalidate: () => false };
}

export interface Token {
  readonly accessToken: string;
  readonly refreshToken?: string;
  /** Epoch ms after which the token is renewed before use. */
  readonly expiresAt?: number;
}

export interface TokenAuthOptions {
  signIn(client: HttpClient): Promise<Token>;
  /** Trade a refresh token for a new token; on failure promoc signs in again. */
  refresh?(client: HttpClient, refreshToken: string): Promise<Token>;
  now(): number;
}

export function tokenAuth(options: TokenAuthOptions): Auth {
  let token: Token | undefined;
  let pending: Promise<Token> | undefined;
  let stale: Token | undefined;
  const obtain = async (client: HttpClient): Promise<Token> => {
    if (stale?.refreshToken && options.refresh) {
      try { return await options.refresh(client, stale.refreshToken); } catch { /* fall back to a fresh sign-in */ }
    }
    return options.signIn(client);
  };
  return {
    async headers(client) {
      const expired = token?.expiresAt !== undefined && token.expiresAt - 60_000 <= options.now();
      if (!token || expired) {
        if (expired) { stale = token; token = undefined; }
        pending ??= obtain(client).finally(() => { pending = undefined; });
        token = await pending;
        stale = undefined;
      }
      return { authorization: `Bearer ${token.accessToken}` };
    },
    invalidate() {
      stale = token;
      token = undefined;
      return true;
    },
  };
}
