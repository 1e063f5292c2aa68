// The coverage matrix of the example campaigns prices vehicle rentals: no cell may show a campaign of another
// product (an EV charging code making an e-moped price 0.00, a subscription coupon on a scooter ride).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/project.js';
import { productOf } from '../../src/model/product.js';
import { coverageMatrix } from '../../src/report/coverage.js';
import { buildLoaded } from '../../src/simulate/sides.js';
import { resourceKey } from '../../src/model/resource.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('the coverage matrix of the example campaigns', async () => {
  const loaded = await loadProject({ cwd: ROOT, cache: false });
  const built = buildLoaded(loaded, 'examples', null);
  if (!built.ok) throw new Error(`the examples do not build: ${JSON.stringify(built.diagnostics)}`);
  const userTypes = loaded.model.resources.filter((l) => l.resource.kind === 'UserType').map((l) => l.resource.metadata.name);
  const matrix = coverageMatrix(built.side.engine, built.side.bundle, { userTypes });
  const byId = new Map(loaded.model.resources.map((l) => [resourceKey(l.resource), l.resource]));
  const shown = matrix.cells.flat(2).flatMap((c) => [...c.campaigns, ...(c.bestCode?.campaigns ?? [])]);

  it('shows no campaign of another product in any cell', () => {
    expect(shown.length).toBeGreaterThan(0);
    const foreign = [...new Set(shown)].filter((id) => {
      const r = byId.get(id);
      return r === undefined || (productOf(r).product ?? 'vehicle-rental') !== 'vehicle-rental';
    });
    expect(foreign).toEqual([]);
  });

  it('offers only vehicle-rental codes as the best code of a cell', () => {
    const codes = new Map(loaded.model.resources.map((l) => [(l.resource.spec as { code?: string }).code, l.resource]));
    const best = [...new Set(matrix.cells.flat(2).flatMap((c) => (c.bestCode ? [c.bestCode.code] : [])))];
    expect(
      best.filter((code) => {
        const r = codes.get(code);
        return r === undefined || productOf(r).product !== 'vehicle-rental';
      }),
    ).toEqual([]);
  });
});
