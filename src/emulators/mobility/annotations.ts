// Annotations (custom tags = TAG, system tags = LABEL): list with ?type=, create, get, update.
// Names are unique per type within a tenant.
import { FieldReader } from '../shared/input.js';
import { isoSeconds } from '../shared/iso-time.js';
import { fail, ok, type Outcome } from '../shared/outcome.js';
import type { MobilityCall } from './context.js';
import { invalid, mobilityError, notFound, type MobilityError } from './errors.js';
import { nextId, type Annotation } from './model.js';

function read(call: MobilityCall, body: unknown, exceptId: number): Outcome<Pick<Annotation, 'name' | 'type' | 'description' | 'color'>, MobilityError> {
  const r = new FieldReader(body);
  const name = r.string('name', { required: true, maxLength: 100 });
  const type = r.oneOf('type', ['TAG', 'LABEL'] as const) ?? 'TAG';
  const description = r.string('description', { maxLength: 500 }) ?? null;
  const color = r.string('color', { pattern: /^#[0-9A-Fa-f]{6}$/, patternHint: 'use a hex colour like #FF8800' }) ?? null;
  if (r.issues.length > 0 || !name) return fail(invalid(r.issues));
  const clash = Object.values(call.tenant.annotations).find((a) => a.id !== exceptId && a.type === type && a.name.toLowerCase() === name.toLowerCase());
  if (clash) return fail(mobilityError(409, 'AN101', `A ${type} named "${name}" already exists (id ${clash.id})`));
  return ok({ name, type, description, color });
}

export function createAnnotation(call: MobilityCall, body: unknown): Outcome<Annotation, MobilityError> {
  const fields = read(call, body, -1);
  if (!fields.ok) return fields;
  const at = isoSeconds(call.now);
  const a: Annotation = { id: nextId(call.tenant, 'annotations'), ...fields.value, createdAt: at, updatedAt: at };
  call.tenant.annotations[String(a.id)] = a;
  return ok(a);
}

export function findAnnotation(call: MobilityCall, id: string): Outcome<Annotation, MobilityError> {
  const a = call.tenant.annotations[id];
  return a ? ok(a) : fail(notFound('AN100', 'Annotation', id));
}

export function updateAnnotation(call: MobilityCall, id: string, body: unknown): Outcome<Annotation, MobilityError> {
  const found = findAnnotation(call, id);
  if (!found.ok) return found;
  const fields = read(call, body, found.value.id);
  if (!fields.ok) return fields;
  Object.assign(found.value, fields.value, { updatedAt: isoSeconds(call.now) });
  return ok(found.value);
}

export function listAnnotations(call: MobilityCall, query: URLSearchParams): Outcome<Annotation[], MobilityError> {
  const type = query.get('type');
  if (type !== null && type !== 'TAG' && type !== 'LABEL') return fail(mobilityError(400, 'R102.1', 'type must be TAG or LABEL'));
  return ok(Object.values(call.tenant.annotations).filter((a) => type === null || a.type === type));
}

export const ANNOTATION_SORT = ['id', 'name', 'type', 'createdAt', 'updatedAt'];
