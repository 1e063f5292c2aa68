// Turns a fixture YAML file into the lint model the loader would produce (same parser, schemas, geometry
// resolution), failing loudly if the fixture itself is not a valid project.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { checkFile } from '../../src/load/check-file.js';
import { crossChecks } from '../../src/load/cross-checks.js';
import { resolveGeometries } from '../../src/load/geometry.js';
import { defaultValidator } from '../../src/load/project.js';
import type { AnyResource } from '../../src/generated/index.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { Located, Model } from '../../src/model/resource.js';

export const REPO_ROOT = join(dirname(new URL(import.meta.url).pathname), '..', '..');

export interface Fixture {
  readonly file: string;
  readonly text: string;
  readonly model: Model;
  /** Load diagnostics (a valid fixture has none). */
  readonly problems: readonly Diagnostic[];
  /** From a `# lint-options: {…}` line at the top. */
  readonly options: Record<string, unknown>;
}

export async function loadFixture(abs: string): Promise<Fixture> {
  return modelFromText(relative(REPO_ROOT, abs).split('\\').join('/'), readFileSync(abs, 'utf8'));
}

/** The same for YAML text given inline; `file` is repo-relative (geometry files resolve from the repo root). */
export async function modelFromText(file: string, text: string): Promise<Fixture> {
  const validator = await defaultValidator();
  const checked = checkFile(file, text, validator);
  const resources: Located[] = checked.docs.flatMap((d) => (d.resource ? [{ resource: d.resource as AnyResource, source: { file, docIndex: d.index } }] : []));
  const geo = resolveGeometries(resources, { readText: (p) => ({ text: readFileSync(join(REPO_ROOT, p), 'utf8') }) }, validator);
  // `# fixture-allows: <rule-id> …` lists load problems a fixture needs on purpose (ref/unknown's unknown names).
  const allowed = (/^# fixture-allows: (.*)$/m.exec(text)?.[1] ?? '').split(/\s+/).filter(Boolean);
  const problems = [...checked.diagnostics, ...crossChecks(resources), ...geo.diagnostics].filter((d) => d.severity === 'error' && !allowed.includes(d.ruleId));
  const header = /^# lint-options: (.*)$/m.exec(text);
  return { file, text, model: { resources, geometries: geo.geometries }, problems, options: header ? (JSON.parse(header[1]!) as Record<string, unknown>) : {} };
}

/** Fixtures are linted as of this day. */
export const FIXTURE_NOW = new Date('2027-06-15T00:00:00Z');

export function fixtureDir(ruleId: string): string {
  return join(REPO_ROOT, 'src', 'lint', 'rules', ...ruleId.split('/'));
}

export function fixtureFiles(ruleId: string, kind: 'valid' | 'invalid'): string[] {
  const dir = join(fixtureDir(ruleId), kind);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
        .map((f) => join(dir, f))
    : [];
}
