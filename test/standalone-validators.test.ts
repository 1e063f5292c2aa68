// The build's precompiled validators must report exactly what runtime ajv reports.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { expect, it } from 'vitest';
import { KINDS, type Kind } from '../src/generated/index.js';
import { generateStandalone } from '../src/schema/gen-validators.js';
import { loadSchemaSet } from '../src/schema/schema-set.js';
import { createValidator, type Precompiled } from '../src/schema/validator.js';

it('standalone validators agree with runtime ajv on every fixture and example', async () => {
  const dir = mkdtempSync(join(import.meta.dirname, '../node_modules/.promoc-standalone-'));
  try {
    const file = join(dir, 'standalone.js');
    writeFileSync(file, generateStandalone());
    const { validators } = (await import(pathToFileURL(file).href)) as { validators: Precompiled };
    const set = loadSchemaSet();
    const runtime = createValidator(set);
    const pre = createValidator(set, validators);
    const roots = [join(import.meta.dirname, 'fixtures/validate'), join(import.meta.dirname, '../campaigns')];
    let compared = 0;
    for (const root of roots) {
      for (const f of readdirSync(root, { recursive: true }) as string[]) {
        if (!f.endsWith('.yaml')) continue;
        for (const doc of parseAllDocuments(readFileSync(join(root, f), 'utf8'))) {
          let value: { kind?: string } | undefined;
          try {
            value = doc.toJS({ maxAliasCount: 200 }) as { kind?: string };
          } catch {
            continue;
          }
          if (!value || !(KINDS as readonly string[]).includes(value.kind ?? '')) continue;
          const strip = (es: readonly { instancePath: string; keyword: string; params: unknown }[]) => es.map((e) => [e.instancePath, e.keyword, e.params]);
          expect(strip(pre.validateResource(value.kind as Kind, value))).toEqual(strip(runtime.validateResource(value.kind as Kind, value)));
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(50);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
