// What may be shown of a request: credentials are redacted by the names of headers and query parameters.
import { describe, expect, it } from 'vitest';
import { describeHeaders, redactUrl } from './redact.js';

describe('redactUrl', () => {
  it('redacts sensitive query parameters and user info, keeping everything else as sent', () => {
    expect(redactUrl('https://api.example.com/v1/coupons?page=2&per_page=100')).toBe('https://api.example.com/v1/coupons?page=2&per_page=100');
    expect(redactUrl('https://u:p@api.example.com/x?access_token=abc&api_key=def&apiKey=g&sig=h&cursor=c%2B1&code=SPRING20')).toBe(
      'https://<redacted>@api.example.com/x?access_token=<redacted>&api_key=<redacted>&apiKey=<redacted>&sig=<redacted>&cursor=c%2B1&code=SPRING20',
    );
    expect(redactUrl('https://evil.example/cb#token=abc&state=1')).toBe('https://evil.example/cb#token=<redacted>&state=1');
    expect(redactUrl('/relative?client_secret=x')).toBe('/relative?client_secret=<redacted>');
  });
});

describe('describeHeaders', () => {
  it('never shows a credential header, whatever its casing', () => {
    expect(
      describeHeaders({ Authorization: 'Bearer k', 'X-Api-Key': 'k', cookie: 'sid=1', accept: 'application/json', 'Idempotency-Key': 'promoc-r-s0001' }),
    ).toBe('accept: application/json, authorization: <redacted>, cookie: <redacted>, idempotency-key: promoc-r-s0001, x-api-key: <redacted>');
  });
});
