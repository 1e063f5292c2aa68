import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { docsBase, sarifRules } from '../../src/cli/rule-docs.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { renderGithub } from '../../src/render/diagnostics-github.js';
import { renderDiagnosticsJson } from '../../src/render/diagnostics-json.js';
import { renderMarkdown } from '../../src/render/diagnostics-markdown.js';
import { renderSarif } from '../../src/render/diagnostics-sarif.js';
import { rules } from '../../src/lint/registry.js';

const range = (line: number, col: number, endCol = col + 5) => ({ start: { line, col }, end: { line, col: endCol } });

const diags: Diagnostic[] = [
  {
    ruleId: 'stacking/shadowed',
    severity: 'error',
    file: 'campaigns/summer sale.yaml',
    range: range(12, 7),
    message: '"summer-10" can never apply: "always-free" goes first, 100% | more',
    hint: 'Raise its priority.',
    data: { name: 'summer-10' },
    related: [{ file: 'campaigns/always.yaml', range: range(3, 5), message: '"always-free" wins' }],
    ...{ messageId: 'shadowed' },
  },
  { ruleId: 'geofence/overlap', severity: 'warn', file: 'campaigns/zones.yaml', range: range(4, 22), message: 'two zones overlap:\nby 12 m², 50%' },
  { ruleId: 'stacking/exclusive-overlap', severity: 'info', file: 'campaigns/b.yaml', range: range(1, 1), message: 'info, with, commas' },
  { ruleId: 'schema/required', severity: 'error', file: 'campaigns/c.yaml', message: 'no range here' },
  { ruleId: 'lint/unknown-rule', severity: 'error', file: '', message: 'not about a file' },
];

describe('renderSarif', () => {
  const schema = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: false });
  // ajv-formats is CommonJS: its function is the module itself or its default, depending on the loader.
  const addFormats = ((addFormatsModule as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv) => Ajv;
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it('produces a log that is valid SARIF 2.1.0', () => {
    const log = JSON.parse(renderSarif(diags, { toolVersion: '0.1.0', rules: sarifRules(), informationUri: 'https://promoc.dev/' })) as unknown;
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('rejects what is not SARIF (the schema is not a rubber stamp)', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(
      validate({
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: 'x' } },
            results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a' }, region: { startLine: 0 } } }] }],
          },
        ],
      }),
    ).toBe(false);
  });

  it('is valid with no findings too', () => {
    expect(validate(JSON.parse(renderSarif([], { toolVersion: '0.1.0', rules: sarifRules() })))).toBe(true);
  });

  it('describes every rule, points results at them and maps severities to levels', () => {
    const log = JSON.parse(renderSarif(diags, { toolVersion: '0.1.0', rules: sarifRules() })) as {
      runs: {
        tool: { driver: { rules: { id: string; helpUri?: string }[] } };
        results: {
          ruleId: string;
          ruleIndex: number;
          level: string;
          locations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[];
        }[];
      }[];
    };
    const run = log.runs[0]!;
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
    expect(run.results.map((r) => r.level)).toEqual(['error', 'warning', 'note', 'error', 'error']);
    expect(run.results[0]!.locations![0]!.physicalLocation.artifactLocation.uri).toBe('campaigns/summer%20sale.yaml');
    expect(run.results[3]!.locations![0]!.physicalLocation.region).toBeUndefined();
    expect(run.results[4]!.locations).toBeUndefined();
  });

  it("carries each rule's docs: a full description and help in text and Markdown from docs/rules/", () => {
    const log = JSON.parse(renderSarif(diags, { toolVersion: '0.1.0', rules: sarifRules() })) as {
      runs: {
        tool: { driver: { rules: { id: string; fullDescription?: { text: string }; help?: { text: string; markdown: string }; helpUri?: string }[] } };
      }[];
    };
    const described = log.runs[0]!.tool.driver.rules.filter((r) => r.help);
    expect(described.length).toBe(sarifRules().length);
    const shadowed = described.find((r) => r.id === 'stacking/shadowed')!;
    expect(shadowed.help!.markdown).toBe(readFileSync(join(import.meta.dirname, '../../docs/rules/stacking/shadowed.md'), 'utf8'));
    expect(shadowed.help!.text).toContain(rules.find((r) => r.id === 'stacking/shadowed')!.description);
    expect(shadowed.fullDescription!.text.length).toBeGreaterThan(40);
    expect(shadowed.fullDescription!.text).not.toContain('\n');
    // package.json names no repository, so no rule links to a host that does not resolve.
    expect(described.every((r) => r.helpUri === undefined)).toBe(true);
  });

  it('links rule docs only where package.json says the repository is', () => {
    expect(docsBase({})).toBeUndefined();
    expect(docsBase({ repository: 'git+https://github.com/voltway/promoc.git' })).toBe('https://github.com/voltway/promoc/blob/HEAD/docs/rules/');
    expect(docsBase({ repository: { url: 'https://github.com/voltway/tools', directory: 'packages/promoc' } })).toBe(
      'https://github.com/voltway/tools/blob/HEAD/packages/promoc/docs/rules/',
    );
    expect(docsBase({ repository: 'file:../promoc' })).toBeUndefined();
  });
});

