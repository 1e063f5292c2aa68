// With a data directory, each family keeps one JSON file, written atomically after every change, and a
// restart picks the state (and the id generator) up where it stopped.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulators } from './index.js';
import { call, fakeClock, obj } from './shared/testing.js';

const clock = fakeClock('2027-01-15T10:00:00Z');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'promoc-emulators-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const evCode = (base: string, code: string) =>
  call(`${base}/api/v1/billing/promotional-codes`, {
    headers: { authorization: 'Bearer dyn_test_promoc' },
    body: { code, discount_type: 'percent', discount_value: 10 },
  });

describe('persistence', () => {
  it('keeps state, tokens and fresh ids across a restart', async () => {
    const first = await startEmulators({ dataDir: dir, now: clock.now, providers: ['ev-billing', 'mobility'] });
    const a = obj((await evCode(first.endpoint('ev-billing').baseUrl, 'BEFORE')).body);
    const signIn = await call(`${first.endpoint('mobility').apiBaseUrl}/auth/sign-in-api-client`, { body: { clientId: 'promoc', clientKey: 'promoc-secret' } });
    const token = String(obj(signIn.body).accessToken);
    await first.close();
    expect((await readdir(dir)).sort()).toEqual(['ev-billing.json', 'mobility.json']);
    expect(obj(JSON.parse(await readFile(join(dir, 'ev-billing.json'), 'utf8'))).format).toBe('promoc-emulator/v1');

    const second = await startEmulators({ dataDir: dir, now: clock.now, providers: ['ev-billing', 'mobility'] });
    const ev = second.endpoint('ev-billing').baseUrl;
    const list = obj((await call(`${ev}/api/v1/billing/promotional-codes`, { headers: { authorization: 'Bearer dyn_test_promoc' } })).body);
    expect(list.total).toBe(1);
    const b = obj((await evCode(ev, 'AFTER')).body);
    expect(b.code_id).not.toBe(a.code_id);
    expect((await call(`${second.endpoint('mobility').apiBaseUrl}/voucherables`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    await second.close();
  });

  it('refuses to start on a corrupt or foreign state file', async () => {
    await writeFile(join(dir, 'lago.json'), '{"torn":');
    await expect(startEmulators({ dataDir: dir, providers: ['lago'] })).rejects.toThrow(/lago\.json is not valid JSON/);
    await writeFile(join(dir, 'lago.json'), JSON.stringify({ format: 'promoc-emulator/v1', provider: 'mobility', random: 1, tenants: {} }));
    await expect(startEmulators({ dataDir: dir, providers: ['lago'] })).rejects.toThrow(/belongs to the mobility emulator/);
  });

  it('fails cleanly when the port is taken', async () => {
    const first = await startEmulators({ providers: ['lago'] });
    const port = Number(new URL(first.endpoint('lago').baseUrl).port);
    await expect(startEmulators({ providers: ['lago'], port: port - 3 })).rejects.toThrow(/EADDRINUSE/);
    await first.close();
  });
});
