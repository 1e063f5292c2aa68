// Keeps docs/architecture.md's "adding a provider" checklist true: a provider is one folder, one registry line
// and the schema enums, and nothing outside its folder branches on its id.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROVIDER_IDS, providerFor } from '../../src/providers/index.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');
const schema = (name: string): { $defs?: Record<string, { enum?: string[] }>; properties?: unknown } =>
  JSON.parse(readFileSync(join(ROOT, 'schemas', name), 'utf8'));

/** Files that name a provider id in a comparison on purpose, and why. */
const MAY_NAME_IDS: Readonly<Record<string, string>> = {
  'simulate/catalog.ts': "guesses a sample business line from the campaign's `target` label, not the API it is sent to",
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

describe('adding a provider', () => {
  it('the registry lists the providers the config and plan schemas name, in the same order', () => {
    const config = readFileSync(join(ROOT, 'schemas/config.schema.json'), 'utf8');
    const enumOf = (text: string): string[] => JSON.parse(/"enum":\s*(\[[^\]]*"ev-billing"[^\]]*\])/.exec(text)![1]!) as string[];
    expect(enumOf(config)).toEqual(PROVIDER_IDS);
    expect(schema('plan.schema.json').$defs!.provider!.enum).toEqual(PROVIDER_IDS);
  });

  it.each(PROVIDER_IDS)('%s is one folder: registry entry, client, read, lower, capabilities and writes', (id) => {
    const p = providerFor(id);
    expect(p.id).toBe(id);
    expect(p.capabilities.provider).toBe(id);
    expect(p.writes).toBeDefined();
    expect(p.credentials.length).toBeGreaterThan(0);
    for (const file of ['index.ts', 'client.ts', 'read.ts', 'lower.ts', 'capabilities.ts', 'writes.ts'])
      expect(existsSync(join(SRC, 'providers', id, file)), `src/providers/${id}/${file}`).toBe(true);
  });

  it("nothing outside a provider's folder (and the emulators) branches on its id", () => {
    const ids = PROVIDER_IDS.map((id) => id.replace(/-/g, '\\-')).join('|');
    const branch = new RegExp(`(?:[!=]==\\s*'(?:${ids})'|'(?:${ids})'\\s*[!=]==|case\\s+'(?:${ids})')`);
    const offenders = sources(SRC)
      .map((f) => relative(SRC, f))
      .filter((f) => !f.startsWith('providers/') && !f.startsWith('emulators/') && !f.startsWith('generated/') && !(f in MAY_NAME_IDS))
      .filter((f) => branch.test(readFileSync(join(SRC, f), 'utf8')));
    expect(offenders).toEqual([]);
    const inOtherFolders = sources(join(SRC, 'providers'))
      .map((f) => relative(join(SRC, 'providers'), f))
      .filter((f) => {
        const own = f.split('/')[0];
        const text = readFileSync(join(SRC, 'providers', f), 'utf8');
        return PROVIDER_IDS.some((id) => id !== own && new RegExp(`[!=]==\\s*'${id}'|case\\s+'${id}'`).test(text));
      });
    expect(inOtherFolders).toEqual([]);
  });
});
