// Template management on /voucherables: create (always INACTIVE), get by id or code, full-replacement
// update, delete (not while ACTIVE), activate (validates) and deactivate. Every call is permission-gated
// on the template's owning business unit.
import { isoSeconds } from '../shared/iso-time.js';
import { fail, ok, type Outcome } from '../shared/outcome.js';
import { activationProblems } from './activation.js';
import { denied, type MobilityCall } from './context.js';
import { invalid, mobilityError, notFound, type MobilityError } from './errors.js';
import { nextId, type Voucherable } from './model.js';
import { readVoucherable, type VoucherableFields } from './voucherable-input.js';

function codeTaken(call: MobilityCall, code: string | null | undefined, exceptId: number): MobilityError | undefined {
  if (!code) return undefined;
  const clash = Object.values(call.tenant.voucherables).find((v) => v.id !== exceptId && v.code?.toLowerCase() === code.toLowerCase());
  return clash ? mobilityError(409, 'VA101', `Code ${code} is already used by voucherable ${clash.id}`) : undefined;
}

export function findVoucherable(
  call: MobilityCall,
  id: string | number,
  permission: 'VOUCHERABLE_VIEW' | 'VOUCHERABLE_MANAGE',
): Outcome<Voucherable, MobilityError> {
  const v = call.tenant.voucherables[String(id)];
  if (!v) return fail(notFound('VA100', 'Voucherable', id));
  const no = denied(call, v.businessUnitId, permission);
  return no ? fail(no) : ok(v);
}

export function findByCode(call: MobilityCall, code: string): Outcome<Voucherable, MobilityError> {
  const v = Object.values(call.tenant.voucherables).find((x) => x.code?.toLowerCase() === code.toLowerCase());
  return v ? findVoucherable(call, v.id, 'VOUCHERABLE_VIEW') : fail(notFound('VA100', 'Voucherable with code', code));
}

function readChecked(call: MobilityCall, body: unknown): Outcome<VoucherableFields, MobilityError> {
  const { fields, issues } = readVoucherable(body, call.config, call.tenant);
  if (!fields) return fail(invalid(issues));
  const no = denied(call, fields.businessUnitId, 'VOUCHERABLE_MANAGE');
  return no ? fail(no) : ok(fields);
}

export function createVoucherable(call: MobilityCall, body: unknown): Outcome<Voucherable, MobilityError> {
  const read = readChecked(call, body);
  if (!read.ok) return read;
  const taken = codeTaken(call, read.value.code, -1);
  if (taken) return fail(taken);
  const id = nextId(call.tenant, 'voucherables');
  const at = isoSeconds(call.now);
  const v: Voucherable = { ...read.value, id, state: 'INACTIVE', createdAt: at, updatedAt: at };
  call.tenant.voucherables[String(id)] = v;
  return ok(v);
}

export function updateVoucherable(call: MobilityCall, id: string, body: unknown): Outcome<Voucherable, MobilityError> {
  const found = findVoucherable(call, id, 'VOUCHERABLE_MANAGE');
  if (!found.ok) return found;
  const current = found.value;
  const read = readChecked(call, body);
  if (!read.ok) return read;
  if (read.value.type !== current.type) {
    const message = `type cannot change (${current.type} → ${read.value.type}); create a new voucherable`;
    return fail(invalid([{ field: 'type', kind: 'invalid', message }]));
  }
  const taken = codeTaken(call, read.value.code, current.id);
  if (taken) return fail(taken);
  if (current.state === 'ACTIVE') {
    const problems = activationProblems(read.value, call.now);
    if (problems.length > 0) return fail(mobilityError(400, 'VA102', `An ACTIVE voucherable must stay valid: ${problems.join('; ')}`));
  }
  const next: Voucherable = { ...read.value, id: current.id, state: current.state, createdAt: current.createdAt, updatedAt: isoSeconds(call.now) };
  call.tenant.voucherables[String(current.id)] = next;
  return ok(next);
}

export function deleteVoucherable(call: MobilityCall, id: string): Outcome<Voucherable, MobilityError> {
  const found = findVoucherable(call, id, 'VOUCHERABLE_MANAGE');
  if (!found.ok) return found;
  if (found.value.state === 'ACTIVE') return fail(mobilityError(409, 'VA103', `Voucherable ${id} is ACTIVE; deactivate it before deleting`));
  delete call.tenant.voucherables[String(found.value.id)];
  return ok(found.value);
}

export function setState(call: MobilityCall, id: string, state: 'ACTIVE' | 'INACTIVE'): Outcome<Voucherable, MobilityError> {
  const found = findVoucherable(call, id, 'VOUCHERABLE_MANAGE');
  if (!found.ok) return found;
  const v = found.value;
  if (state === 'ACTIVE' && v.state !== 'ACTIVE') {
    const problems = activationProblems(v, call.now);
    if (problems.length > 0) return fail(mobilityError(400, 'VA102', `Voucherable ${id} cannot be activated: ${problems.join('; ')}`));
  }
  if (v.state !== state) {
    v.state = state;
    v.updatedAt = isoSeconds(call.now);
  }
  return ok(v);
}

/** GET /voucherables filters; templates on business units the client cannot view are left out. */
export function listVoucherables(call: MobilityCall, query: URLSearchParams): Voucherable[] {
  const type = query.get('type');
  const state = query.get('state');
  const code = query.get('code');
  const unit = query.get('businessUnitId');
  return Object.values(call.tenant.voucherables).filter(
    (v) =>
      denied(call, v.businessUnitId, 'VOUCHERABLE_VIEW') === undefined &&
      (type === null || v.type === type) &&
      (state === null || v.state === state) &&
      (code === null || v.code?.toLowerCase() === code.toLowerCase()) &&
      (unit === null || String(v.businessUnitId) === unit),
  );
}

export const VOUCHERABLE_SORT = ['id', 'name', 'code', 'type', 'state', 'businessUnitId', 'createdAt', 'updatedAt', 'validFrom', 'validUntil'];
