import { describe, expect, it } from 'vitest';
import { serveEmulators } from './serve.js';

describe('serveEmulators', () => {
  it('prints every base URL and credential, serves until stopped, then closes', async () => {
    let out = '';
    let stop!: () => void;
    let ready!: () => void;
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const printed = new Promise<void>((resolve) => {
      ready = resolve;
    });
    const stdout = (t: string) => {
      out += t;
      if (out.includes('Ctrl+C')) ready();
    };
    const running = serveEmulators(
      { providers: ['ev-billing', 'mobility', 'promotions', 'lago'], port: 0, host: '127.0.0.1', apiKey: 'k3y', seed: 1 },
      { stdout, stderr: () => undefined },
      stopped,
    );
    await printed;
    for (const provider of ['ev-billing', 'mobility', 'promotions', 'lago']) expect(out).toMatch(new RegExp(`^${provider}  http://127\\.0\\.0\\.1:\\d+$`, 'm'));
    expect(out).toContain('k3y [read:billing write:billing]');
    expect(out).toContain('k3y-readonly');
    expect(out).toContain('clientId promoc / clientKey k3y');
    const url = out.match(/^lago {2}(\S+)$/m)?.[1] ?? '';
    expect((await fetch(`${url}/api/v1/coupons`, { headers: { authorization: 'Bearer k3y' } })).status).toBe(200);
    stop();
    await running;
    expect(out).toContain('emulators stopped');
    await expect(fetch(`${url}/api/v1/coupons`)).rejects.toThrow();
  });
});
