// Lint and the engine read campaigns the same way (model/campaign-meaning.ts): a campaign lint reports as
// shadowed is never applied by the engine for contexts inside its window, and a pair reported as exclusive
// never applies together. Random families of automatic promotions: priorities, stacking, windows, and
// targeted benefits (which go before broad ones), so a stackable campaign may go before a non-stackable one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Promotion } from '../src/generated/index.js';
import { createAnalysis } from '../src/lint/analysis/analysis.js';
import { resolveSettings } from '../src/lint/settings.js';
import type { Located } from '../src/model/resource.js';
import { aContext, aModel, aPromotion, engineFor, line } from './fixtures/engine/builders.js';
import { params } from './fuzz/fuzz-kit.js';

const INSTANTS = ['2027-01-01T00:00:00Z', '2027-04-01T00:00:00Z', '2027-07-01T00:00:00Z', '2027-10-01T00:00:00Z', '2028-01-01T00:00:00Z'];
const PROBES = ['2027-02-15T12:00:00Z', '2027-05-15T12:00:00Z', '2027-08-15T12:00:00Z', '2027-11-15T12:00:00Z'];

const campaign = fc.record({
  percentOff: fc.integer({ min: 5, max: 60 }),
  stackable: fc.boolean(),
  targeted: fc.boolean(),
  priority: fc.constantFrom(0, 10, 100),
  from: fc.integer({ min: 0, max: 2 }),
  length: fc.integer({ min: 1, max: 4 }),
});

const family = fc.array(campaign, { minLength: 2, maxLength: 5 }).map((cs) =>
  cs.map((c, i): Located<Promotion> =>
    aPromotion(`p${i}`, {
      benefits: [c.targeted ? { percentOff: c.percentOff, appliesTo: { priceTypes: ['TIME_PRICE'] } } : { percentOff: c.percentOff }],
      stacking: { stackable: c.stackable, priority: c.priority },
      window: { from: INSTANTS[c.from]!, until: INSTANTS[Math.min(c.from + c.length, INSTANTS.length - 1)]! },
    }),
  ),
);

describe('lint and the engine agree', () => {
  it('shadowed campaigns never apply inside their window; exclusive pairs never apply together', () => {
    let shadowedSeen = 0;
    let exclusiveSeen = 0;
    fc.assert(
      fc.property(family, (resources) => {
        const { stacking } = createAnalysis(aModel(resources), resolveSettings({ now: new Date('2026-12-01T00:00:00Z') }));
        const engine = engineFor(resources);
        const applied = new Map(
          PROBES.map((at) => [
            at,
            new Set(
              engine
                .evaluate(aContext({ at, lines: [line('time', 1000, { priceType: 'TIME_PRICE' }), line('unlock', 100, { priceType: 'UNLOCK_FEE' })] }))
                .applied.map((a) => a.campaign),
            ),
          ]),
        );
        for (const { offer, from, until } of stacking.shadowed) {
          shadowedSeen += 1;
          for (const [at, names] of applied) {
            const t = Date.parse(at);
            if (t >= from && t < until) expect(names.has(`Promotion/${offer.name}`), `${offer.name} is shadowed but applied at ${at}`).toBe(false);
          }
        }
        for (const { offer, others } of stacking.exclusive) {
          for (const other of others) {
            exclusiveSeen += 1;
            for (const [at, names] of applied)
              expect(
                names.has(`Promotion/${offer.name}`) && names.has(`Promotion/${other.name}`),
                `${offer.name} and ${other.name} both applied at ${at}`,
              ).toBe(false);
          }
        }
      }),
      params(200),
    );
    // The property means something only if lint did report both kinds.
    expect(shadowedSeen).toBeGreaterThan(0);
    expect(exclusiveSeen).toBeGreaterThan(0);
  });

  it('a stackable campaign that goes first displaces the non-stackable winner: the broad stackable one is not shadowed', () => {
    const window = { from: '2027-01-01T00:00:00Z', until: '2027-04-01T00:00:00Z' };
    const resources = [
      aPromotion('time-bonus', { window, benefits: [{ percentOff: 5, appliesTo: { priceTypes: ['TIME_PRICE'] } }], stacking: { stackable: true } }),
      aPromotion('broad-stackable', { window, benefits: [{ percentOff: 5 }], stacking: { stackable: true } }),
      aPromotion('broad-exclusive', { window, benefits: [{ percentOff: 5 }], stacking: { stackable: false, priority: 100 } }),
    ];
    const { stacking } = createAnalysis(aModel(resources), resolveSettings({ now: new Date('2026-12-01T00:00:00Z') }));
    expect(stacking.shadowed.map((g) => g.offer.name)).toEqual([]);
    const r = engineFor(resources).evaluate(
      aContext({ at: PROBES[0]!, lines: [line('time', 1000, { priceType: 'TIME_PRICE' }), line('unlock', 100, { priceType: 'UNLOCK_FEE' })] }),
    );
    expect(r.applied.map((a) => a.campaign)).toEqual(['Promotion/time-bonus', 'Promotion/broad-stackable']);
    // Without the stackable campaign going first, the winner applies and the broad stackable one is shadowed.
    const alone = createAnalysis(aModel(resources.slice(1)), resolveSettings({ now: new Date('2026-12-01T00:00:00Z') }));
    expect(alone.stacking.shadowed.map((g) => g.offer.name)).toEqual(['broad-stackable']);
  });
});
