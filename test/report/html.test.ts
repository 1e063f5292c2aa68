// The HTML report, opened in a real headless Chromium (Debian's `chromium`; .ci/run installs it): what
// the browser parsed is what is on the page, so this checks the charts, the map and the escaping.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { CoverageMatrix, ReportInput } from '../../src/report/types.js';
import { renderReportHtml } from '../../src/render/report-html.js';
import { renderReportMarkdown } from '../../src/render/report-markdown.js';
import { fixtureInput, HOSTILE } from './fixture.js';

const browser = ['chromium', 'chromium-browser'].find((b) => {
  try {
    execFileSync('sh', ['-c', `command -v ${b}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
const skip = browser === undefined && process.env.PROMOC_SKIP_BROWSER === '1';
let dir: string;
let dom: string;
let html: string;
let input: ReportInput;
/** What the page measured of itself at a 1,280 px wide window (see measured()). */
let layout: { viewport: number; tables: { right: number; scroll: number; client: number }[] };

function dumpDom(file: string, extra: readonly string[] = []): string {
  const profile = join(dir, 'profile');
  return execFileSync(
    browser!,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      ...extra,
      '--dump-dom',
      pathToFileURL(file).href,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
  );
}

/**
 * The page forbids scripts, so a copy without the policy carries one that measures every coverage table
 * after layout (right edge against the viewport, the section's scroll width against its width) and
 * writes the figures into the page, where --dump-dom reads them.
 */
function measured(page: string): typeof layout {
  const probe =
    `<script>const v = document.documentElement.clientWidth; const t = ` +
    `[...document.querySelectorAll('table.coverage')].map((e) => ({ right: e.getBoundingClientRect().right, scroll: ` +
    `e.parentElement.scrollWidth, client: e.parentElement.clientWidth })); document.body.insertAdjacentHTML('beforeend', ` +
    `'<pre id="layout">' + JSON.stringify({ viewport: v, tables: t }) + '</pre>');</script>`;
  const file = join(dir, 'measure.html');
  writeFileSync(file, page.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '').replace('</body>', `${probe}</body>`));
  const out = dumpDom(file, ['--window-size=1280,900']);
  return JSON.parse(/<pre id="layout">(\{.*?\})<\/pre>/.exec(out)![1]!) as typeof layout;
}

/** A coverage matrix as wide as the demo's: nine price types, long campaign and code names in every cell. */
function wideCoverage(): CoverageMatrix {
  const priceTypes = [
    'UNLOCK_FEE',
    'TIME_PRICE',
    'DRIVING_PRICE',
    'PARKING_PRICE',
    'DISTANCE_PRICE',
    'RESERVATION_PRICE',
    'INSURANCE_PRICE',
    'CLEANING_FEE',
    'AIRPORT_PRICE',
  ];
  const zones = ['berlin-friedrichshain-kreuzberg', 'schoenefeld-station', 'outside every zone'];
  const cell = {
    original: 600,
    net: 412,
    campaigns: ['GeofenceSurcharge/ber-airport-fee', 'GeofencePromotion/schoenefeld-park-and-ride'],
    bestCode: { code: 'WELCOMEBACKSUMMER2027', net: 0, campaigns: [] },
  };
  return {
    at: '2027-06-01T12:00:00.000Z',
    currency: 'EUR',
    userTypes: ['fleet', 'public'],
    zones,
    priceTypes,
    cells: [0, 1].map(() => zones.map(() => priceTypes.map(() => cell))),
  };
}

const count = (s: string, needle: string | RegExp): number =>
  typeof needle === 'string' ? s.split(needle).length - 1 : (s.match(new RegExp(needle, 'g')) ?? []).length;

describe.skipIf(skip)('the HTML report in Chromium', () => {
  beforeAll(async () => {
    if (!browser) throw new Error('chromium is not installed: apt-get install -y chromium (or set PROMOC_SKIP_BROWSER=1 to skip this file)');
    dir = mkdtempSync(join(tmpdir(), 'promoc-html-'));
    input = await fixtureInput();
    const hostile: Diagnostic[] = HOSTILE.map((h) => ({ ruleId: 'schema/type', severity: 'error', file: 'campaigns/x.yaml', message: h, hint: h }));
    const sim = input.simulation!;
    html = renderReportHtml({
      ...input,
      title: `promoc report ${HOSTILE[1]}`,
      validate: { files: 2, diagnostics: hostile },
      simulation: { ...sim, campaigns: sim.campaigns.map((c, i) => (i === 0 ? { ...c, id: HOSTILE[0] } : c)) },
    });
    const file = join(dir, 'report.html');
    writeFileSync(file, html);
    dom = dumpDom(file);
    layout = measured(renderReportHtml({ ...input, coverage: wideCoverage() }));
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is one self-contained page: no script, nothing loaded from elsewhere', () => {
    expect(html).not.toMatch(/<script|<link|src=["']?https?:|@import/i);
    expect(html).toContain('Content-Security-Policy');
    expect(count(dom, '<script')).toBe(0);
  });

  it('starts with what to approve: counts, risky actions, owners, launches and the step that applies it', () => {
    const approval = /<section id="approval">(.*?)<\/section>/s.exec(dom)![1]!;
    expect(dom.indexOf('<section id="approval">')).toBeLessThan(dom.indexOf('<section id="summary">'));
    expect(approval).toContain('<tr data-target="staging">');
    expect(approval).toContain('1 create, 2 update, 1 blocked');
    expect(approval).toMatch(/<b class="bad">blocked<\/b> Promotion\/winter-5/);
    expect(approval).toContain('<b>growth</b>: Promotion/spring-20');
    expect(approval).toContain('GeofencePromotion/harbour-return (added) from 2027-04-01 00:00 UTC');
    expect(approval).toContain('.github/workflows/apply.yml');
  });

  it('puts the warnings (blocked, prune, a plan of another head) before the summary', () => {
    expect(dom.indexOf('<section id="warnings">')).toBeLessThan(dom.indexOf('<section id="summary">'));
    expect(dom).toMatch(/<li class="bad">Target staging: Promotion\/winter-5 is blocked: the API cannot delete/);
    const other = renderReportHtml({
      ...input,
      approval: {
        ...input.approval,
        targets: input.approval.targets.map((t) => ({
          ...t,
          disagreement: ['the head declares Promotion/x, which the plan does not cover'],
          warnings: ['1 object is managed by promoc but no longer in the repository; re-run with --prune to remove it: Promotion/y'],
        })),
      },
    });
    expect(other).toContain('The plan for target staging is not of the head this report shows');
    expect(other).toContain('re-run with --prune to remove it');
  });

  it('charts the campaigns the change touches, largest change first, base and head', () => {
    expect(dom).toContain('<svg id="daily-discount"');
    const changed = new Set(input.changes.campaigns.map((c) => c.id));
    const drawn = [...dom.matchAll(/<polyline class="series" data-campaign="([^"]+)"/g)].map((m) => m[1]!);
    const daily = input.simulation!.daily.series.filter((s) => changed.has(s.campaign)).map((s) => s.campaign);
    expect(new Set(drawn)).toEqual(new Set(daily));
    expect(drawn.length).toBeGreaterThan(0);
    expect(count(dom, /<polyline class="series base"/)).toBe(drawn.length);
    const delta = (id: string): number => {
      const s = input.simulation!.daily.series.find((x) => x.campaign === id)!;
      return Math.abs(s.head.reduce((a, b) => a + b, 0) - s.base.reduce((a, b) => a + b, 0));
    };
    expect(drawn.map(delta)).toEqual(drawn.map(delta).sort((a, b) => b - a));
    const ticks = [.../<svg id="daily-discount".*?<\/svg>/s.exec(dom)![0].matchAll(/text-anchor="end">([\d,.]+) EUR</g)].map((m) =>
      Number(m[1]!.replace(/,/g, '')),
    );
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    const step = ticks[1]! - ticks[0]!;
    expect(ticks.every((t, i) => Math.abs(t - i * step) < 1e-9)).toBe(true);
    expect([1, 2, 5].some((m) => Math.abs(step / 10 ** Math.floor(Math.log10(step)) - m) < 1e-9)).toBe(true);
  });

  it('draws every campaign window on the timeline, marked by its change', () => {
    expect(dom).toContain('<svg id="timeline-chart"');
    expect(count(dom, /<rect class="window /)).toBe(6);
    expect(dom).toMatch(/<rect class="window added" data-campaign="GeofencePromotion\/harbour-return"/);
    expect(dom).toMatch(/<rect class="window removed" data-campaign="Promotion\/winter-5"/);
  });

  it('maps the geofences with names, a legend, a scale bar, the changed one old and new, and overlaps', () => {
    expect(dom).toContain('<svg id="geofence-map"');
    expect(count(dom, /<path class="geofence/)).toBe(3);
    expect(dom).toContain('<path class="geofence changed" data-geofence="harbour"');
    expect(dom).toContain('<path class="base-shape" data-geofence="harbour"');
    expect(count(dom, /<path class="overlap" data-overlap="old-town\|station"/)).toBe(1);
    expect(dom).toMatch(/old-town ∩ station: [\d,]+ m²/);
    expect(dom).toMatch(/<text class="map-label changed"[^>]*>harbour \(changed\)<\/text>/);
    expect(dom).toMatch(/<text class="map-label"[^>]*>old-town<\/text>/);
    expect(dom).toMatch(/<g class="scale-bar"[^>]*><path d="M0 -5V0H[\d.]+V-5"><\/path><text[^>]*>\d+ (m|km)<\/text>/);
    const legend = /<g class="map-legend">(.*?)<\/g><\/svg>/s.exec(dom)![1]!;
    for (const entry of ['geofence', 'added or changed (head)', 'base shape (before the change)', 'overlap']) expect(legend).toContain(`>${entry}</text>`);
  });

  it('draws far-apart clusters as separate panels instead of one map with an empty band', () => {
    const far = renderReportHtml({
      ...input,
      map: {
        geofences: [
          ...input.map.geofences,
          {
            name: 'airport',
            coordinates: [
              [
                [
                  [10.5, 49.5],
                  [10.52, 49.5],
                  [10.52, 49.52],
                  [10.5, 49.5],
                ],
              ],
            ],
          },
        ],
        overlaps: input.map.overlaps,
      },
    });
    expect(count(far, /<g class="panel"/)).toBe(2);
    expect(count(far, /<g class="scale-bar"/)).toBe(2);
    const near = renderReportHtml({ ...input, map: { geofences: input.map.geofences.filter((g) => g.name !== 'harbour'), overlaps: input.map.overlaps } });
    expect(count(near, /<g class="panel"/)).toBe(1);
  });

  it('shows each changed field of the plan with its old and new value', () => {
    const plan = /<section id="plan-staging">(.*?)<\/section>/s.exec(dom)![1]!;
    expect(plan).toMatch(/<div class="action update" data-resource="Promotion\/spring-20">/);
    expect(plan).toMatch(/<td><code>benefits\[0\]\.percentOff<\/code><\/td><td class="old"><code>0\.2<\/code><\/td><td class="new"><code>0\.3<\/code>/);
    expect(plan).toContain('<b>Blocked:</b> the API cannot delete a promotion with redemptions');
  });

  it('keeps a nine-column coverage grid inside a 1,280 px window, nothing clipped or scrolled', () => {
    expect(layout.viewport).toBeLessThanOrEqual(1280);
    expect(layout.tables).toHaveLength(2);
    for (const t of layout.tables) {
      expect(t.right).toBeLessThanOrEqual(layout.viewport);
      expect(t.scroll).toBeLessThanOrEqual(t.client);
    }
  });

  it('shows the coverage matrix, lint and the plan', () => {
    expect(count(dom, '<table class="coverage">')).toBe(2);
    expect(dom).toContain('<section id="lint">');
    expect(dom).toContain('<section id="plan-staging">');
    expect(dom).toContain('Plan: 1 to create, 2 to update');
  });

  it('lists the actions a plan leaves to the clock in the approval summary of both views', async () => {
    const plan = input.plans[0]!;
    const later = {
      ...plan,
      summary: { ...plan.summary, scheduled: 1 },
      actions: [
        ...plan.actions,
        {
          action: 'scheduled' as const,
          provider: 'mobility' as const,
          kind: 'GeofencePromotion',
          name: 'harbour-return',
          key: 'harbour-return',
          changes: [],
          schedule: { at: '2027-04-01T00:00:00Z', op: 'create' as const, native: false },
        },
      ],
    };
    const { approvalSummary } = await import('../../src/report/approval.js');
    const withLater = { ...input, plans: [later], approval: approvalSummary({ plans: [later], changes: input.changes.campaigns, timeline: input.timeline }) };
    expect(renderReportHtml(withLater)).toContain('<b>Scheduled:</b> create GeofencePromotion/harbour-return at 2027-04-01 00:00 UTC (by promoc apply --due)');
    expect(renderReportMarkdown(withLater)[0]).toContain(
      '- staging: create GeofencePromotion/harbour-return at 2027-04-01 00:00 UTC (by `promoc apply --due`)',
    );
  });

  it('says the same approval summary in the PR comment', () => {
    const md = renderReportMarkdown(input)[0]!;
    expect(md.indexOf('### To approve')).toBeLessThan(md.indexOf('| Stage | Result |'));
    expect(md).toContain('| staging | 1 create, 2 update, 1 blocked | ⛔ blocked Promotion/winter-5 |');
    expect(md).toContain('**growth**: 1 (Promotion/spring-20)');
    expect(md).toContain('GeofencePromotion/harbour-return (added) from 2027-04-01 00:00 UTC');
    expect(md).toContain('.github/workflows/apply.yml');
  });

  it('shows hostile author text as text, never as markup', () => {
    expect(count(dom, '<img')).toBe(0);
    expect(dom).not.toContain('<!-- hidden -->');
    expect(dom).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(dom).toContain('&lt;/details&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(dom).not.toContain('\u202e');
  });
});
