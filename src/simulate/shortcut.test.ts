// The shortcut (one evaluation for both sides where they cannot differ) must never change a report: every
// replay here runs with and without it and the reports must be equal, field for field.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aGeofencePromotion, aPromotion, build, GEOMETRIES, square } from '../../test/fixtures/engine/builders.js';
import { loadBundle } from '../engine/load.js';
import type { Located } from '../model/resource.js';
import { catalogOf } from './catalog.js';
import { sessionLines } from './generate.js';
import { parseNdjsonLine } from './read.js';
import { simulateSessions, type SimulationSide } from './replay.js';
import { resolveSides } from './resolve.js';
import { SessionError, type Session } from './session.js';
import { differingCampaigns } from './shortcut.js';

function side(label: string, resources: readonly Located[]): SimulationSide {
  const b = build(resources);
  return { engine: loadBundle(b.bytes), bundle: b.bundle, label };
}

const T0 = Date.UTC(2027, 6, 1, 8);
function session(i: number, extra: Partial<Session> = {}): Session {
  return {
    id: `s${i}`,
    at: T0 + i * 3_600_000,
    currency: 'EUR',
    customer: { id: `c${i % 4}` },
    lines: [
      { id: 'time', amount: 1000 + i, priceType: 'TIME_PRICE', quantity: 20 },
      { id: 'unlock', amount: 100, priceType: 'UNLOCK_FEE' },
    ],
    ...extra,
  } as Session;
}

function bothWays(base: SimulationSide, head: SimulationSide, sessions: readonly Session[]): ReturnType<typeof simulateSessions> {
  // Each replay gets its own copies: the replay sets `usage` on the session it is given.
  const fast = simulateSessions(
    base,
    head,
    sessions.map((s) => ({ ...s })),
  );
  const slow = simulateSessions(
    base,
    head,
    sessions.map((s) => ({ ...s })),
    { shortcut: false },
  );
  expect(fast).toEqual(slow);
  return fast;
}

describe('differingCampaigns', () => {
  it('names the added, removed and changed campaigns, a zone whose geometry changed included', () => {
    const same = aPromotion('same', { code: 'SAME' });
    const zoned = aGeofencePromotion('zoned');
    const base = build([same, zoned, aPromotion('gone', { code: 'GONE' }), aPromotion('changed', { code: 'CH', benefits: [{ percentOff: 10 }] })]);
    const moved = new Map([...GEOMETRIES, ['airport', square(13.6, 52.4)]]);
    const head = build([same, zoned, aPromotion('new', { code: 'NEW' }), aPromotion('changed', { code: 'CH', benefits: [{ percentOff: 20 }] })], moved);
    expect([...differingCampaigns(base.bundle, head.bundle)!].sort()).toEqual(
      ['Promotion/changed', 'Promotion/gone', 'Promotion/new', 'GeofencePromotion/zoned'].sort(),
    );
    expect(differingCampaigns(base.bundle, base.bundle)!.size).toBe(0);
  });
});

describe('the replay shortcut', () => {
  it('changes nothing where limits and budgets run out differently on each side and stacking shifts', () => {
    // "blocker" (head only) applies first and is not stackable: "capped" and "limited" then apply on one side
    // only, so their counters drift apart and later sessions reaching them must be evaluated on both sides.
    const shared = [
      aPromotion('capped', {
        benefits: [{ amountOff: { amount: '3.00', currency: 'EUR' } }],
        limits: { budget: { amount: '20.00', currency: 'EUR' } },
        stacking: { stackable: true },
      }),
      aPromotion('limited', { code: 'TEN', benefits: [{ percentOff: 10 }], limits: { redemptions: 5, perCustomer: 2 }, stacking: { stackable: true } }),
      aPromotion('other', { code: 'OTHER', benefits: [{ percentOff: 5 }], stacking: { stackable: true } }),
    ];
    const blocker = aPromotion('blocker', { code: 'BLOCK', benefits: [{ percentOff: 50 }], stacking: { stackable: false, priority: 100 } });
    const sessions = Array.from({ length: 60 }, (_, i) => session(i, { codes: i % 5 === 0 ? ['BLOCK', 'TEN'] : i % 3 === 0 ? ['TEN'] : ['OTHER'] }));
    const r = bothWays(side('base', shared), side('head', [...shared, blocker]), sessions);
    expect(r.sessions.evaluated).toBe(60);
  });

  it("changes nothing where a customer's own counters drift apart, and uses a campaign used up on both sides as refused", () => {
    // BLOCK (head only, not stackable) keeps OWN (one per customer) from applying on the head: c0's OWN counters
    // then differ, so c0's later OWN sessions must be evaluated on both sides; other customers' need not be.
    // LIM runs out after 2 redemptions on the base and 4 on the head; once both are used up, sessions that
    // present it are evaluated once.
    const own = aPromotion('own', { code: 'OWN', benefits: [{ percentOff: 10 }], limits: { perCustomer: 1 }, stacking: { stackable: true } });
    const free = aPromotion('free', { code: 'FREE', benefits: [{ percentOff: 5 }], stacking: { stackable: true } });
    const blocker = aPromotion('blocker', { code: 'BLOCK', benefits: [{ percentOff: 50 }], stacking: { stackable: false, priority: 100 } });
    const lim = (n: number) => aPromotion('lim', { code: 'LIM', benefits: [{ percentOff: 20 }], limits: { redemptions: n }, stacking: { stackable: true } });
    const sessions = Array.from({ length: 48 }, (_, i) =>
      session(i, { codes: i === 0 ? ['BLOCK', 'OWN', 'FREE'] : i % 3 === 0 ? ['LIM', 'FREE'] : ['OWN', 'FREE'] }),
    );
    const base = side('base', [own, free, lim(2)]);
    const head = side('head', [own, free, blocker, lim(4)]);
    let evaluated = 0;
    const evaluate = head.engine.evaluate.bind(head.engine);
    const counting: SimulationSide = { ...head, engine: { ...head.engine, evaluate: (c, o) => (evaluated++, evaluate(c, o)) } };
    const r = bothWays(base, counting, sessions);
    expect(r.campaigns.find((c) => c.id === 'Promotion/lim')?.head?.redemptions).toBe(4);
    // Once every c0 is through its one OWN and LIM is used up on both sides, the head is asked about few sessions.
    evaluated = 0;
    simulateSessions(
      base,
      counting,
      sessions.map((s) => ({ ...s })),
    );
    expect(evaluated).toBeLessThan(24);
  });

  it("changes nothing on the repository's campaigns with the demo proposal laid over them", async () => {
    const cwd = join(import.meta.dirname, '../..');
    const sides = await resolveSides(cwd, {}, { baseDir: cwd, overlay: join(cwd, 'test/fixtures/simulate/proposal') });
    if (!sides.ok) throw new Error('the example campaigns do not build');
    sides.dispose();
    expect(differingCampaigns(sides.base!.bundle, sides.head.bundle)!.size).toBeGreaterThan(0);
    const sessions: Session[] = [];
    for (const line of sessionLines(catalogOf(sides.headLoaded.model), { count: 20_000, seed: 11 }, 'ndjson')) {
      const s = parseNdjsonLine(line.trimEnd());
      if (s !== undefined && !(s instanceof SessionError)) sessions.push(s);
    }
    const r = bothWays(sides.base!, sides.head, sessions);
    expect(r.sessions.evaluated).toBe(sessions.length);
  }, 120_000);
});
