// Which API a lock stands for. Two target names, two checkouts or two runners that write to the same API
// must meet at the same lock, so its identity is the API itself: the provider, the base URL written one
// canonical way, and the organisation or tenant. The target name is never part of it. Pure.
import { createHash } from 'node:crypto';

export interface ApiIdentity {
  readonly provider: string;
  /** The base URL in canonical form (see normalizeBaseUrl), or `local:<state folder>` for the embedded emulators. */
  readonly baseUrl: string;
  readonly organization?: string;
}

/**
 * Lower-case scheme and host, no default port, no user info, query or fragment, single slashes, no trailing
 * slash: `HTTPS://Api.Example.com:443//v1/` and `https://api.example.com/v1` are one API.
 */
export function normalizeBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw.trim().replace(/\/+$/, '');
  }
  const path = url.pathname.replace(/\/{2,}/g, '/').replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`;
}

export function apiIdentity(provider: string, baseUrl: string, organization: string | undefined): ApiIdentity {
  return { provider, baseUrl: baseUrl.startsWith('local:') ? baseUrl : normalizeBaseUrl(baseUrl), ...(organization ? { organization } : {}) };
}

/** One line naming the API, for messages. */
export function describeApi(id: ApiIdentity): string {
  return `${id.provider} at ${id.baseUrl}${id.organization ? ` (organization ${id.organization})` : ''}`;
}

/** A stable, file-name-safe key for the identity (the same on every machine). */
export function lockKey(id: ApiIdentity): string {
  const text = `${id.provider}\n${id.baseUrl}\n${id.organization ?? ''}`;
  return `${id.provider}-${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
}
