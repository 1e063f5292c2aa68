import { describe, expect, it } from 'vitest';
import { compileCalls } from './plan-to-calls.js';
import { anAction, aPlan } from '../../test/fixtures/apply/builders.js';

const calls = (actions: Parameters<typeof aPlan>[0]) =>
  compileCalls(aPlan(actions)).graph.steps.map((s) => `${s.id} ${s.method} ${s.path}${s.after.length > 0 ? ` after ${s.after.join(',')}` : ''}`);

describe('compileCalls', () => {
  it('creates tags before the templates that name them, and activates after creating', () => {
    const graph = compileCalls(
      aPlan([
        anAction({ action: 'create', provider: 'mobility', kind: 'Tag', name: 'flagged', key: 'flagged', payload: { name: 'flagged', type: 'LABEL' } }),
        anAction({
          action: 'create',
          provider: 'mobility',
          name: 'summer',
          desired: { spec: { status: 'active' } },
          payload: { type: 'Promotion', guserProhibitedAnnotationIds: [{ $tag: 'flagged' }] },
        }),
      ]),
    ).graph;
    expect(graph.steps.map((s) => `${s.id} ${s.op} ${s.method} ${s.path} after [${s.after.join(',')}]`)).toEqual([
      's0001 create POST /annotations after []',
      's0002 create POST /voucherables after [s0001]',
      's0003 activate POST /voucherables/{id}/activate after [s0002]',
    ]);
    expect(graph.steps[2]!.target).toBe('created');
  });

  it('deactivates a mobility template before deleting it, and a Lago replace deletes before it creates', () => {
    expect(
      calls([
        anAction({ action: 'delete', provider: 'mobility', name: 'old', liveId: 'voucherable:7', live: { spec: { status: 'active' } } }),
        anAction({ action: 'replace', provider: 'lago', name: 'switch', liveId: 'SWITCH', payload: { code: 'SWITCH' } }),
      ]),
    ).toEqual([
      's0001 POST /voucherables/{id}/deactivate',
      's0002 DELETE /voucherables/{id} after s0001',
      's0003 DELETE /coupons/{id}',
      's0004 POST /coupons after s0003',
    ]);
  });

  it('guards promotions updates with expected_version and leaves phases out of an active promotion', () => {
    const graph = compileCalls(
      aPlan([
        anAction({
          action: 'update',
          provider: 'promotions',
          name: 'p',
          liveId: 'u-1',
          liveVersion: 3,
          live: { spec: { status: 'active' } },
          payload: { name: 'P', phases: [{ name: 'Default' }] },
        }),
        anAction({
          action: 'update',
          provider: 'promotions',
          name: 'd',
          liveId: 'u-2',
          liveVersion: 1,
          activation: 'activate',
          live: { spec: { status: 'inactive' } },
          payload: { name: 'D', phases: [{ name: 'Default' }] },
        }),
      ]),
    ).graph;
    expect(graph.steps.map((s) => [s.method, s.path, s.body])).toEqual([
      ['PATCH', '/promotions/{id}', { name: 'P', expected_version: 3 }],
      ['PATCH', '/promotions/{id}', { name: 'D', phases: [{ name: 'Default' }], expected_version: 1 }],
      ['POST', '/promotions/{id}/activate', undefined],
    ]);
  });

  it('archives then recreates a promotions replace, and splits a large code batch into requests of 5,000', () => {
    expect(
      calls([
        anAction({ action: 'replace', provider: 'promotions', name: 'p', liveId: 'u-1', desired: { spec: { status: 'active' } }, payload: { code: 'P' } }),
      ]),
    ).toEqual(['s0001 POST /promotions/{id}/deactivate', 's0002 POST /promotions after s0001', 's0003 POST /promotions/{id}/activate after s0002']);
    const batch = compileCalls(
      aPlan([
        anAction({ action: 'noop', provider: 'mobility', name: 'welcome', liveId: 'voucherable:3' }),
        anAction({
          action: 'create',
          provider: 'mobility',
          kind: 'CodeBatch',
          name: 'fair',
          payload: { voucherableId: { $voucherable: 'Promotion/welcome' }, quantity: 12_000 },
        }),
      ]),
    ).graph;
    expect(batch.steps.map((s) => [s.path, (s.body as { quantity: number }).quantity, s.expectCount])).toEqual([
      ['/vouchers/redeemable/constraint', 5000, 5000],
      ['/vouchers/redeemable/constraint', 5000, 10_000],
      ['/vouchers/redeemable/constraint', 2000, 12_000],
    ]);
  });

  it('lists unchanged and blocked resources as untouched, and actions no API call carries out as unsupported', () => {
    const { graph, unsupported } = compileCalls(
      aPlan([
        anAction({ action: 'noop', provider: 'lago', name: 'a' }),
        anAction({ action: 'blocked', provider: 'ev-billing', name: 'b', reason: 'create-only' }),
        anAction({ action: 'update', provider: 'ev-billing', name: 'c' }),
      ]),
    );
    expect(graph.steps).toEqual([]);
    expect(graph.untouched.map((u) => `${u.action} ${u.name} ${u.reason ?? ''}`.trim())).toEqual(['noop a', 'blocked b create-only']);
    expect(unsupported.map((u) => u.reason)).toEqual(['promoc has no ev-billing call for "update" of a Promotion']);
  });
});
