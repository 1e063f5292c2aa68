// The report fixture as a ReportInput: test/fixtures/report/{base,head} built in memory with fixed
// revisions, the recorded sessions of test/fixtures/simulate replayed through both, lint at a fixed
// "today", and a saved plan. Everything the markdown and HTML tests render.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runLint } from '../../src/lint/runner.js';
import { optionsFromConfig } from '../../src/lint/settings.js';
import { defaultValidator, loadProject } from '../../src/load/project.js';
import { parsePlanFile } from '../../src/plan/plan-file.js';
import { assembleReport, type AssembleInput } from '../../src/report/assemble.js';
import type { ReportInput } from '../../src/report/types.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { buildLoaded } from '../../src/simulate/sides.js';
import { simulateStream } from '../../src/simulate/stream.js';

export const FIXTURES = join(import.meta.dirname, '../fixtures');

/** A lint finding as lint reports it, fixed here so the golden file follows the report, not lint's wording. */
export const LINT_FINDING: Diagnostic = {
  ruleId: 'stacking/exclusive-overlap',
  severity: 'info',
  file: 'campaigns/campaigns.yaml',
  docIndex: 5,
  path: ['spec', 'stacking', 'priority'],
  range: { start: { line: 52, col: 42 }, end: { line: 52, col: 44 } },
  message:
    'Where both are eligible (from 2027-04-01 until 2027-10-01), "harbour-return" ' +
    '(priority 60, stackable) gives way to non-stackable "staff-half", which goes first.',
  hint: 'Change the priorities, make one of them stackable, or separate their windows.',
};

/** The fixture as the report sees it; `realLint` runs the lint stage instead of using LINT_FINDING. */
export async function fixtureInput(overrides: Partial<AssembleInput> = {}, realLint = false): Promise<ReportInput> {
  const [baseLoaded, headLoaded] = await Promise.all(['base', 'head'].map((s) => loadProject({ cwd: join(FIXTURES, 'report', s), cache: false, workers: 1 })));
  const base = buildLoaded(baseLoaded!, 'main', '1111111111111111111111111111111111111111');
  const head = buildLoaded(headLoaded!, 'feature/spring-push', '2222222222222222222222222222222222222222');
  if (!base.ok || !head.ok) throw new Error('the report fixture does not build');
  const simulation = await simulateStream({
    base: base.side,
    head: head.side,
    chunks: [readFileSync(join(FIXTURES, 'simulate/sessions.ndjson'))],
    format: 'ndjson',
  });
  const loaded = head.loaded;
  const lint = runLint({
    model: loaded.model,
    options: optionsFromConfig(loaded.config, new Date('2027-01-15T00:00:00Z')),
    readText: (f) => readFileSync(join(loaded.root, f), 'utf8'),
    files: loaded.files,
  });
  const plan = parsePlanFile(readFileSync(join(FIXTURES, 'report/plan-staging.json'), 'utf8'), 'plan-staging.json', await defaultValidator());
  return assembleReport({
    head: {
      label: head.side.label,
      engine: head.side.engine,
      bundle: head.side.bundle,
      model: loaded.model,
      files: loaded.stats.files,
      diagnostics: loaded.diagnostics,
    },
    base: { label: base.side.label, bundle: base.side.bundle, model: base.loaded.model },
    lint: realLint ? { diagnostics: lint.diagnostics, suppressed: lint.suppressed } : { diagnostics: [LINT_FINDING], suppressed: 0 },
    plans: [plan],
    simulation,
    coverage: { at: Date.UTC(2027, 3, 2, 12) },
    ...overrides,
  });
}

/** Strings an author or a sessions file could use to break out of a comment or a page. */
export const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '</details><script>alert(2)</script>',
  '[click me](javascript:alert(3))',
  '@everyone please look',
  '\n```\n# injected heading\n',
  '| a | b |',
  '<!-- hidden -->',
  '$\\frac{1}{0}$',
  'bidi \u202e txt.exe',
] as const;
