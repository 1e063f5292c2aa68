// Lago takes coupon codes in any case, with dots, dashes and underscores (its own example is startup_deal); such
// a code is refused (located) on targets that do not take it. Its round trip on Lago is a row case
// (test/fidelity/rows/lago.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { workspace, type Workspace } from './round-trip.js';

let w: Workspace | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const coupon = (name: string, code: string, target = 'lago') => `apiVersion: promoc/v1
kind: Promotion
metadata: { name: ${name}, labels: { target: ${target} } }
spec:
  code: ${code}
  displayName: ${name}
  duration: { frequency: once }
  benefits: [{ percentOff: 10 }]
`;

describe('codes in the form of their target', () => {
  it('refuses at validate time, located, a code its target does not take', async () => {
    w = await workspace('lago', {
      'campaigns/ev.yaml': coupon('ev-lower', 'startup_deal', 'ev-billing')
        .replace('  duration: { frequency: once }\n', '')
        .replace('  displayName: ev-lower\n', ''),
      'campaigns/mobility.yaml': coupon('rides-lower', 'spring.sale', 'mobility').replace('  duration: { frequency: once }\n', ''),
    });
    const v = await w.cli(['validate']);
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(
      /campaigns\/ev\.yaml:5:9 +error +code "startup_deal" does not fit target ev-billing: it accepts 4–20 uppercase letters and digits +schema\/code-format/,
    );
    expect(v.stdout).toMatch(/campaigns\/mobility\.yaml:5:9 +error +code "spring\.sale" does not fit target mobility/);
    expect(v.stdout).toContain('"STARTUPDEAL"');
  });
});
