import { describe, expect, it } from 'vitest';
import { CustomerCampaigns, Interner } from './distinct.js';
import { SimulationLedger } from './ledger.js';

describe('SimulationLedger', () => {
  const campaigns = [
    { id: 'Promotion/once', limits: { perCustomer: 1 } },
    { id: 'Promotion/free', limits: {} },
    { id: 'Promotion/budget', limits: { budget: { minor: 500, currency: 'EUR' } } },
  ];

  it('counts per customer by interned index, past the first array it allocates', () => {
    const customers = new Interner();
    const ledger = new SimulationLedger(campaigns, customers);
    for (let i = 0; i < 3000; i++) {
      const id = `c-${i}`;
      // The engine asks before the replay interns the customer: a new one has redeemed nothing.
      expect(ledger.customerRedemptions('Promotion/once', id)).toBe(0);
      ledger.record('Promotion/once', customers.index(id), 100);
      ledger.record('Promotion/free', customers.index(id), 0);
    }
    expect(customers.size).toBe(3000);
    expect(ledger.customerRedemptions('Promotion/once', 'c-0')).toBe(1);
    expect(ledger.customerRedemptions('Promotion/once', 'c-2999')).toBe(1);
    expect(ledger.customerRedemptions('Promotion/once', 'never')).toBe(0);
    // Without a per-customer limit nothing is kept per customer.
    expect(ledger.customerRedemptions('Promotion/free', 'c-0')).toBe(0);
    expect([ledger.redemptions('Promotion/once'), ledger.budgetSpent('Promotion/once')]).toEqual([3000, 300_000]);
    // Asking does not intern: "never" is not a customer of the replay.
    expect(customers.size).toBe(3000);
  });

  it('says which limit an application used up', () => {
    const ledger = new SimulationLedger(campaigns, new Interner());
    expect(ledger.record('Promotion/budget', -1, 300)).toBeUndefined();
    expect(ledger.record('Promotion/budget', -1, 200)).toBe('budget');
    expect(ledger.record('Promotion/unknown', -1, 200)).toBeUndefined();
  });
});

describe('Interner', () => {
  it('gives dense indexes in order of first sight, whatever was looked up in between', () => {
    const ids = new Interner();
    expect([ids.index('a'), ids.find('b'), ids.index('b'), ids.index('a'), ids.find('a'), ids.find('c'), ids.index('c')]).toEqual([0, -1, 1, 0, 0, -1, 2]);
    expect(ids.size).toBe(3);
  });

  it('keeps every index through the table growing, asked in any order', () => {
    const ids = new Interner();
    const n = 5000;
    for (let i = 0; i < n; i++) {
      expect(ids.find(`c-${i}`)).toBe(-1);
      expect(ids.index(`c-${i}`)).toBe(i);
      // An older id again, between a miss and its insert, must not disturb either.
      expect(ids.index(`c-${i >> 1}`)).toBe(i >> 1);
    }
    expect(ids.size).toBe(n);
    for (let i = n - 1; i >= 0; i--) expect(ids.find(`c-${i}`)).toBe(i);
    expect([ids.find(''), ids.index(''), ids.find('')]).toEqual([-1, n, n]);
  });

  it('tells apart ids that share their slot words, their hash or their first 20 characters', () => {
    const ids = new Interner();
    const tricky = [
      'a',
      'a\u0000',
      'b',
      'x'.repeat(20),
      'x'.repeat(21),
      `${'x'.repeat(20)}y`,
      'ĉ',
      'c',
      '\u0000',
      '',
      'łódź-1',
      'lodz-1',
      '😀',
      'ÿ'.repeat(20),
      'ÿ'.repeat(19),
    ];
    tricky.forEach((id, i) => expect(ids.index(id)).toBe(i));
    for (let round = 0; round < 2; round++) tricky.forEach((id, i) => expect([ids.find(id), ids.index(id)]).toEqual([i, i]));
    expect(ids.find('x'.repeat(22))).toBe(-1);
    // What an unchecked context may carry as its customer id: never interned, never an error.
    for (const odd of [null, 7, undefined, {}]) expect(ids.find(odd as never)).toBe(-1);
    expect(() => ids.index(null as never)).toThrow(TypeError);
    expect(ids.size).toBe(tricky.length);
  });
});

describe('CustomerCampaigns', () => {
  it('counts each customer once per campaign, past 32 campaigns and the first rows it allocates', () => {
    const seen = new CustomerCampaigns(70);
    for (let customer = 0; customer < 5000; customer++) {
      for (const column of [0, 31, 32, 69])
        if (customer % (column + 1) === 0) {
          seen.add(customer, column);
          seen.add(customer, column);
        }
    }
    expect([seen.count(0), seen.count(31), seen.count(32), seen.count(69), seen.count(1)]).toEqual([5000, 157, 152, 72, 0]);
  });
});
