// Windows in local time: Europe/Berlin's daylight-saving edges (last Sunday of March: 02:00 → 03:00; last
// Sunday of October: 03:00 → 02:00) are located errors, everything else resolves to one UTC instant that
// lint, plan, bundles and the engine see.
import { describe, expect, it } from 'vitest';
import { checkFile } from '../src/load/check-file.js';
import { defaultValidator } from '../src/load/project.js';
import { localIso, resolveLocalTime } from '../src/model/zoned-time.js';

const doc = (window: string): string => `apiVersion: promoc/v1
kind: Promotion
metadata:
  name: spring
spec:
  window: ${window}
  benefits:
    - percentOff: 10
`;

async function check(window: string) {
  const r = checkFile('campaigns/spring.yaml', doc(window), await defaultValidator());
  return {
    resource: r.docs[0]?.resource as { spec: { window: Record<string, string> } } | undefined,
    problems: r.diagnostics.map((d) => `${d.range?.start.line}:${d.range?.start.col} ${d.ruleId} ${d.message} | ${d.hint}`),
  };
}

describe('Europe/Berlin local times', () => {
  it('the night clocks spring forward (2027-03-28): 02:00–02:59 do not exist', () => {
    expect(resolveLocalTime('2027-03-28T01:59:59', 'Europe/Berlin')).toEqual({ ok: true, instant: '2027-03-28T00:59:59Z' });
    expect(resolveLocalTime('2027-03-28T03:00', 'Europe/Berlin')).toEqual({ ok: true, instant: '2027-03-28T01:00:00Z' });
    const gap = resolveLocalTime('2027-03-28T02:30', 'Europe/Berlin');
    expect(gap).toMatchObject({ ok: false, problem: 'gap', after: '2027-03-28T03:00:00+02:00' });
    expect(gap.ok ? '' : gap.message).toBe('2027-03-28T02:30 does not exist in Europe/Berlin: the clocks jump from 01:59 straight to 03:00 that night');
    expect(resolveLocalTime('2027-03-28T02:00', 'Europe/Berlin')).toMatchObject({ ok: false, problem: 'gap' });
  });

  it('the night clocks fall back (2027-10-31): 02:00–02:59 happen twice', () => {
    expect(resolveLocalTime('2027-10-31T01:59', 'Europe/Berlin')).toEqual({ ok: true, instant: '2027-10-30T23:59:00Z' });
    expect(resolveLocalTime('2027-10-31T03:00', 'Europe/Berlin')).toEqual({ ok: true, instant: '2027-10-31T02:00:00Z' });
    expect(resolveLocalTime('2027-10-31T02:30', 'Europe/Berlin')).toMatchObject({
      ok: false,
      problem: 'ambiguous',
      earlier: '2027-10-31T02:30:00+02:00',
      later: '2027-10-31T02:30:00+01:00',
    });
    // Shown in local time, the two instants of that hour keep their offsets apart.
    expect([localIso(Date.parse('2027-10-31T00:30:00Z'), 'Europe/Berlin'), localIso(Date.parse('2027-10-31T01:30:00Z'), 'Europe/Berlin')]).toEqual([
      '2027-10-31T02:30:00+02:00',
      '2027-10-31T02:30:00+01:00',
    ]);
  });

  it('summer and winter days resolve with their own offsets; calendar nonsense and unknown zones are refused', () => {
    expect(resolveLocalTime('2027-07-01T00:00', 'Europe/Berlin')).toEqual({ ok: true, instant: '2027-06-30T22:00:00Z' });
    expect(resolveLocalTime('2027-01-01T00:00:00', 'Europe/Berlin')).toEqual({ ok: true, instant: '2026-12-31T23:00:00Z' });
    expect(resolveLocalTime('2027-02-29T00:00', 'Europe/Berlin')).toMatchObject({ ok: false, problem: 'invalid' });
    expect(resolveLocalTime('2027-01-01T00:00', 'Europe/Atlantis')).toMatchObject({ ok: false, problem: 'zone' });
  });
});

describe('loading windows with a timeZone', () => {
  it('turns local times into UTC instants, keeping the zone for reviews', async () => {
    const r = await check('{ from: 2027-03-28T03:00, until: "2027-10-31T03:00:00", timeZone: Europe/Berlin }');
    expect(r.problems).toEqual([]);
    expect(r.resource?.spec.window).toEqual({ from: '2027-03-28T01:00:00Z', until: '2027-10-31T02:00:00Z', timeZone: 'Europe/Berlin' });
  });

  it('leaves instants with offsets as written', async () => {
    const r = await check('{ from: 2027-03-28T03:00:00+02:00, timeZone: Europe/Berlin }');
    expect(r.resource?.spec.window).toEqual({ from: '2027-03-28T03:00:00+02:00', timeZone: 'Europe/Berlin' });
  });

  it('a local time in the skipped hour is a located error that names the jump', async () => {
    const r = await check('{ from: 2027-03-28T02:30, timeZone: Europe/Berlin }');
    expect(r.resource).toBeUndefined();
    expect(r.problems).toEqual([
      '6:19 schema/window-local-time spec.window.from: 2027-03-28T02:30 does not exist ' +
        'in Europe/Berlin: the clocks jump from 01:59 straight to 03:00 that night | ' +
        'Write a time that exists, e.g. 2027-03-28T03:00, or an instant with an offset.',
    ]);
  });

  it('a local time in the repeated hour is a located error that offers both offsets', async () => {
    const r = await check('{ until: 2027-10-31T02:30, timeZone: Europe/Berlin }');
    expect(r.problems).toEqual([
      '6:20 schema/window-local-time spec.window.until: 2027-10-31T02:30 happens twice in Europe/Berlin (the ' +
        'clocks fall back that night): 2027-10-31T02:30:00+02:00 or 2027-10-31T02:30:00+01:00 | Write the offset ' +
        'you mean: 2027-10-31T02:30:00+02:00 (before the clocks go back) or 2027-10-31T02:30:00+01:00 (after).',
    ]);
  });

  it('a local time needs a zone, and the zone must exist', async () => {
    expect((await check('{ from: 2027-06-01T00:00 }')).problems).toEqual([
      '6:19 schema/window-local-time spec.window.from (2027-06-01T00:00) has no offset and the window has no timeZone ' +
        '| Add `timeZone: Europe/Berlin` (or your zone) to the window, or write the offset: 2027-06-01T00:00:00Z.',
    ]);
    expect((await check('{ from: 2027-06-01T00:00, timeZone: Europe/Atlantis }')).problems).toEqual([
      '6:47 schema/time-zone "Europe/Atlantis" is not an IANA time zone | Write a zone name such as Europe/Berlin or UTC (see the IANA tz database).',
    ]);
  });

  it('compares the ends after resolving them', async () => {
    const r = await check('{ from: 2027-10-31T03:00, until: 2027-10-31T01:00:00Z, timeZone: Europe/Berlin }');
    expect(r.problems.map((p) => p.split(' ')[1])).toEqual(['schema/window']);
  });
});
