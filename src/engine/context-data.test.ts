import { describe, expect, it } from 'vitest';
import { contextFromData } from './context-data.js';
import { ContextError } from './errors.js';

describe('contextFromData', () => {
  it('reads decimal amounts in the context currency and usage as data', () => {
    const ctx = contextFromData({
      at: '2027-07-01T12:00:00Z',
      currency: 'JPY',
      customer: { id: 'c1' },
      lines: [
        { id: 'a', amount: '500' },
        { id: 'b', amount: 120 },
      ],
      rental: { start: { lon: 13.4, lat: 52.5 } },
      usage: { 'Promotion/p': { redemptions: 3, customerRedemptions: 1, budgetSpent: '200' } },
    });
    expect(ctx.lines.map((l) => l.amount)).toEqual([500, 120]);
    expect(ctx.rental?.start).toEqual({ lon: 13.4, lat: 52.5 });
    expect([ctx.usage?.redemptions('Promotion/p'), ctx.usage?.customerRedemptions('Promotion/p', 'c1'), ctx.usage?.budgetSpent('Promotion/p')]).toEqual([
      3, 1, 200,
    ]);
  });

  it('names the bad field', () => {
    const bad = (data: unknown): string => {
      try {
        contextFromData(data);
      } catch (e) {
        return (e as ContextError).message;
      }
      return 'accepted';
    };
    expect(bad({ at: 'x', currency: 'EUR', lines: [{ id: 'a', amount: '1.001' }] })).toBe('lines[0].amount: "1.001" has 3 decimals; the currency has 2');
    expect(bad({ at: 'x', currency: 'EUR', lines: [], codes: [12345] })).toBe('codes: must be a list of strings');
    expect(bad({ at: 'x', currency: 'EUR', lines: [], rental: { start: [13, 52] } })).toBe('rental.start: must be an object');
    expect(bad({ currency: 'EUR', lines: [] })).toBe('at: is missing');
  });
});
