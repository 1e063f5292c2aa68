import { describe, expect, it } from 'vitest';
import { compileCalls } from '../apply/plan-to-calls.js';
import { progressReporter } from '../apply/progress.js';
import { renderCalls } from './api-calls.js';
import { anAction, aPlan } from '../../test/fixtures/apply/builders.js';

const graph = compileCalls(
  aPlan(
    [
      anAction({ action: 'noop', provider: 'mobility', kind: 'Tag', name: 'flagged', key: 'flagged', liveId: 'annotation:4' }),
      anAction({
        action: 'create',
        provider: 'mobility',
        name: 'summer',
        desired: { spec: { status: 'active' } },
        payload: { code: 'SUMMER', guserProhibitedAnnotationIds: [{ $tag: 'flagged' }], name: "it's" },
      }),
      anAction({ action: 'update', provider: 'lago', name: 'switch', liveId: 'SWITCH 20', payload: { code: 'SWITCH 20' } }),
    ],
    'staging',
  ),
).graph;
const apis = {
  mobility: {
    baseUrl: 'https://ops.example.com/v1/acme',
    auth: { header: 'authorization', value: 'Bearer $MOBILITY_ACCESS_TOKEN' },
    note: 'mobility: sign in first',
  },
  lago: { baseUrl: 'https://api.getlago.com/api/v1', auth: { header: 'authorization', value: 'Bearer $LAGO_KEY' } },
};

describe('renderCalls', () => {
  it('writes curl commands a reviewer can run, naming the secret variables, quoting bodies for the shell', () => {
    expect(renderCalls(graph, 'curl', apis)).toBe(`# 3 calls for target staging, in order (a call waits for the ones listed after "after:").
# mobility: sign in first

# s0001 create mobility Promotion/summer
curl -sS -X POST 'https://ops.example.com/v1/acme/voucherables' \\
  -H "authorization: Bearer $MOBILITY_ACCESS_TOKEN" \\
  -H 'content-type: application/json' \\
  --data-binary '{"code":"SUMMER","guserProhibitedAnnotationIds":[4],"name":"it'\\''s"}'

# s0002 activate mobility Promotion/summer (after: s0001)
curl -sS -X POST 'https://ops.example.com/v1/acme/voucherables/{{id of Promotion/summer}}/activate' \\
  -H "authorization: Bearer $MOBILITY_ACCESS_TOKEN"

# s0003 update lago Promotion/switch
curl -sS -X PUT 'https://api.getlago.com/api/v1/coupons/SWITCH%2020' \\
  -H "authorization: Bearer $LAGO_KEY" \\
  -H 'content-type: application/json' \\
  --data-binary '{"coupon":{"code":"SWITCH 20"}}'
`);
  });
});

describe('progressReporter', () => {
  const events = (p: ReturnType<typeof progressReporter>, n: number) => {
    for (let i = 0; i < n; i += 1)
      p.onEvent({ type: 'step', step: graph.steps[i % graph.steps.length]!, state: i === 1 ? 'failed' : 'done', ...(i === 1 ? { error: 'refused' } : {}) });
  };
  it('redraws a bar on a terminal and writes failures on their own line', () => {
    let out = '';
    const p = progressReporter(
      {
        write: (t) => {
          out += t;
        },
        isTTY: true,
        color: false,
        now: () => 0,
      },
      graph,
    );
    events(p, 3);
    p.finish();
    expect(out).toContain('✖ s0002 activate mobility Promotion/summer: refused\n');
    expect(out.endsWith(`\r\x1b[2K${'█'.repeat(28)} 3/3 calls · 1 failed\n`)).toBe(true);
  });
  it('writes plain lines in CI: failures only for small runs', () => {
    let out = '';
    const p = progressReporter(
      {
        write: (t) => {
          out += t;
        },
        isTTY: false,
        color: false,
        now: () => 0,
      },
      graph,
    );
    events(p, 3);
    p.finish();
    expect(out).toBe('✖ s0002 activate mobility Promotion/summer: refused\n');
  });
});
