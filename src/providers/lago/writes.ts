// Lago coupons: bodies wrapped in `coupon`, the code is the path id. A replace is delete (a soft delete that
// frees the code) then create. Lago answers 200 to an update of an applied coupon while ignoring the locked
// fields: the update "succeeds" here and apply's convergence check catches it (apply/verify.ts).
import type { HttpStatusError } from '../http/errors.js';
import type { ApiAdapter, CallDraft } from '../writes.js';
import { payloadOf } from '../writes.js';

function alreadyExists(error: HttpStatusError): boolean {
  const details = (error.body as { error_details?: Record<string, unknown> } | undefined)?.error_details;
  return error.status === 422 && !!details && Object.values(details).some((codes) => Array.isArray(codes) && codes.includes('value_already_exist'));
}

export const lagoAdapter: ApiAdapter = {
  provider: 'lago',
  calls(a) {
    const body = { coupon: payloadOf(a) };
    const create: CallDraft = { op: 'create', method: 'POST', path: '/coupons', body, target: 'none', idempotent: false };
    const remove: CallDraft = { op: 'delete', method: 'DELETE', path: '/coupons/{id}', target: 'live', idempotent: true };
    switch (a.action) {
      case 'create':
        return [create];
      case 'update':
        return [{ op: 'update', method: 'PUT', path: '/coupons/{id}', body, target: 'live', idempotent: true }];
      case 'replace':
        return [remove, create];
      case 'delete':
        return [remove];
      default:
        return undefined;
    }
  },
  createdId(_kind, body) {
    const code = (body as { coupon?: { code?: unknown } } | undefined)?.coupon?.code;
    return typeof code === 'string' ? code : undefined;
  },
  pathId: (liveId) => encodeURIComponent(liveId),
  isConflict: alreadyExists,
  ignoredUpdate: (live, resource, fields) =>
    live.facts.applied === true
      ? `Lago answered 200 to the update of ${resource} but kept the old ${fields}: Lago silently ` +
        `ignores changes to those fields once a coupon has been applied to a customer. Run \`promoc ` +
        `plan\`: it now proposes a replace (delete + create; --force if applications are still active).`
      : undefined,
};
