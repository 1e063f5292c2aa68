// Row cases for mobility (rows of docs/fidelity.md).
import type { ApiCases } from '../cases.js';

export const mobilityCases: ApiCases = {
  provider: 'mobility',
  roundTrips: [],
  refusals: [],
  scenarios: [],
};
