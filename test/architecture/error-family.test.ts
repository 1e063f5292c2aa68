// Errors are one family: every expected error is a PromocError (exit status and hint), which the CLI prints in
// one place. A class that extends Error directly would reach users as "internal error … a bug".
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BundleError, ContextError } from '../../src/engine/errors.js';
import { PromocError, ProviderError, StalePlanError, InvocationError } from '../../src/model/errors.js';
import { LockHeldError, LockLostError } from '../../src/apply/lock/backend.js';
import { FileRefusal } from '../../src/load/regular-file.js';
import { PlanFileError } from '../../src/plan/plan-file.js';

const SRC = resolve(import.meta.dirname, '../../src');

/** Where `extends Error` is right, and why. */
const ROOTS: Readonly<Record<string, string>> = {
  'engine/promoc-error.ts': 'the family itself',
  'model/errors.ts': 'InternalError: a bug, deliberately outside the family',
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

describe('the error family', () => {
  it('no class outside the family root extends Error (or a built-in error) directly', () => {
    const offenders = sources(SRC)
      .map((f) => relative(SRC, f))
      // The emulators are a separate program (an independent oracle) and import nothing of promoc's.
      .filter((f) => !f.startsWith('emulators/') && !(f in ROOTS))
      .filter((f) => /\bextends\s+(?:Error|TypeError|RangeError|SyntaxError)\b/.test(readFileSync(join(SRC, f), 'utf8')));
    expect(offenders).toEqual([]);
    expect(readFileSync(join(SRC, 'model/errors.ts'), 'utf8').match(/extends Error\b/g)).toHaveLength(1);
  });

  it('carries exit status, hint and extra lines', () => {
    expect(new InvocationError('bad flag', 'use --x')).toMatchObject({ exitStatus: 64, hint: 'use --x' });
    expect(new ProviderError('down', { provider: 'lago', hint: 'retry' })).toMatchObject({ exitStatus: 1, hint: 'retry' });
    expect(new StalePlanError('stale', ['a changed']).detailLines()).toEqual(['  - a changed']);
    for (const e of [new BundleError('parse', 'x', 'h'), new ContextError('lines[0]', 'bad'), new InvocationError('x')]) expect(e).toBeInstanceOf(PromocError);
    const api = { provider: 'lago', baseUrl: 'https://lago.example' };
    expect(new LockHeldError(api, '.promoc/locks/x.json', undefined)).toMatchObject({
      exitStatus: 1,
      hint: expect.stringContaining('remove .promoc/locks/x.json'),
    });
    expect(new LockLostError(api, 'key expired')).toMatchObject({ exitStatus: 1, hint: expect.stringContaining('apply --resume') });
    expect(new FileRefusal('plan file p is a FIFO', 'EFTYPE', 'Give a regular file.')).toMatchObject({
      exitStatus: 1,
      code: 'EFTYPE',
      hint: 'Give a regular file.',
    });
    expect(new PlanFileError('bad plan', 'Pass the file')).toMatchObject({ exitStatus: 1, hint: 'Pass the file' });
  });
});
