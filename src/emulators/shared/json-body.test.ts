import { describe, expect, it } from 'vitest';
import { MAX_BODY_DEPTH, readJson } from './json-body.js';

const request = (body: string): Request => new Request('http://emulator.test/x', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('readJson', () => {
  it('reads a body, and an empty one as nothing', async () => {
    expect(await readJson(request('{"a":[1,{"b":"c"}]}'))).toEqual({ ok: true, value: { a: [1, { b: 'c' }] } });
    expect(await readJson(request('  '))).toEqual({ ok: true, value: undefined });
  });

  it('refuses a body nested deeper than the readers walk (a 400, not a stack overflow and a 500)', async () => {
    expect((await readJson(request(nested(MAX_BODY_DEPTH)))).ok).toBe(true);
    expect(await readJson(request(nested(20_000)))).toEqual({ ok: false, error: `request body nests deeper than ${MAX_BODY_DEPTH} levels` });
    // Brackets inside strings, escaped quotes included, do not count.
    expect((await readJson(request(JSON.stringify({ s: `\\"${'['.repeat(500)}` })))).ok).toBe(true);
  });

  it('refuses text that is not JSON', async () => {
    expect(await readJson(request('{"a":'))).toMatchObject({ ok: false, error: expect.stringContaining('request body is not valid JSON') });
  });
});
