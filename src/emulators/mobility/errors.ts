// Mobility error bodies: `{ errorCode, userMessage, httpStatus, traceId }`. Code prefixes
// follow the vendor's families: A (auth), P (permission), R (request), VA (voucherables), W (vouchers),
// CV (constraint vouchers), SU (subscriptions), T1XX (redeemable batches), AN (annotations); the numbers
// after the prefix are the emulator's own (see README).
import type { Issue } from '../shared/input.js';
import { json } from '../shared/respond.js';

export interface MobilityError {
  readonly httpStatus: number;
  readonly errorCode: string;
  readonly userMessage: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export function mobilityError(httpStatus: number, errorCode: string, userMessage: string, headers?: Record<string, string>): MobilityError {
  return headers ? { httpStatus, errorCode, userMessage, headers } : { httpStatus, errorCode, userMessage };
}

export function invalid(issues: readonly Issue[]): MobilityError {
  return mobilityError(400, 'R102.1', issues.map((i) => i.message).join('; '));
}

export const notFound = (code: string, what: string, id: string | number): MobilityError => mobilityError(404, code, `${what} ${id} not found`);

export function errorBody(e: MobilityError, traceId: string): Record<string, unknown> {
  return { errorCode: e.errorCode, userMessage: e.userMessage, httpStatus: e.httpStatus, traceId };
}

export function errorResponse(e: MobilityError, traceId: string): Response {
  return json(errorBody(e, traceId), e.httpStatus, { ...e.headers });
}
