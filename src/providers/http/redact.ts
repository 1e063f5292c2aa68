// What of a request may be shown in a debug line or an error message. Header values and query parameters
// that can carry credentials are replaced by `<redacted>` by their *names*, whatever their values: this
// holds for credentials promoc never heard of (a session cookie a proxy set, a signed URL). The secret
// scrubber (model/secret-scrubber.ts), which knows the configured values, is the second line of defence.

export const REDACTED = '<redacted>';

// Authorization, Proxy-Authorization, X-Api-Key, Cookie, X-Auth-Token, access_token, client_secret,
// signature, sig, ... An idempotency key is an id, not a credential, and it is what one greps for when
// debugging a resumed apply.
const SENSITIVE = /auth|token|secret|passw|cookie|session|signature|credential|apikey|(^|[-_])(api[-_]?)?key$|^sig$/i;
const NOT_SECRET = new Set(['idempotency-key']);

export function isSensitiveName(name: string): boolean {
  return SENSITIVE.test(name) && !NOT_SECRET.has(name.toLowerCase());
}

/** Headers as `name: value` pairs, sorted by name, credentials redacted. Never logs them raw. */
export function describeHeaders(headers: Readonly<Record<string, string>>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name.toLowerCase()}: ${isSensitiveName(name) ? REDACTED : value}`)
    .sort()
    .join(', ');
}

/** The URL with user info and the values of sensitive query parameters redacted; the rest is kept as sent. */
export function redactUrl(url: string): string {
  const hash = url.indexOf('#');
  const withoutFragment = hash < 0 ? url : url.slice(0, hash);
  const fragment = hash < 0 ? '' : `#${redactParams(url.slice(hash + 1))}`;
  const query = withoutFragment.indexOf('?');
  const head = (query < 0 ? withoutFragment : withoutFragment.slice(0, query)).replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/?#]*@/i, `$1${REDACTED}@`);
  return query < 0 ? `${head}${fragment}` : `${head}?${redactParams(withoutFragment.slice(query + 1))}${fragment}`;
}

/** `a=1&access_token=x` → `a=1&access_token=<redacted>`; pairs are kept in their original encoding. */
function redactParams(params: string): string {
  return params
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      return isSensitiveName(decodeName(pair.slice(0, eq))) ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
    })
    .join('&');
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}
