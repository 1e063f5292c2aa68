// Dynamo accepts the key as `Authorization: Bearer <key>` or `X-API-Key: <key>`; each key belongs to one
// organisation and carries scopes. No key or an unknown key is 401; a key without the scope is 403.
import { fail, ok, type Outcome } from '../shared/outcome.js';
import type { EvAccount, EvConfig } from './config.js';
import { evError, type EvError } from './errors.js';

export function presentedKey(headers: Headers): string | undefined {
  const auth = headers.get('authorization');
  const bearer = auth?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  return bearer ?? headers.get('x-api-key')?.trim() ?? undefined;
}

export function authenticate(headers: Headers, config: EvConfig, scope: string): Outcome<EvAccount, EvError> {
  const key = presentedKey(headers);
  const unauthorized = { 'www-authenticate': 'Bearer realm="dynamo-csms"' };
  if (!key) return fail(evError(401, 'unauthorized', 'Missing API key: send "Authorization: Bearer <key>" or "X-API-Key: <key>".', { headers: unauthorized }));
  const account = config.accounts.find((a) => a.apiKey === key);
  if (!account) return fail(evError(401, 'unauthorized', 'Invalid API key.', { headers: unauthorized }));
  if (!account.scopes.includes(scope)) {
    return fail(evError(403, 'insufficient_scope', `This API key lacks the ${scope} scope (it has ${account.scopes.join(', ')}).`));
  }
  return ok(account);
}
