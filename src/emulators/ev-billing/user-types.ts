// User types (driver segments) and assignment. Assigning replaces any previously assigned type.
import { FieldReader } from '../shared/input.js';
import { isoSeconds } from '../shared/iso-time.js';
import { fail, ok, type Outcome } from '../shared/outcome.js';
import { randomString, type Random } from '../shared/random.js';
import { evError, validationError, type EvError } from './errors.js';
import type { EvTenant, UserType } from './model.js';

const NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,49}$/;

export function presentUserType(t: UserType): Record<string, unknown> {
  return { user_type_id: t.user_type_id, name: t.name, description: t.description ?? null, created_at: t.created_at };
}

export function createUserType(tenant: EvTenant, body: unknown, now: Date, random: Random): Outcome<UserType, EvError> {
  const r = new FieldReader(body);
  const name = r.string('name', {
    required: true,
    pattern: NAME_PATTERN,
    patternHint: 'use lowercase letters, digits, "-" or "_", up to 50 characters (e.g. fleet-customer)',
  });
  const description = r.string('description', { maxLength: 500 });
  if (r.issues.length > 0 || !name) return fail(validationError(r.issues));
  if (Object.values(tenant.userTypes).some((t) => t.name === name)) {
    return fail(evError(409, 'user_type_already_exists', `A user type named "${name}" already exists in this organisation.`));
  }
  let id: string;
  do id = `ut_${randomString(random, '0123456789abcdefghjkmnpqrstvwxyz', 10)}`;
  while (Object.hasOwn(tenant.userTypes, id));
  const created: UserType = { user_type_id: id, name, description: description ?? null, created_at: isoSeconds(now) };
  tenant.userTypes[id] = created;
  return ok(created);
}

/** PUT /user-types/users/{user_id}/user-type with `{ "user_type": "<name>" }` (or `user_type_id`). */
export function assignUserType(tenant: EvTenant, userId: string, body: unknown, now: Date): Outcome<Record<string, unknown>, EvError> {
  const r = new FieldReader(body);
  const name = r.string('user_type');
  const id = r.string('user_type_id');
  if (!name && !id && r.issues.length === 0) r.add('user_type', 'required', 'user_type (the type name) is required');
  if (userId.length === 0 || userId.length > 100) r.add('user_id', 'invalid', 'user_id must be 1–100 characters');
  if (r.issues.length > 0) return fail(validationError(r.issues));
  const type = Object.values(tenant.userTypes).find((t) => (id ? t.user_type_id === id : t.name === name));
  if (!type) return fail(evError(404, 'user_type_not_found', `No user type "${id ?? name ?? ''}" in this organisation; create it first.`));
  const previous = tenant.assignments[userId];
  const previousType = previous ? tenant.userTypes[previous.user_type_id] : undefined;
  tenant.assignments[userId] = { user_id: userId, user_type_id: type.user_type_id, assigned_at: isoSeconds(now) };
  return ok({
    user_id: userId,
    user_type: presentUserType(type),
    previous_user_type: previousType ? previousType.name : null,
    assigned_at: isoSeconds(now),
  });
}
