// `promoc plan --api-verdict`: the promotions API's own eligibility preview and simulation for each changed
// live promotion, beside the engine's verdict on the same fields, against the emulator. A ladder promotion the
// customer has climbed once and a verified-customer promotion agree; a probe whose context leaves out what the
// API knows (the customer's verification) disagrees, and the plan says so at the campaign with plan/api-verdict.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { workspace, type Workspace } from './round-trip.js';

let w: Workspace | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const campaigns = (name: string): Record<string, string> => ({
  'campaigns/nonprofit.yaml': `apiVersion: promoc/v1
kind: Promotion
metadata: { name: nonprofit, labels: { target: promotions } }
spec:
  code: NONPROFIT
  displayName: ${name}
  window: { until: 2029-01-01T00:00:00Z }
  conditions:
    externalVerification: { provider: sheerid }
  benefits: [{ percentOff: 30 }]
`,
  'campaigns/ladder.yaml': `apiVersion: promoc/v1
kind: Promotion
metadata: { name: loyalty, labels: { target: promotions } }
spec:
  code: LOYALTY
  displayName: ${name}
  window: { until: 2029-01-01T00:00:00Z }
  benefits: [{ percentOff: 5 }]
  ladder:
    archetype: loyalty_ladder
    steps: [{ name: second, benefits: [{ percentOff: 10 }] }]
`,
});

const context = (verified: boolean) => `    context:
      currency: EUR
      lines: [{ id: subscription, amount: "100.00" }]
      customer: { id: cus_ngo${verified ? ', verifications: [sheerid]' : ''} }
      billing: { plan: fleet-pro-monthly }
      usage: { Promotion/loyalty: { customerRedemptions: 1 } }
`;

async function seed(w: Workspace): Promise<void> {
  const e = w.emulators.endpoint('promotions');
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${e.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status, await res.clone().text()).toBe(201);
  };
  await post('/__emulator/customers', {
    id: 'cus_ngo',
    attributes: { verified_sheerid: true },
    first_purchase: false,
    subscriptions: [{ id: 'sub_ngo', plan_code: 'fleet-pro-monthly', amount: '100.00', currency: 'EUR' }],
  });
  const list = await fetch(`${e.apiBaseUrl}/promotions?code=LOYALTY`, { headers: { authorization: 'Bearer kt_test_promoc' } });
  const id = ((await list.json()) as { data: { id: string }[] }).data[0]!.id;
  await post('/__emulator/redemptions', { promotion_id: id, customer_id: 'cus_ngo', amount: '5.00' });
}

describe('plan --api-verdict', () => {
  it("shows the API's verdict beside the engine's: agreeing, and flagging a disagreement at the campaign", async () => {
    w = await workspace('promotions', campaigns('Before'));
    const applied = await w.cli(['apply', '--auto-approve']);
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    await seed(w);
    for (const [path, text] of Object.entries(campaigns('After'))) await writeFile(join(w.repo, path), text);
    await writeFile(
      join(w.repo, 'probes.yaml'),
      `probes:\n  - customer: cus_ngo\n    subscription: sub_ngo\n    at: 2027-01-20T00:00:00Z\n` +
        `${context(true)}  - customer: cus_ngo\n    at: 2027-02-01T00:00:00Z\n${context(false)}`,
    );

    const plan = await w.cli(['plan', '--api-verdict', 'probes.yaml']);
    expect(plan.code, plan.stdout + plan.stderr).toBe(2);
    const out = plan.stdout;
    // The ladder: one redemption so far puts the customer on the second step, for both.
    expect(out).toMatch(
      /Promotion\/loyalty \(LOYALTY\) · customer cus_ngo at 2027-01-20T00:00:00Z: API eligible, 10\.00 EUR off · engine applies it, 10\.00 EUR off · agree/,
    );
    expect(out).toMatch(
      /Promotion\/nonprofit \(NONPROFIT\) · customer cus_ngo at 2027-01-20T00:00:00Z: API eligible, 30\.00 EUR off · engine applies it, 30\.00 EUR off · agree/,
    );
    expect(out).toContain(
      'Promotion/nonprofit (NONPROFIT) · customer cus_ngo at 2027-02-01T00:00:00Z: API eligible, 30.00 EUR off · ' +
        'engine rejects it (requires verification by sheerid) · DISAGREE',
    );
    const disagreement =
      'the API and the engine disagree on Promotion/nonprofit for customer cus_ngo at 2027-02-01T00:00:00Z: ' +
      'API eligible, 30.00 EUR off; engine rejects it (requires verification by sheerid)';
    expect(plan.stderr).toMatch(/campaigns\/nonprofit\.yaml:4:1 +warning +the API and the engine disagree on Promotion\/nonprofit .* +plan\/api-verdict/);
    expect(plan.stderr).toContain(disagreement);
    expect(plan.stderr).not.toMatch(/loyalty\.yaml/);

    const markdown = await w.cli(['plan', '--api-verdict', 'probes.yaml', '--format', 'markdown']);
    expect(markdown.stdout).toMatch(/#### API verdicts/);
    expect(markdown.stdout).toContain(
      '| Promotion/nonprofit (NONPROFIT) | cus_ngo at 2027-02-01T00:00:00Z | eligible, 30.00 EUR off | ' +
        'rejects it (requires verification by sheerid) | **disagree** |',
    );

    // Saved with the plan, the verdicts are in the report: out/report.html and the markdown comment.
    const saved = await w.cli(['plan', '--api-verdict', 'probes.yaml', '--out', 'plan.json', '--format', 'json']);
    expect(saved.code, saved.stderr).toBe(2);
    expect((JSON.parse(saved.stdout) as { verdicts: { agree: boolean }[] }).verdicts.map((v) => v.agree)).toEqual([true, true, true, false]);
    const report = await w.cli(['report', '--plan', 'plan.json', '--out', 'out/pr-comment.md', '--html', 'out/report.html', '--no-coverage']);
    expect(report.code, report.stdout + report.stderr).toBe(0);
    const md = await readFile(join(w.repo, 'out', 'pr-comment.md'), 'utf8');
    expect(md).toMatch(/#### API verdicts/);
    expect(md).toMatch(/\*\*disagree\*\*/);
    const html = await readFile(join(w.repo, 'out', 'report.html'), 'utf8');
    expect(html).toMatch(/<h4>API verdicts<\/h4>/);
    expect(html).toContain(
      '<tr class="bad"><td>Promotion/nonprofit (NONPROFIT)</td><td>cus_ngo at 2027-02-01T00:00:00Z</td>' +
        '<td>eligible, 30.00 EUR off</td><td>rejects it (requires verification by sheerid)</td>',
    );
  });

  it('refuses a probes file without customers, naming the entry', async () => {
    w = await workspace('promotions', campaigns('Before'));
    await writeFile(join(w.repo, 'probes.yaml'), 'probes:\n  - context: { currency: EUR, lines: [] }\n');
    const plan = await w.cli(['plan', '--api-verdict', 'probes.yaml']);
    expect(plan.code).toBe(64);
    expect(plan.stderr).toMatch(/probes\.yaml: probes\[0\]\.customer must be the id of a customer the API knows/);
  });
});
