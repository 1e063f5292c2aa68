// Contract suite for what one benefit says on its own: dated validity, branches, vehicle categories, and the
// annotation gates of the addition an AdditionEntitlement grants. Stored, returned, checked against the tenant.
import { describe, expect, it } from 'vitest';
import { fakeClock, obj } from '../shared/testing.js';
import { promotion, useMobilityKit, type MobilityKit } from './mobility-test-kit.js';

const clock = fakeClock('2027-01-15T10:00:00Z');
let kit: MobilityKit;
const message = (r: { body: unknown }) => String(obj(r.body).userMessage);

useMobilityKit(clock, '2027-01-15T10:00:00Z', (k) => { kit = k; });

async function annotation(name: string): Promise<number> {
  const r = await kit.api('/annotations', { body: { name, type: 'TAG' } });
  expect(r.status, r.text).toBe(201);
  return Number(obj(r.body).id);
}

describe('per-benefit scope', () => {
  it('stores and returns each benefit\'s validity, branches, categories and annotation gates', async () => {
    const insured = await annotation('insured-driver');
    const flagged = await annotation('flagged');
    const benefits = [
      { type: 'Discount', discount: 0.2, validFrom: '2027-06-01T00:00:00Z', validUntil: '2027-07-01T00:00:00Z', applicableBranchIds: [11], applicableVehicleCategoryIds: [1] },
      { type: 'AdditionEntitlement', additionId: 1, requiredAnnotationIds: [insured], prohibitedAnnotationIds: [flagged] },
    ];
    const r = await kit.api('/voucherables', { body: promotion({ benefits }) });
    expect(r.status, r.text).toBe(201);
    const read = obj((await kit.api(`/voucherables/${String(obj(r.body).id)}`)).body);
    expect(read.benefits).toEqual(benefits);
  });

  it('refuses unknown branches and annotations, and gates on a benefit other than an addition entitlement', async () => {
    const r = await kit.api('/voucherables', { body: promotion({ benefits: [
      { type: 'Discount', discount: 0.1, applicableBranchIds: [99], requiredAnnotationIds: [1] },
      { type: 'AdditionEntitlement', additionId: 1, prohibitedAnnotationIds: [777] },
    ] }) });
    expect([r.status, obj(r.body).errorCode]).toEqual([400, 'R102.1']);
    expect(message(r)).toContain('benefits[0].requiredAnnotationIds is only for AdditionEntitlement benefits');
    expect(message(r)).toContain('benefits[0].applicableBranchIds refers to unknown branches 99');
    expect(message(r)).toContain('benefits[1].prohibitedAnnotationIds refers to unknown annotations 777');
  });

  it('refuses a benefit window that ends before it starts', async () => {
    const r = await kit.api('/voucherables', { body: promotion({ benefits: [{ type: 'Discount', discount: 0.1, validFrom: '2027-07-01T00:00:00Z', validUntil: '2027-06-01T00:00:00Z' }] }) });
    expect(message(r)).toContain('benefits[0].validUntil must be after validFrom');
  });
});
