// Every registered provider passes the provider contract against its emulator.
import { afterAll, beforeAll } from 'vitest';
import type { Model } from '../../src/model/resource.js';
import { runProviderContract } from '../../src/providers/__fixtures__/provider-contract.js';
import { PROVIDER_IDS } from '../../src/providers/index.js';
import { fixtureModel, startHarness, type Harness } from './harness.js';
import { seedCreates } from './seed.js';

let model: Model;
let h: Harness;
beforeAll(async () => {
  model = await fixtureModel();
  h = await startHarness(model);
  await seedCreates((await h.plan()).plan!, h.bindings);
});
afterAll(async () => {
  await h.close();
});

for (const id of PROVIDER_IDS) runProviderContract(id, () => ({ binding: h.bindings.find((b) => b.provider === id)!, model }));
