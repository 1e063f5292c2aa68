import { describe, expect, it } from 'vitest';
import { apiIdentity, lockKey, normalizeBaseUrl } from './identity.js';

describe('lock identity', () => {
  it('is the API, written one way: scheme and host case, default port, slashes, query', () => {
    for (const url of ['HTTPS://Api.Example.com:443//v1/', 'https://api.example.com/v1', 'https://api.example.com/v1?x=1#y'])
      expect(normalizeBaseUrl(url)).toBe('https://api.example.com/v1');
    expect(normalizeBaseUrl('https://api.example.com:8443/v1')).toBe('https://api.example.com:8443/v1');
  });

  it('never depends on the target name; provider, URL and organisation each make another lock', () => {
    const a = lockKey(apiIdentity('lago', 'https://lago.example.com/api/v1/', undefined));
    expect(lockKey(apiIdentity('lago', 'https://LAGO.example.com/api/v1', undefined))).toBe(a);
    expect(lockKey(apiIdentity('promotions', 'https://lago.example.com/api/v1', undefined))).not.toBe(a);
    expect(lockKey(apiIdentity('lago', 'https://lago.example.com/api/v2', undefined))).not.toBe(a);
    expect(lockKey(apiIdentity('lago', 'https://lago.example.com/api/v1', 'acme'))).not.toBe(a);
    expect(a).toMatch(/^lago-[0-9a-f]{32}$/);
  });
});
