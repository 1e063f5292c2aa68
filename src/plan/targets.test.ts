import { describe, expect, it } from 'vitest';
import type { PromocConfig } from '../generated/index.js';
import { ProviderError, InvocationError } from '../model/errors.js';
import { pruneSetting, resolveTarget, targetName } from './targets.js';

const config = (targets: Record<string, unknown>, defaultTarget?: string): PromocConfig => ({
  apiVersion: 'promoc/v1',
  kind: 'Config',
  targets: targets as PromocConfig['targets'],
  ...(defaultTarget ? { defaultTarget } : {}),
});

describe('targets', () => {
  it('defaults to --target, then defaultTarget, then the embedded local target', () => {
    expect(targetName(config({}), undefined)).toBe('local');
    expect(targetName(config({}, 'staging'), undefined)).toBe('staging');
    expect(targetName(config({}, 'staging'), 'prod')).toBe('prod');
    expect(resolveTarget(config({}), 'local', {})).toEqual({ name: 'local', local: true });
  });
  it('reads secrets from the named environment variables only', () => {
    const spec = resolveTarget(
      config({
        prod: {
          provider: 'mobility',
          baseUrl: 'https://api.example.com',
          organization: 'acme',
          credentials: { clientIdEnv: 'MOB_ID', clientKeyEnv: 'MOB_KEY' },
          selector: { target: 'mobility' },
        },
      }),
      'prod',
      { MOB_ID: 'id', MOB_KEY: 'key' },
    );
    expect(spec).toMatchObject({
      local: false,
      bindings: [
        {
          provider: 'mobility',
          selector: { target: 'mobility' },
          connection: { baseUrl: 'https://api.example.com/v1/acme', credentials: { clientId: 'id', clientKey: 'key' }, rateLimitPerSecond: 10 },
        },
      ],
    });
    expect(() => resolveTarget(config({ prod: { provider: 'lago', baseUrl: 'https://x', credentials: { apiKeyEnv: 'NOPE' } } }), 'prod', {})).toThrow(
      ProviderError,
    );
    expect(() => resolveTarget(config({ prod: { provider: 'lago', baseUrl: 'https://x' } }), 'prod', {})).toThrow(/no targets.prod.credentials.apiKeyEnv/);
  });
  it('refuses plain http except on loopback, and URLs that carry credentials', () => {
    const t = (baseUrl: string) => () => resolveTarget(config({ t: { provider: 'lago', baseUrl, credentials: { apiKeyEnv: 'K' } } }), 't', { K: 'k' });
    expect(t('http://lago.example.com')).toThrow(InvocationError);
    expect(t('http://127.0.0.1:3000/api/v1')).not.toThrow();
    expect(t('https://user:pw@lago.example.com')).toThrow(/must not carry credentials/);
  });
  it('refuses a query string or fragment in baseUrl without echoing it', () => {
    const t = (baseUrl: string) => () => resolveTarget(config({ t: { provider: 'lago', baseUrl, credentials: { apiKeyEnv: 'K' } } }), 't', { K: 'k' });
    for (const url of ['https://lago.example.com/api/v1?access_token=s3cret', 'https://lago.example.com/api/v1#s3cret', 'https://lago.example.com/api/v1?']) {
      expect(t(url)).toThrow(InvocationError);
      expect(t(url)).toThrow(/must not carry a query string or fragment \(https:\/\/lago\.example\.com\/api\/v1…\)$/);
    }
  });
  it('takes every spelling of a loopback address as loopback, and nothing else', () => {
    const t = (baseUrl: string) => () => resolveTarget(config({ t: { provider: 'lago', baseUrl, credentials: { apiKeyEnv: 'K' } } }), 't', { K: 'k' });
    for (const url of ['http://[::ffff:127.0.0.1]:3000', 'http://127.1.2.3', 'http://[::1]', 'http://localhost:8080/api']) expect(t(url), url).not.toThrow();
    for (const url of ['http://[::ffff:10.0.0.1]', 'http://128.0.0.1', 'http://[::2]', 'http://localhost.example.com'])
      expect(t(url), url).toThrow(/must use https/);
  });
});

describe('credentials split and prune', () => {
  const split = config({
    prod: { provider: 'lago', baseUrl: 'https://lago.example.com', credentials: { read: { apiKeyEnv: 'LAGO_READ' }, write: { apiKeyEnv: 'LAGO_WRITE' } } },
  });
  it('plan reads with the read credentials, apply writes with the write ones', () => {
    const env = { LAGO_READ: 'r', LAGO_WRITE: 'w' };
    const read = resolveTarget(split, 'prod', env);
    const write = resolveTarget(split, 'prod', env, 'write');
    expect(read.local ? undefined : read.bindings[0]!.connection.credentials).toEqual({ apiKey: 'r' });
    expect(write.local ? undefined : write.bindings[0]!.connection.credentials).toEqual({ apiKey: 'w' });
    // A pull-request job has the read secret only: plan works, apply says which variable is missing.
    expect(() => resolveTarget(split, 'prod', { LAGO_READ: 'r' })).not.toThrow();
    expect(() => resolveTarget(split, 'prod', { LAGO_READ: 'r' }, 'write')).toThrow(/LAGO_WRITE \(targets\.prod\.credentials\.write\.apiKeyEnv\) is not set/);
  });

  it('prunes by default; the target, then the flag, override it', () => {
    expect(pruneSetting(config({}), 'local', undefined)).toBe(true);
    const c = { ...config({ keep: { provider: 'lago', baseUrl: 'https://x', prune: true } }), prune: false } as PromocConfig;
    expect(pruneSetting(c, 'other', undefined)).toBe(false);
    expect(pruneSetting(c, 'keep', undefined)).toBe(true);
    expect(pruneSetting(c, 'keep', false)).toBe(false);
  });
});
