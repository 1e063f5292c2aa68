// EV billing error bodies. The vendor documents no error schema; we assume the common
// `{ "error": { "code", "message", "details"? } }` envelope with snake_case codes (see README).
import type { Issue } from '../shared/input.js';
import { json } from '../shared/respond.js';

export interface EvError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly details?: readonly { field: string; message: string }[];
  readonly headers?: Readonly<Record<string, string>>;
}

export function evError(status: number, code: string, message: string, extra: Partial<Pick<EvError, 'details' | 'headers'>> = {}): EvError {
  return { status, code, message, ...extra };
}

export function validationError(issues: readonly Issue[]): EvError {
  const fields = [...new Set(issues.map((i) => i.field))];
  return evError(422, 'validation_error', `${issues.length} invalid field${issues.length === 1 ? '' : 's'}: ${fields.join(', ')}`, {
    details: issues.map((i) => ({ field: i.field, message: i.message })),
  });
}

export function evErrorBody(error: EvError): { error: { code: string; message: string; details?: readonly { field: string; message: string }[] } } {
  return { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
}

export function evErrorResponse(error: EvError): Response {
  return json(evErrorBody(error), error.status, error.headers ?? {});
}
