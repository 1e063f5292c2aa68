// Property-based fuzzing of the lint stage (`promoc lint`): the example campaigns with values mutated so
// they mostly still pass the schema (windows, codes, money, percentages, limits, stacking, audiences,
// geofence coordinates, subtrees copied between campaigns, cloned documents, suppression comments),
// documents generated from the schemas, and random lint settings. Lint never throws and terminates; every
// finding has a rule id, a severity and a range inside the file it names; linting is deterministic and
// leaves the model as it found it (the model is frozen). Inputs that once failed are kept in test/fixtures/fuzz-corpus/lint/ and
// replayed first.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/lint/registry.js';
import { RUNNER_CHECKS, runLint } from '../../src/lint/runner.js';
import type { LintOptions, TargetRef } from '../../src/lint/settings.js';
import { EXAMPLES, instant, loadFiles, mutateFiles, mutations, PROVIDERS, schemaFile, type Files } from './campaigns.js';
import { corpus, corpusTarget, expectLocated, params } from './fuzz-kit.js';

const NOW = new Date('2027-06-15T00:00:00Z');
const CONFIG = 'promoc.config.yaml';
const RULE_IDS = [...rules.map((r) => r.id as string), ...RUNNER_CHECKS.map((c) => c.id as string)];

/**
 * Lint the files as `promoc lint` does (load, then lint with the earlier diagnostics) and check every finding.
 * The model is frozen (see loadFiles), so a rule that writes to it throws; `twice` also checks determinism.
 */
function check(files: Files, options: LintOptions = { now: NOW }, config?: string, twice = false): void {
  const all = new Map(files);
  if (config !== undefined) all.set(CONFIG, config);
  const loaded = loadFiles(all);
  const run = () =>
    runLint({
      model: loaded.model,
      earlier: loaded.diagnostics,
      options,
      readText: (f) => all.get(f),
      ...(config !== undefined ? { configFile: CONFIG } : {}),
    });
  const report = run();
  for (const d of report.diagnostics) expectLocated(d, (f) => all.get(f));
  expect(report.suppressed).toBeGreaterThanOrEqual(0);
  if (twice) expect(JSON.stringify(run()), 'lint is not deterministic').toBe(JSON.stringify(report));
}

/** Suppression comments inserted above random lines: valid, unknown, malformed, expired, without a reason. */
const directive = fc
  .record({
    line: fc.nat(),
    indent: fc.constantFrom('', '  ', '    '),
    ids: fc.array(fc.oneof(fc.constantFrom(...RULE_IDS), fc.constantFrom('nope/nothing', 'Stacking/Shadowed', 'x', '')), { maxLength: 3 }),
    reason: fc.constantFrom('', ' -- printed on flyers', ' -- ok until 2027-01-01', ' -- ok until 2099-12-31', ' -- ok until 2027-02-30', ' --'),
  })
  .map(({ line, indent, ids, reason }) => ({ line, text: `${indent}# promoc-disable-next-line ${ids.join(', ')}${reason}` }));

function withDirectives(files: Files, changed: readonly string[], ds: readonly { line: number; text: string }[]): Map<string, string> {
  const out = new Map(files);
  const targets = changed.filter((f) => f.endsWith('.yaml'));
  ds.forEach((d, i) => {
    const f = targets[i % Math.max(1, targets.length)];
    if (!f) return;
    const lines = out.get(f)!.split('\n');
    lines.splice(d.line % (lines.length + 1), 0, d.text);
    out.set(f, lines.join('\n'));
  });
  return out;
}

const target: fc.Arbitrary<TargetRef> = fc
  .record({
    name: fc.constantFrom('local', 'staging', 'production'),
    provider: fc.constantFrom(...PROVIDERS),
    kinds: fc.option(fc.subarray(['Promotion', 'Tag', 'UserType', 'GeofencePromotion', 'CodeBatch']), { nil: undefined }),
    selector: fc.option(fc.dictionary(fc.constantFrom('target', 'team'), fc.constantFrom('mobility', 'lago', 'growth', undefined)), { nil: undefined }),
  })
  .map((t) => Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined)) as unknown as TargetRef);

/** Lint settings at and past their bounds, rule severities (some unknown ids, reported in the config file). */
const options = fc
  .record({
    now: instant.map((s) => new Date(s)).filter((d) => !Number.isNaN(d.getTime())),
    rules: fc.dictionary(
      fc.oneof(fc.constantFrom(...RULE_IDS), fc.constantFrom('stacking/shadow', 'geofence/overlaps', 'made/up')),
      fc.constantFrom('error', 'warn', 'info', 'off') as fc.Arbitrary<'error' | 'warn' | 'info' | 'off'>,
      { maxKeys: 6 },
    ),
    only: fc.option(fc.subarray(RULE_IDS, { maxLength: 4 }), { nil: undefined }),
    maxCombinedDiscountPercent: fc.option(fc.constantFrom(0, 1, 50, 100, 100.5, 1000), { nil: undefined }),
    operatingArea: fc.option(
      fc.constantFrom<[number, number, number, number]>([13, 52, 14, 53], [13.39, 52.54, 13.4, 52.55], [-180, -90, 180, 90], [0, 0, 0, 0], [14, 53, 13, 52]),
      { nil: undefined },
    ),
    maxVertices: fc.option(fc.constantFrom(0, 3, 4, 5, 10, 1000), { nil: undefined }),
    minOverlapM2: fc.option(fc.constantFrom(0, 1, 1e6, 1e12), { nil: undefined }),
    targets: fc.option(fc.array(target, { maxLength: 3 }), { nil: undefined }),
    naiveGeometry: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as unknown as LintOptions);

describe('lint stage fuzzing', () => {
  it('replays the corpus of past failures', () => {
    for (const [file, text] of corpus('lint')) check(new Map([...EXAMPLES, [corpusTarget(file, text), text]]));
  });

  it('lints the example campaigns with every finding located', () => {
    check(EXAMPLES, { now: NOW }, undefined, true);
  });

  it('never throws on mutated example campaigns', () => {
    fc.assert(
      fc.property(mutations(4), (ms) => check(mutateFiles(EXAMPLES, ms).files)),
      params(100),
    );
  });

  it('never throws on mutated campaigns with suppression comments', () => {
    fc.assert(
      fc.property(mutations(3), fc.array(directive, { minLength: 1, maxLength: 4 }), (ms, ds) => {
        const { files, changed } = mutateFiles(EXAMPLES, ms);
        check(withDirectives(files, changed, ds));
      }),
      params(40),
    );
  });

  it('never throws on documents generated from the schemas, beside the examples', () => {
    fc.assert(
      fc.property(schemaFile, (generated) => check(new Map([...EXAMPLES, ['campaigns/fuzz/generated.yaml', generated]]))),
      params(60),
    );
  });

  it('never throws with any lint settings', () => {
    fc.assert(
      fc.property(mutations(2), options, (ms, o) => {
        const config = stringify({ apiVersion: 'promoc/v1', kind: 'Config', lint: { rules: o.rules ?? {} } });
        check(mutateFiles(EXAMPLES, ms).files, o, config, true);
      }),
      params(40),
    );
  });
});
