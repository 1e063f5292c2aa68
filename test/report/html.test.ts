// The HTML report, opened in a real headless Chromium (Debian's `chromium`; .ci/run installs it): what
// the browser parsed is what is on the page, so this checks the charts, the map and the escaping.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { renderReportHtml } from '../../src/render/report-html.js';
import { fixtureInput, HOSTILE } from './fixture.js';

const browser = ['chromium', 'chromium-browser'].find((b) => { try { execFileSync('sh', ['-c', `command -v ${b}`], { stdio: 'ignore' }); return true; } catch { return false; } });
const skip = browser === undefined && process.env.PROMOC_SKIP_BROWSER === '1';
let dir: string;
let dom: string;
let html: string;

function dumpDom(file: string): string {
  const profile = join(dir, 'profile');
  return execFileSync(browser!, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--dump-dom', pathToFileURL(file).href,
  ], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
}

const count = (s: string, needle: string | RegExp): number => (typeof needle === 'string' ? s.split(needle).length - 1 : (s.match(new RegExp(needle, 'g')) ?? []).length);

describe.skipIf(skip)('the HTML report in Chromium', () => {
  beforeAll(async () => {
    if (!browser) throw new Error('chromium is not installed: apt-get install -y chromium (or set PROMOC_SKIP_BROWSER=1 to skip this file)');
    dir = mkdtempSync(join(tmpdir(), 'promoc-html-'));
    const input = await fixtureInput();
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
  }, 90_000);

  afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

  it('is one self-contained page: no script, nothing loaded from elsewhere', () => {
    expect(html).not.toMatch(/<script|<link|src=["']?https?:|@import/i);
    expect(html).toContain('Content-Security-Policy');
    expect(count(dom, '<script')).toBe(0);
  });

  it('draws the daily discount per campaign, head and base', () => {
    expect(dom).toContain('<svg id="daily-discount"');
    expect(count(dom, /<polyline class="series"/)).toBeGreaterThan(0);
    expect(count(dom, /<polyline class="series base"/)).toBe(count(dom, /<polyline class="series"/));
    expect(dom).toContain('data-campaign="Promotion/spring-20"');
  });

  it('draws every campaign window on the timeline, marked by its change', () => {
    expect(dom).toContain('<svg id="timeline-chart"');
    expect(count(dom, /<rect class="window /)).toBe(6);
    expect(dom).toMatch(/<rect class="window added" data-campaign="GeofencePromotion\/harbour-return"/);
    expect(dom).toMatch(/<rect class="window removed" data-campaign="Promotion\/winter-5"/);
  });

  it('maps the geofences and highlights where they overlap', () => {
    expect(dom).toContain('<svg id="geofence-map"');
    expect(count(dom, /<path class="geofence/)).toBe(3);
    expect(dom).toContain('<path class="geofence changed" data-geofence="harbour"');
    expect(count(dom, /<path class="overlap" data-overlap="old-town\|station"/)).toBe(1);
    expect(dom).toMatch(/old-town ∩ station: [\d,]+ m²/);
  });

  it('shows the coverage matrix, lint and the plan', () => {
    expect(count(dom, '<table class="coverage">')).toBe(2);
    expect(dom).toContain('<section id="lint">');
    expect(dom).toContain('<section id="plan-staging">');
    expect(dom).toContain('Plan: 1 to create, 2 to update');
  });

  it('shows hostile author text as text, never as markup', () => {
    expect(count(dom, '<img')).toBe(0);
    expect(dom).not.toContain('<!-- hidden -->');
    expect(dom).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(dom).toContain('&lt;/details&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(dom).not.toContain('\u202e');
  });
});
