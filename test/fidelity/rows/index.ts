// Every API's row cases, and the rows across APIs kept honest by tests elsewhere. Add a case to the API's
// file; the table test (test/fidelity/table.test.ts) checks that every supported or refused row has one.
import type { ApiCases, ElsewhereCase } from '../cases.js';
import { evCases } from './ev-billing.js';
import { lagoCases } from './lago.js';
import { mobilityCases } from './mobility.js';
import { promotionsCases } from './promotions.js';

export const CASES: readonly ApiCases[] = [evCases, lagoCases, promotionsCases, mobilityCases];

export const ACROSS: readonly ElsewhereCase[] = [
  { rows: ['scope.product'], file: 'test/lint/example-products.test.ts', test: 'knows the product of every campaign' },
  { rows: ['scope.lint'], file: 'test/lint/example-products.test.ts', test: 'pairs no campaigns of different products' },
  {
    rows: ['scope.one-api'],
    file: 'test/lint/example-products.test.ts',
    test: 'pairs, through the promoc lint command, no campaigns of different products or of two APIs',
  },
  { rows: ['scope.coverage'], file: 'test/report/example-coverage.test.ts', test: 'shows no campaign of another product in any cell' },
  {
    rows: ['scope.engine'],
    file: 'src/engine/product.test.ts',
    test: 'keeps an automatic campaign of another product out of a rental: not applied, not listed',
  },
];
