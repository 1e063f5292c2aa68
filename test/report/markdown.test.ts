import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { ReportInput } from '../../src/report/types.js';
import { codeText, mdText } from '../../src/render/report-escape.js';
import { REPORT_MARKER, renderReportMarkdown } from '../../src/render/report-markdown.js';
import { renderSimulationMarkdown } from '../../src/render/simulation-markdown.js';
import { sourceUrlFromEnv } from '../../src/report/source-url.js';
import { expectGolden } from '../helpers/golden.js';
import { FIXTURES, fixtureInput, HOSTILE } from './fixture.js';

let input: ReportInput;
beforeAll(async () => {
  input = await fixtureInput();
});

describe('the PR comment', () => {
  it('renders the fixture as the golden file', () => {
    const parts = renderReportMarkdown(input);
    expect(parts).toHaveLength(1);
    expectGolden(join(FIXTURES, 'report/expected.md'), parts[0]!);
  });

  it('composes what the lint stage really finds', async () => {
    const real = await fixtureInput({}, true);
    expect(real.lint!.diagnostics.length).toBeGreaterThan(0);
    expect(renderReportMarkdown(real)[0]).toContain(`Lint: ${real.lint!.diagnostics.length} finding`);
  });

  it('puts the summary on top and every view in a collapsible section', () => {
    const md = renderReportMarkdown(input)[0]!;
    expect(md.startsWith(`${REPORT_MARKER}\n## promoc report`)).toBe(true);
    const order = [
      '| Validate |',
      '| Lint |',
      '| Plan · staging |',
      '| Simulate |',
      '### What changes',
      'Simulation:',
      'Changed geofences (1)',
      'Campaign windows',
      'Coverage: who pays what, where',
      'Lint: ',
      'Plan · target staging',
    ];
    const at = order.map((s) => md.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(md.split('<details').length).toBe(md.split('</details>').length);
    expect(md).toContain('```geojson\n{"type":"FeatureCollection"');
  });

  it('splits into numbered parts under the limit, summarising what does not fit', () => {
    const many: Diagnostic[] = Array.from({ length: 400 }, (_, i) => ({
      ruleId: 'stacking/shadowed',
      severity: 'warn',
      file: `campaigns/c${i}.yaml`,
      message: `campaign c${i} is shadowed by something rather long to make the row wide enough`,
      range: { start: { line: 1, col: 1 }, end: { line: 1, col: 2 } },
    }));
    const big = { ...input, lint: { diagnostics: many, suppressed: 0 }, plans: [input.plans[0]!, { ...input.plans[0]!, target: 'production' }] };
    const parts = renderReportMarkdown(big, { limit: 6_000 });
    expect(parts.length).toBeGreaterThan(2);
    for (const [i, p] of parts.entries()) {
      expect(p.length).toBeLessThanOrEqual(6_000);
      expect(p.split('<details').length).toBe(p.split('</details>').length);
      expect(p.startsWith(i === 0 ? `${REPORT_MARKER}\n` : `<!-- promoc-report part ${i + 1} -->`)).toBe(true);
    }
    expect(parts[0]).toContain('| Stage | Result |');
    const all = parts.join('');
    expect(all).toContain('Plan · target production');
    expect(all).toMatch(/… and \d+ more \(see the CI log or the SARIF report\)/);
  });

  it("stays under GitHub's limit however much there is", () => {
    const huge: Diagnostic[] = Array.from({ length: 20_000 }, (_, i) => ({ ruleId: 'x/y', severity: 'info', file: `f${i}.yaml`, message: 'm'.repeat(200) }));
    for (const p of renderReportMarkdown({ ...input, lint: { diagnostics: huge, suppressed: 0 } })) expect(p.length).toBeLessThan(65_536);
  });
});

describe('lint in the comment', () => {
  const diags: Diagnostic[] = [
    {
      ruleId: 'window/expired',
      severity: 'info',
      file: 'campaigns/a.yaml',
      message: 'first info',
      range: { start: { line: 3, col: 1 }, end: { line: 3, col: 2 } },
    },
    {
      ruleId: 'stacking/shadowed',
      severity: 'warn',
      file: 'campaigns/b (old).yaml',
      message: 'the warning',
      range: { start: { line: 9, col: 5 }, end: { line: 9, col: 9 } },
    },
    { ruleId: 'window/expired', severity: 'info', file: 'campaigns/0.yaml', message: 'second info' },
    {
      ruleId: 'ref/unknown',
      severity: 'error',
      file: 'campaigns/z.yaml',
      message: 'the error',
      range: { start: { line: 1, col: 1 }, end: { line: 1, col: 2 } },
    },
  ];
  const lintSection = (md: string): string => md.slice(md.indexOf('Lint: 4 findings'));

  it('lists errors, then warnings, then infos, each by file', () => {
    const md = lintSection(renderReportMarkdown({ ...input, lint: { diagnostics: diags, suppressed: 0 } })[0]!);
    const at = ['the error', 'the warning', 'second info', 'first info'].map((m) => md.indexOf(m));
    expect(at.every((i) => i > 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it('links each location to its line at the head commit inside GitHub Actions, plain text elsewhere', () => {
    const event = JSON.stringify({ pull_request: { head: { sha: 'abcdef0123456789abcdef0123456789abcdef01' } } });
    const sourceUrl = sourceUrlFromEnv(
      { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'voltway/campaigns', GITHUB_SHA: '9999999999999999999999999999999999999999' },
      event,
    );
    expect(sourceUrl).toBe('https://github.com/voltway/campaigns/blob/abcdef0123456789abcdef0123456789abcdef01/');
    expect(
      sourceUrlFromEnv(
        { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'voltway/campaigns', GITHUB_SHA: '9999999999999999999999999999999999999999' },
        undefined,
      ),
    ).toBe('https://github.com/voltway/campaigns/blob/9999999999999999999999999999999999999999/');
    expect(sourceUrlFromEnv({}, event)).toBeUndefined();
    const linked = lintSection(renderReportMarkdown({ ...input, sourceUrl, lint: { diagnostics: diags, suppressed: 0 } })[0]!);
    expect(linked).toContain(
      '| warning | [campaigns/b ' +
        '\\(old\\).yaml:9:5](https://github.com/voltway/campaigns/blob/abcdef0123456789abcdef0123456789abcdef01/campaigns/b%20%28old%29.yaml#L9) |',
    );
    expect(linked).toContain('(https://github.com/voltway/campaigns/blob/abcdef0123456789abcdef0123456789abcdef01/campaigns/0.yaml) |');
    const plain = lintSection(renderReportMarkdown({ ...input, lint: { diagnostics: diags, suppressed: 0 } })[0]!);
    expect(plain).toContain('| warning | campaigns/b \\(old\\).yaml:9:5 |');
    expect(plain).not.toContain('](http');
  });
});

describe('escaping', () => {
  it('leaves no way for author text to inject Markdown or HTML', () => {
    const diagnostics: Diagnostic[] = HOSTILE.map((h) => ({ ruleId: 'schema/type', severity: 'error', file: 'campaigns/x.yaml', message: h, hint: h }));
    const sim = {
      ...input.simulation!,
      totals: {
        ...input.simulation!.totals,
        head: { ...input.simulation!.totals.head, worst: { ...input.simulation!.totals.head.worst!, session: HOSTILE[0] } },
      },
    };
    const md = renderReportMarkdown({ ...input, title: HOSTILE[1], validate: { files: 1, diagnostics }, simulation: sim, plans: [] }).join('\n');
    expect(md).not.toMatch(/<img|<script|<\/details><script|<!-- hidden/);
    expect(md).not.toMatch(/\]\(javascript:/);
    expect(md).not.toContain('@everyone');
    expect(md).not.toContain('\n# injected heading');
    expect(md).not.toContain('\u202e');
    expect(md).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;');
  });

  it('renders author text literally in Markdown, and keeps code fences closed', () => {
    expect(mdText('a_b *c* [d](e) #1 | $x$')).toBe('a\\_b \\*c\\* \\[d\\]\\(e\\) \\#1 \\| \\$x\\$');
    expect(mdText('- item')).toBe('\\- item');
    expect(mdText('1. item')).toBe('1\\. item');
    expect(mdText('@team')).toBe('@&#8203;team');
    expect(codeText('a\n```\nb')).not.toMatch(/^```/m);
  });
});

describe('promoc simulate -f markdown', () => {
  it('has the headline, the totals and the campaigns that moved', () => {
    const md = renderSimulationMarkdown(input.simulation!);
    expect(md).toContain('11 sessions (2027-03-30 → 2027-04-09, 8 customers, 1 invalid)');
    expect(md).toContain('| Promotion/spring-20 | changed: benefits, limits |');
    expect(md).toContain('1 session was out of time order');
  });
});
