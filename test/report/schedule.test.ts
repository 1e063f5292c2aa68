// The report's upcoming launches and expiries: per target, only what is still ahead, who carries it out, and
// UTC beside the author's local time.
import { describe, expect, it } from 'vitest';
import type { Promotion } from '../../src/generated/index.js';
import type { Located } from '../../src/model/resource.js';
import { scheduleMarkdown } from '../../src/render/report-markdown-schedule.js';
import { upcomingSchedule } from '../../src/report/schedule.js';

const NOW = Date.parse('2027-03-27T12:00:00Z');
const promo = (name: string, target: string | undefined, window: Promotion['spec']['window']): Located<Promotion> => ({
  resource: {
    apiVersion: 'promoc/v1',
    kind: 'Promotion',
    metadata: { name, ...(target ? { labels: { target } } : {}) },
    spec: { code: name.toUpperCase(), window, benefits: [{ percentOff: 5 }] },
  },
  source: { file: 'campaigns/x.yaml', docIndex: 0 },
});

describe('upcoming schedule', () => {
  const model = {
    geometries: new Map(),
    resources: [
      promo('lago-easter', 'lago', { from: '2027-03-28T01:00:00Z', until: '2027-04-30T22:00:00Z', timeZone: 'Europe/Berlin' }),
      promo('billing-spring', 'promotions', { from: '2027-04-01T00:00:00Z' }),
      promo('engine-only', undefined, { from: '2027-01-01T00:00:00Z', until: '2027-03-28T00:00:00Z' }),
      promo('over', 'ev-billing', { until: '2027-03-01T00:00:00Z' }),
    ],
  };

  it('lists what is still ahead per target with who carries it out', () => {
    expect(upcomingSchedule(model, NOW).map((r) => [r.target, r.resource, r.event, new Date(r.at).toISOString(), r.by])).toEqual([
      ['engine', 'Promotion/engine-only', 'expiry', '2027-03-28T00:00:00.000Z', 'engine bundle'],
      ['lago', 'Promotion/lago-easter', 'launch', '2027-03-28T01:00:00.000Z', 'promoc apply --due'],
      ['lago', 'Promotion/lago-easter', 'expiry', '2027-04-30T22:00:00.000Z', 'target'],
      ['promotions', 'Promotion/billing-spring', 'launch', '2027-04-01T00:00:00.000Z', 'target'],
    ]);
  });

  it('renders UTC, local time across the spring-forward night, and time until', () => {
    const text = scheduleMarkdown(upcomingSchedule(model, NOW), NOW, 10_000);
    expect(text).toContain('| 2027-03-28T01:00:00Z | 2027-03-28 03:00:00+02:00 Europe/Berlin | 13 h | launch | Promotion/lago-easter | promoc apply --due |');
    expect(text).toContain('| 2027-04-30T22:00:00Z | 2027-05-01 00:00:00+02:00 Europe/Berlin | 34 days 10 h | expiry | Promotion/lago-easter | target |');
    expect(text).toContain('**promotions**');
  });
});
