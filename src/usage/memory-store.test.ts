import { describe, expect, it } from 'vitest';
import { runUsageContract } from './__fixtures__/usage-contract.js';
import { memoryStore } from './memory-store.js';

runUsageContract({ name: 'memory', make: (seed) => Promise.resolve(memoryStore(seed)) });

describe('memoryStore', () => {
  it('shares its counters with the engine ledger it wraps', async () => {
    const store = memoryStore();
    await store.reserve({ campaign: 'Promotion/p', customerId: 'a', amount: 7, limits: {} });
    expect([store.ledger.redemptions('Promotion/p'), store.ledger.budgetSpent('Promotion/p')]).toEqual([1, 7]);
  });
});
