// What prepare() refuses beyond the types: each a ContextError naming the path, never a wrong price.
import { describe, expect, it, vi } from 'vitest';
import { aContext, aSurcharge, AIRPORT, engineFor, line } from '../../test/fixtures/engine/builders.js';
import { ContextError } from './errors.js';

const engine = engineFor([aSurcharge('airport-fee')]);
const refusal = (ctx: object): { path: string; message: string } => {
  try {
    engine.evaluate(ctx as never);
  } catch (e) {
    expect(e).toBeInstanceOf(ContextError);
    return { path: (e as ContextError).path, message: (e as ContextError).message };
  }
  throw new Error('evaluated');
};

describe('prepare', () => {
  it('refuses lines that add up past 2^53 − 1, where sums stop being exact', () => {
    const max = Number.MAX_SAFE_INTEGER;
    expect(engine.evaluate(aContext({ lines: [line('a', max - 1), line('b', 1)] })).total).toBe(max);
    expect(refusal(aContext({ lines: [line('a', max), line('b', 1)] }))).toMatchObject({
      path: 'lines',
      message: expect.stringContaining('add up to more than'),
    });
  });

  it('refuses a fee that takes the sum past 2^53 − 1', () => {
    const at = (amount: number) => aContext({ rental: { start: AIRPORT }, lines: [line('a', amount)] });
    expect(engine.evaluate(at(Number.MAX_SAFE_INTEGER - 200)).total).toBe(Number.MAX_SAFE_INTEGER);
    expect(refusal(at(Number.MAX_SAFE_INTEGER - 199))).toMatchObject({
      path: 'lines',
      message: expect.stringContaining('with the fee of GeofenceSurcharge/airport-fee'),
    });
  });

  it.each([
    [{ lon: Number.NaN, lat: 52.4 }, 'rental.start.lon', 'NaN is not a longitude'],
    [{ lon: 13.4, lat: -Infinity }, 'rental.start.lat', '-Infinity is not a latitude'],
    [{ lon: 181, lat: 52.4 }, 'rental.start.lon', '181 is not a longitude'],
    [{ lon: 13.4, lat: 90.5 }, 'rental.start.lat', '90.5 is not a latitude'],
    [{ lon: '13.4', lat: 52.4 }, 'rental.start.lon', '"13.4" is not a longitude'],
  ])('refuses the position %o', (start, path, message) => {
    expect(refusal(aContext({ rental: { start } as never, lines: [line('a', 100)] }))).toMatchObject({ path, message: `${path}: ${message}` });
  });

  it.each([
    [{ rental: null }, 'rental', 'null is not an object'],
    [{ rental: { start: null } }, 'rental.start', 'null is not an object'],
    [{ rental: { end: 'Mitte' } }, 'rental.end', '"Mitte" is not an object'],
    [{ customer: null }, 'customer', 'null is not an object'],
    [{ customer: ['rider-1'] }, 'customer', '["rider-1"] is not an object'],
    [{ vehicle: 42 }, 'vehicle', '42 is not an object'],
    [{ billing: null }, 'billing', 'null is not an object'],
    [{ lines: [null] }, 'lines[0]', 'null is not an object'],
    [{ lines: [line('a', 1), 'b=2'] }, 'lines[1]', '"b=2" is not an object'],
  ])('refuses %j where an object belongs (parsed JSON handed straight to evaluate)', (part, path, message) => {
    expect(refusal({ ...aContext({ lines: [line('a', 100)] }), ...part })).toMatchObject({ path, message: `${path}: ${message}` });
  });

  it('refuses an instant without a zone or past what a date holds', () => {
    expect(refusal(aContext({ at: '2027-06-01T00:30:00' }))).toMatchObject({ path: 'at', message: expect.stringContaining('has no time zone') });
    expect(refusal(aContext({ at: 8.64e15 + 1 }))).toMatchObject({ path: 'at', message: expect.stringContaining('outside the years') });
  });
});

describe('the currency check', () => {
  it('refuses a missing or malformed currency first thing in a fresh module, and after a valid one', async () => {
    vi.resetModules();
    const { prepare } = await import('./context.js');
    const ctx = { at: 0, lines: [] };
    for (const currency of [undefined, 'eur', undefined, 'EUR', undefined, '', 'EURO', 'EUR']) {
      if (currency === 'EUR') expect(prepare({ ...ctx, currency }).currency).toBe('EUR');
      else expect(() => prepare({ ...ctx, currency } as never), String(currency)).toThrow(/currency/);
    }
  });
});
