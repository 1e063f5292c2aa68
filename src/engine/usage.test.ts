import { describe, expect, it } from 'vitest';
import { memoryUsage } from './usage.js';

const limits = { redemptions: 100, perCustomer: 2, budget: { minor: 1000, currency: 'EUR' } };

describe('memoryUsage', () => {
  it('lets exactly one of many reservations take the last redemption', () => {
    const ledger = memoryUsage({ 'Promotion/p': { redemptions: 99 } });
    const results = Array.from({ length: 100 }, (_, i) => ledger.reserve({ campaign: 'Promotion/p', customerId: `c${i}`, amount: 1, limits }));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, reason: 'redemption limit 100 reached' });
  });

  it('counts reservations until released, and keeps committed ones', () => {
    const ledger = memoryUsage();
    const a = ledger.reserve({ campaign: 'Promotion/p', customerId: 'c1', amount: 600, limits });
    expect(a.ok).toBe(true);
    expect(ledger.reserve({ campaign: 'Promotion/p', customerId: 'c2', amount: 600, limits })).toEqual({ ok: false, reason: 'budget spent' });
    if (a.ok) ledger.release(a.id);
    expect([ledger.redemptions('Promotion/p'), ledger.budgetSpent('Promotion/p')]).toEqual([0, 0]);
    const b = ledger.reserve({ campaign: 'Promotion/p', customerId: 'c1', amount: 600, limits });
    if (b.ok) ledger.commit(b.id);
    if (b.ok) ledger.release(b.id); // releasing a committed reservation changes nothing
    expect([ledger.redemptions('Promotion/p'), ledger.customerRedemptions('Promotion/p', 'c1'), ledger.budgetSpent('Promotion/p')]).toEqual([1, 1, 600]);
  });

  it('enforces the per-customer limit and needs a customer for it', () => {
    const ledger = memoryUsage({ 'Promotion/p': { customers: { c1: 2 } } });
    expect(ledger.reserve({ campaign: 'Promotion/p', customerId: 'c1', amount: 0, limits })).toEqual({ ok: false, reason: 'per-customer limit 2 reached' });
    expect(ledger.reserve({ campaign: 'Promotion/p', amount: 0, limits })).toEqual({ ok: false, reason: 'a per-customer limit needs a customer id' });
  });
});
