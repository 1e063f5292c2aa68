import { describe, expect, it } from 'vitest';
import { indexLive } from './live-index.js';
import { verifyResource } from './verify.js';
import { aLiveObject } from '../../test/fixtures/apply/builders.js';

const resource = {
  provider: 'promotions' as const,
  kind: 'Promotion',
  name: 'p',
  key: 'P',
  action: 'create' as const,
  desired: { spec: { status: 'active' } },
  expect: 'present' as const,
};

describe('read-back verification', () => {
  it('fails when the resource exists twice after the apply, naming both ids', () => {
    const one = indexLive([aLiveObject({ id: 'u-1', name: 'p' })]);
    expect(verifyResource(resource, 0, one, 'u-1')).toBeUndefined();
    const two = indexLive([aLiveObject({ id: 'u-2', name: 'p' }), aLiveObject({ id: 'u-1', name: 'p' })]);
    expect(verifyResource(resource, 0, two, 'u-1')?.message).toMatch(/exists 2 times on the target after the apply \(u-1, u-2\)/);
    // An archived twin (a code reused after archiving) is no duplicate.
    const archived = indexLive([aLiveObject({ id: 'u-2', name: 'p', facts: { retired: true } }), aLiveObject({ id: 'u-1', name: 'p' })]);
    expect(verifyResource(resource, 0, archived, 'u-1')).toBeUndefined();
  });
});
