// src/generated must be exactly what the schemas generate: no stale or hand-edited types.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { generateTypes } from '../src/schema/gen-types.js';

it('src/generated is up to date with schemas/ (run `npm run gen:types`)', async () => {
  const dir = join(import.meta.dirname, '../src/generated');
  const expected = await generateTypes();
  const onDisk = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort();
  expect(onDisk).toEqual([...expected.keys()].sort());
  for (const [name, text] of expected) expect(readFileSync(join(dir, name), 'utf8'), name).toBe(text);
}, 60_000);
