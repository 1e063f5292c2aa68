// RFC 9457 problem details, Kontorion style: type, title, status, detail, instance, code
// (SCREAMING_SNAKE), request_id; 409 version conflicts add expected_version/current_version, 404s add
// entity_type/entity_id, validation errors add fields[].
import type { Issue } from '../shared/input.js';
import { json } from '../shared/respond.js';

export interface Problem {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly extra?: Readonly<Record<string, unknown>>;
  readonly headers?: Readonly<Record<string, string>>;
}

export function problem(status: number, code: string, title: string, detail: string, extra?: Record<string, unknown>): Problem {
  return extra ? { status, code, title, detail, extra } : { status, code, title, detail };
}

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export function validation(fields: readonly FieldProblem[], detail?: string): Problem {
  const names = [...new Set(fields.map((f) => f.field))];
  return problem(400, 'VALIDATION', 'Validation failed', detail ?? `Invalid: ${names.join(', ')}`, { fields });
}

export function fromIssues(issues: readonly Issue[]): Problem {
  return validation(issues.map((i) => ({ field: i.field, message: i.message })));
}

export function notFound(entityType: string, entityId: string): Problem {
  return problem(404, 'NOT_FOUND', 'Not found', `No ${entityType} with id "${entityId}" in this organization.`, {
    entity_type: entityType,
    entity_id: entityId,
  });
}

export function versionConflict(expected: number, current: number): Problem {
  return problem(
    409,
    'VERSION_CONFLICT',
    'Version conflict',
    `expected_version ${expected} does not match the current version ${current}; re-read the promotion and retry.`,
    { expected_version: expected, current_version: current },
  );
}

export function invalidState(detail: string, status: string): Problem {
  return problem(409, 'INVALID_STATE_TRANSITION', 'Invalid state transition', detail, { current_status: status });
}

export function problemBody(p: Problem, instance: string, requestId: string): Record<string, unknown> {
  return {
    type: `https://docs.kontorion.example/problems/${p.code.toLowerCase().replace(/_/g, '-')}`,
    title: p.title,
    status: p.status,
    detail: p.detail,
    instance,
    code: p.code,
    request_id: requestId,
    ...p.extra,
  };
}

export function problemResponse(p: Problem, instance: string, requestId: string): Response {
  return json(problemBody(p, instance, requestId), p.status, { 'x-request-id': requestId, ...p.headers }, 'application/problem+json');
}
