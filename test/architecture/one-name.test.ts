// One name per thing, one place per job: a resource is named `Kind/name` by resourceKey alone, a saved plan
// is read by readPlanFile alone, located errors are printed by one printErrors. The engine and the emulators
// stand alone and keep their own vocabulary, so they are not scanned.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'engine' || e.name === 'emulators' ? [] : sources(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

const files = sources(SRC).map((f) => ({ file: relative(SRC, f), text: readFileSync(f, 'utf8') }));
const where = (re: RegExp): string[] =>
  files
    .filter((f) => re.test(f.text))
    .map((f) => f.file)
    .sort();
/** `${x.kind}/${x.name}` or `${x.kind}/${x.metadata.name}`, the same x on both sides. */
const INLINE_NAME = /\$\{([\w$.!?[\]]+)\.kind\}\/\$\{\1\.(?:metadata\.)?name\}/;

describe('one name per thing', () => {
  it('a resource is named Kind/name only by resourceKey', () => {
    expect(where(INLINE_NAME)).toEqual(['model/resource.ts']);
  });

  it('a saved plan is read by one function', () => {
    expect(where(/'plan file'/)).toEqual(['plan/plan-file.ts']);
    expect(where(/\bparsePlanFile\(/)).toEqual(['plan/plan-file.ts']);
  });

  it('errors that stop a command are printed by one printErrors', () => {
    expect(where(/function printErrors\b/)).toEqual(['cli/plan-shell.ts']);
  });

  it('the scan sees an inline resource name', () => {
    expect(INLINE_NAME.test('const k = `${r.kind}/${r.metadata.name}`;')).toBe(true);
    expect(INLINE_NAME.test('const k = `${a.kind}/${b.name}`;')).toBe(false);
  });
});
