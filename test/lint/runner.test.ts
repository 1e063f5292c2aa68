import { describe, expect, it } from 'vitest';
import { runLint, runLintReleasing } from '../../src/lint/runner.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { modelFromText } from './fixture-model.js';

const NOW = new Date('2027-06-15T00:00:00Z');
const CAMPAIGNS = `apiVersion: promoc/v1
kind: Promotion
metadata: { name: summer }
spec:
  code: SUMMER25
  benefits: [{ percentOff: 25 }]
---
apiVersion: promoc/v1
kind: Promotion
metadata: { name: summer-partner }
spec:
  # promoc-disable-next-line code/confusable -- printed on partner flyers already
  code: 5UMMERZ5
  benefits: [{ percentOff: 20 }]
---
apiVersion: promoc/v1
kind: Promotion
metadata: { name: welcome }
spec:
  code: WELCOME
  benefits: [{ percentOff: 10 }]
---
apiVersion: promoc/v1
kind: Promotion
metadata: { name: welcome-two }
spec:
  # promoc-disable-next-line code/confusable
  code: WELC0ME
  window: { until: 2027-01-01T00:00:00Z }
  benefits: [{ percentOff: 10 }]
`;
const CONFIG = `apiVersion: promoc/v1
kind: Config
lint:
  rules:
    stacking/exclusive-overlap: off
    stacking/shadow: warn
`;

async function run(extra: Partial<Parameters<typeof runLint>[0]> = {}) {
  const fx = await modelFromText('campaigns/codes.yaml', CAMPAIGNS);
  const texts: Record<string, string> = { 'campaigns/codes.yaml': CAMPAIGNS, 'promoc.config.yaml': CONFIG };
  return runLint({
    model: fx.model,
    options: { now: NOW, rules: { 'stacking/exclusive-overlap': 'off', 'stacking/shadow': 'warn', 'stacking/ambiguous-order': 'off' } },
    readText: (f) => texts[f],
    configFile: 'promoc.config.yaml',
    ...extra,
  });
}

const brief = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.file}:${d.range?.start.line}:${d.range?.start.col} ${d.severity} ${d.ruleId}`);

describe('runLint', () => {
  it('gives the same report when the model is handed over once and let go (as the CLI does)', async () => {
    const fx = await modelFromText('campaigns/codes.yaml', CAMPAIGNS);
    const texts: Record<string, string> = { 'campaigns/codes.yaml': CAMPAIGNS, 'promoc.config.yaml': CONFIG };
    const options = { now: NOW, rules: { 'stacking/exclusive-overlap': 'off', 'stacking/shadow': 'warn' } } as const;
    const rest = { options, readText: (f: string) => texts[f], configFile: 'promoc.config.yaml', files: ['campaigns/codes.yaml'] };
    let taken = 0;
    const released = runLintReleasing(() => {
      taken += 1;
      return fx.model;
    }, rest);
    expect(taken).toBe(1);
    expect(released).toEqual(runLint({ ...rest, model: fx.model }));
    expect(released.diagnostics.length).toBeGreaterThan(3);
  });

  it('locates, suppresses with a reason, reports the suppression without one, and checks the config', async () => {
    const report = await run();
    expect(brief(report.diagnostics)).toEqual([
      'campaigns/codes.yaml:27:3 error suppression/missing-reason',
      'campaigns/codes.yaml:28:9 warn code/confusable',
      'campaigns/codes.yaml:29:20 warn window/expired',
      'promoc.config.yaml:6:5 error lint/unknown-rule',
    ]);
    expect(report.suppressed).toBe(1);
    expect(report.diagnostics.at(-1)!.message).toBe('lint.rules sets "stacking/shadow", which is not a lint rule; did you mean "stacking/shadowed"?');
  });

  it('keeps one finding where an earlier stage already reported the same place', async () => {
    const earlier: Diagnostic = {
      ruleId: 'model/duplicate-code',
      severity: 'error',
      file: 'campaigns/codes.yaml',
      docIndex: 3,
      path: ['spec', 'code'],
      message: 'earlier',
      range: { start: { line: 28, col: 9 }, end: { line: 28, col: 16 } },
    };
    const report = await run({ earlier: [earlier] });
    expect(brief(report.diagnostics).filter((l) => l.includes(':28:9'))).toEqual(['campaigns/codes.yaml:28:9 error model/duplicate-code']);
  });
});
