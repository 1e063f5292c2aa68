// The demo's proposed change (test/fixtures/simulate/proposal) replaces whole files of campaigns/. If a
// campaign it replaces is edited later, the overlay would silently undo that edit; this keeps it honest:
// against the working tree it must change exactly what its README says.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { diffBundles } from '../../src/simulate/changes.js';
import { resolveSides } from '../../src/simulate/resolve.js';

const root = join(import.meta.dirname, '../..');

it('the demo proposal changes SUMMER25, adds the weekend boost and a hub, and nothing else', async () => {
  const sides = await resolveSides(root, {}, { baseDir: root, overlay: join(root, 'test/fixtures/simulate/proposal') });
  if (!sides.ok) throw new Error(sides.diagnostics.map((d) => `${d.file}: ${d.message}`).join('\n'));
  sides.dispose();
  const d = diffBundles(sides.base!.bundle, sides.head.bundle, { base: sides.base!.geometries!, head: sides.head.geometries! });
  const changed = [...d.campaigns].filter(([, c]) => c.change !== 'unchanged').map(([id, c]) => [id, c.change, c.fields ?? []]);
  expect(changed.sort()).toEqual(
    [
      ['Promotion/summer-25', 'changed', ['benefits', 'limits', 'window']],
      ['Promotion/summer-weekend-boost', 'added', []],
    ].sort(),
  );
  expect(d.geofences.map((g) => [g.name, g.change])).toEqual([['berlin-mobility-hubs', 'changed']]);
});
