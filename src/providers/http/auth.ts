// How requests are authenticated: a static key, or a token obtained by signing in (cached, refreshed
// once after a 401, and shared by concurrent callers so a burst of requests signs in only once). Issued
// tokens are secrets too: the client keeps them out of its debug lines, errors and what it reads back.
import type { AuthView, CredentialSpec } from '../provider.js';
import type { Auth, HttpClient } from './client.js';

export function bearerKey(apiKey: string, header: 'authorization' | 'x-api-key' = 'authorization'): Auth {
  const headers: Record<string, string> = header === 'authorization' ? { authorization: `Bearer ${apiKey}` } : { 'x-api-key': apiKey };
  return { headers: async () => headers, invalidate: () => false };
}

/** The API-key credential, and how a reviewer sends it by hand: the variable's name, never the key. */
export const API_KEY: readonly CredentialSpec[] = [{ name: 'apiKey', label: 'API key' }];

export function bearerKeyView(_baseUrl: string, variables: Readonly<Record<string, string | undefined>>): AuthView {
  return { auth: { header: 'authorization', value: `Bearer ${variables.apiKey ? `$${variables.apiKey}` : '<redacted>'}` } };
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
  // Every token ever issued, not only the current one: a replaced token may still be valid until it expires.
  const issued = new Set<string>();
  const renew = async (client: HttpClient): Promise<Token> => {
    if (stale?.refreshToken && options.refresh) {
      client.debug.write('auth', `${client.provider}: renewing the access token with the refresh token`);
      try {
        return await options.refresh(client, stale.refreshToken);
      } catch {
        client.debug.write('auth', `${client.provider}: the refresh failed; signing in again`);
      }
    } else {
      client.debug.write('auth', `${client.provider}: signing in`);
    }
    return options.signIn(client);
  };
  const obtain = async (client: HttpClient): Promise<Token> => {
    const t = await renew(client);
    issued.add(t.accessToken);
    if (t.refreshToken) issued.add(t.refreshToken);
    if (client.debug.enabled)
      client.debug.write(
        'auth',
        `${client.provider}: got an access token${t.expiresAt !== undefined ? ` valid until ${new Date(t.expiresAt).toISOString()}` : ''}`,
      );
    return t;
  };
  return {
    async headers(client) {
      const expired = token?.expiresAt !== undefined && token.expiresAt - 60_000 <= options.now();
      if (!token || expired) {
        if (expired) {
          stale = token;
          token = undefined;
        }
        pending ??= obtain(client).finally(() => {
          pending = undefined;
        });
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
    secrets: () => [...issued],
  };
}