describe('renderGithub', () => {
  it('writes one workflow command per finding, escaping data and properties', () => {
    const out = renderGithub(diags).split('\n');
    expect(out[0]).toBe(
      '::error file=campaigns/summer sale.yaml,line=12,col=7,endLine=12,endColumn=12,title=stacking/shadowed::"summer-10" ' +
        'can never apply: "always-free" goes first, 100%25 | more%0ARaise its priority.',
    );
    expect(out[1]).toBe(
      '::warning file=campaigns/zones.yaml,line=4,col=22,endLine=4,endColumn=27,title=geofence/overlap::two zones overlap:%0Aby 12 m², 50%25',
    );
    expect(out[2]).toMatch(/^::notice file=campaigns\/b.yaml,/);
    expect(out[3]).toBe('::error file=campaigns/c.yaml,title=schema/required::no range here');
    expect(out[4]).toBe('::error title=lint/unknown-rule::not about a file');
  });
});

describe('renderDiagnosticsJson', () => {
  it('is one envelope, {diagnostics, summary}, with severities spelled error, warning, info', () => {
    const out = JSON.parse(renderDiagnosticsJson(diags, { files: 3, suppressed: 1 })) as {
      diagnostics: { severity: string }[];
      summary: Record<string, number>;
    };
    expect(out.summary).toEqual({ files: 3, suppressed: 1, errors: 3, warnings: 1, infos: 1 });
    expect(out.diagnostics.map((d) => d.severity)).toEqual(['error', 'warning', 'info', 'error', 'error']);
  });

  it('spells out locations and keeps message ids and data', () => {
    const out = (JSON.parse(renderDiagnosticsJson(diags, { files: 3 })) as { diagnostics: Record<string, unknown>[] }).diagnostics;
    expect(out[0]).toMatchObject({
      ruleId: 'stacking/shadowed',
      messageId: 'shadowed',
      line: 12,
      column: 7,
      endLine: 12,
      endColumn: 12,
      hint: 'Raise its priority.',
      data: { name: 'summer-10' },
      related: [{ file: 'campaigns/always.yaml', line: 3, column: 5 }],
    });
    expect(out[3]).not.toHaveProperty('line');
  });
});

describe('renderMarkdown', () => {
  it('summarises and renders one escaped table row per finding', () => {
    const md = renderMarkdown(diags);
    expect(md).toContain('### promoc lint: 3 errors, 1 warning, 1 info');
    expect(md).toContain(
      '| **error** | `campaigns/summer sale.yaml:12:7` | `stacking/shadowed` | "summer-10" ' +
        'can never apply: "always-free" goes first, 100% \\| more<br>*Raise its priority.* |',
    );
    expect(md).toContain('two zones overlap:<br>by 12 m², 50%');
  });

  it('stays under the size limit and says how many findings it left out', () => {
    const many = Array.from({ length: 2000 }, (_, i) => ({ ...diags[1]!, message: `finding number ${i} ${'x'.repeat(60)}` }));
    const md = renderMarkdown(many, { maxLength: 20_000 });
    expect(md.length).toBeLessThanOrEqual(20_000);
    expect(md).toMatch(/… and \d+ more findings not shown/);
  });

  it('says so when there is nothing to report', () => {
    expect(renderMarkdown([])).toContain('No problems found.');
  });
});
