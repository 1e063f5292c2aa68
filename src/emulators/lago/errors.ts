// Lago's error bodies, as in its OpenAPI document (ApiError* schemas):
// 400 {status,error}; 401 {status,error:"Unauthorized"}; 404/405 {status,error,code};
// 422 {status,error,code:"validation_errors",error_details:{field:[codes]}}.
import type { Issue, IssueKind } from '../shared/input.js';
import { json } from '../shared/respond.js';

export interface LagoError {
  readonly status: number;
  readonly body: Readonly<Record<string, unknown>>;
}

export const badRequest = (message: string): LagoError => ({ status: 400, body: { status: 400, error: `BadRequest: ${message}` } });
export const unauthorized = (): LagoError => ({ status: 401, body: { status: 401, error: 'Unauthorized' } });
export const notFound = (resource: string): LagoError => ({ status: 404, body: { status: 404, error: 'Not Found', code: `${resource}_not_found` } });
export const notAllowed = (code: string): LagoError => ({ status: 405, body: { status: 405, error: 'Method Not Allowed', code } });

export function unprocessable(details: Readonly<Record<string, readonly string[]>>): LagoError {
  return { status: 422, body: { status: 422, error: 'Unprocessable Entity', code: 'validation_errors', error_details: details } };
}

const CODES: Readonly<Record<IssueKind, string>> = {
  required: 'value_is_mandatory',
  invalid: 'value_is_invalid',
  out_of_range: 'value_is_out_of_range',
  invalid_date: 'invalid_date',
  already_exists: 'value_already_exist',
};

/** Field issues → Lago's error_details, keyed by the last path segment as Rails reports attributes. */
export function fromIssues(issues: readonly Issue[]): LagoError {
  const details: Record<string, string[]> = {};
  for (const issue of issues) {
    const field = issue.field.split('.').pop() ?? issue.field;
    const list = (details[field] ??= []);
    if (!list.includes(CODES[issue.kind])) list.push(CODES[issue.kind]);
  }
  return unprocessable(details);
}

export function lagoErrorResponse(error: LagoError): Response {
  return json(error.body, error.status);
}
