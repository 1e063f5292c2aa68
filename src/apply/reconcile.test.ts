import { describe, expect, it } from 'vitest';
import { compileCalls } from './plan-to-calls.js';
import { indexLive } from './live-index.js';
import { reconcileStep } from './reconcile.js';
import { aLiveObject, anAction, aPlan } from '../../test/fixtures/apply/builders.js';

const graph = compileCalls(
  aPlan([
    anAction({ action: 'create', provider: 'promotions', name: 'p', key: 'P', desired: { spec: { status: 'active', code: 'P' } }, payload: {} }),
    anAction({ action: 'update', provider: 'lago', name: 'l', key: 'L', liveId: 'L', desired: { spec: { code: 'L', name: 'new' } }, payload: {} }),
    anAction({ action: 'delete', provider: 'lago', name: 'gone', key: 'GONE', liveId: 'GONE' }),
  ]),
).graph;
const [create, activate, update, remove] = graph.steps;

describe('reconcileStep: did a call whose answer was lost take effect?', () => {
  it('a create is done when the object exists with our marker, and retried when it does not', () => {
    expect(reconcileStep(graph, create!, indexLive([aLiveObject({ id: 'u-1', name: 'p' })]), undefined, false)).toEqual({ outcome: 'done', liveId: 'u-1' });
    expect(reconcileStep(graph, create!, indexLive([]), undefined, false)).toEqual({ outcome: 'retry' });
    // An archived namesake is not the object this create makes.
    expect(reconcileStep(graph, create!, indexLive([aLiveObject({ id: 'old', name: 'p', facts: { retired: true } })]), undefined, false)).toEqual({
      outcome: 'retry',
    });
  });

  it('a conflict with an object promoc does not manage fails instead of retrying', () => {
    const verdict = reconcileStep(graph, create!, indexLive([aLiveObject({ id: 'x', name: 'p', owned: false })]), undefined, true);
    expect(verdict).toMatchObject({ outcome: 'failed', detail: expect.stringMatching(/P is taken by a live Promotion that promoc does not manage/) });
  });

  it('settles activations, updates and deletes from the object as read', () => {
    expect(reconcileStep(graph, activate!, indexLive([aLiveObject({ id: 'u-1', name: 'p' })]), 'u-1', true)).toEqual({ outcome: 'done' });
    expect(reconcileStep(graph, activate!, indexLive([aLiveObject({ id: 'u-1', name: 'p', fields: { spec: { status: 'inactive' } } })]), 'u-1', false)).toEqual(
      { outcome: 'retry' },
    );
    expect(reconcileStep(graph, update!, indexLive([aLiveObject({ id: 'L', name: 'l', fields: { spec: { code: 'L', name: 'new' } } })]), 'L', true)).toEqual({
      outcome: 'done',
    });
    expect(
      reconcileStep(graph, update!, indexLive([aLiveObject({ id: 'L', name: 'l', fields: { spec: { code: 'L', name: 'other' } } })]), 'L', true),
    ).toMatchObject({ outcome: 'failed' });
    expect(reconcileStep(graph, remove!, indexLive([]), 'GONE', true)).toEqual({ outcome: 'done' });
  });
});
