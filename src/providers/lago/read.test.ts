// Reading Lago's coupons and their applications side by side: which failure a plan reports must not depend on
// which answer came back first.
import { describe, expect, it } from 'vitest';
import { HttpClient, type Fetch } from '../http/client.js';
import { readLago } from './read.js';

const denied = (): Response => new Response(JSON.stringify({ error: 'Unauthorized' }), { status: 401, headers: { 'content-type': 'application/json' } });

function clientAnswering(delays: Record<string, number>): HttpClient {
  const fetch: Fetch = async (url) => {
    const path = new URL(String(url)).pathname;
    await new Promise((resolve) => setTimeout(resolve, delays[path] ?? 0));
    return denied();
  };
  const deps = { fetch, now: () => 0, sleep: async () => undefined, random: () => 0.5 };
  return new HttpClient({ provider: 'lago', baseUrl: 'http://lago.test', deps });
}

describe('readLago', () => {
  it.each([
    ['the applications fail first', { '/coupons': 30, '/applied_coupons': 0 }],
    ['the coupons fail first', { '/coupons': 0, '/applied_coupons': 30 }],
  ])('reports the coupons’ failure when both reads fail and %s', async (_, delays) => {
    await expect(readLago(clientAnswering(delays), {})).rejects.toThrow(/GET \/coupons answered 401/);
  });
});
