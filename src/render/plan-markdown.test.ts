import { describe, expect, it } from 'vitest';
import type { Action, Plan } from '../generated/plan.js';
import { PAGE_BREAK, renderPlanMarkdown, renderPlanMarkdownPages } from './plan-markdown.js';

function aPlan(actions: Action[]): Plan {
  const summary = {
    create: actions.length,
    update: 0,
    replace: 0,
    activate: 0,
    deactivate: 0,
    delete: 0,
    blocked: 0,
    scheduled: 0,
    noop: 0,
    drift: 0,
    changes: actions.length,
  };
  return {
    formatVersion: 'promoc-plan/v1',
    promocVersion: '0',
    createdAt: '2027-01-01T00:00:00Z',
    target: 'local',
    options: { prune: false, force: false },
    sources: [],
    fingerprint: '0'.repeat(64),
    summary,
    actions,
    notes: [],
  };
}
const aCreate = (i: number): Action => ({
  action: 'create',
  provider: 'lago',
  kind: 'Promotion',
  name: `p-${i}`,
  key: `CODE${i}`,
  changes: Array.from({ length: 20 }, (_, k) => ({ path: `spec.field${k}`, after: 'x'.repeat(60) })),
});

describe('markdown plan', () => {
  it('splits long plans into comments below the limit, keeping every resource', () => {
    const plan = aPlan(Array.from({ length: 400 }, (_, i) => aCreate(i)));
    const pages = renderPlanMarkdownPages(plan, { limit: 20_000 });
    expect(pages.length).toBeGreaterThan(5);
    for (const p of pages) expect(p.length).toBeLessThanOrEqual(20_000);
    for (let i = 0; i < 400; i += 1) expect(pages.some((p) => p.includes(`<b>Promotion/p-${i} (CODE${i})</b>`))).toBe(true);
    expect(pages[1]).toContain('(continued, part 2/');
    expect(renderPlanMarkdown(plan, { limit: 20_000 }).split(PAGE_BREAK)).toHaveLength(pages.length);
  });
  it('a resource too large for a page is summarised, not cut mid-block', () => {
    const huge: Action = { ...aCreate(0), changes: Array.from({ length: 2000 }, (_, k) => ({ path: `spec.f${k}`, after: 'y'.repeat(50) })) };
    const pages = renderPlanMarkdownPages(aPlan([huge]), { limit: 10_000 });
    expect(pages.join('')).toContain('too large for a comment');
    for (const p of pages) expect(p.length).toBeLessThanOrEqual(10_000);
  });
  it('escapes author text so it cannot break out of the table or the HTML', () => {
    const md = renderPlanMarkdown(aPlan([{ ...aCreate(1), name: 'a|b', key: '<script>', changes: [] }]));
    expect(md).toContain('Promotion/a&#124;b (&lt;script&gt;)');
    expect(md).not.toContain('<script>');
  });
});
