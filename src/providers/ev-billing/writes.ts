// EV billing (Dynamo CSMS style): promotional codes and user types are create-only, so every other action
// is already blocked by the plan. Codes are unique per organisation forever: a create we never heard back
// about answers 409 `code_already_exists` when repeated, which apply reconciles by reading.
import type { ApiAdapter } from '../writes.js';
import { payloadOf } from '../writes.js';

const BASE = '/api/v1/billing';

export const evBillingAdapter: ApiAdapter = {
  provider: 'ev-billing',
  calls(a) {
    if (a.action !== 'create') return undefined;
    const path = a.kind === 'UserType' ? `${BASE}/user-types` : `${BASE}/promotional-codes`;
    return [{ op: 'create', method: 'POST', path, body: payloadOf(a), target: 'none', idempotent: false }];
  },
  createdId(kind, body) {
    const b = body as { code_id?: unknown; user_type_id?: unknown } | undefined;
    const id = kind === 'UserType' ? b?.user_type_id : b?.code_id;
    return id === undefined || id === null ? undefined : String(id);
  },
  pathId: (liveId) => encodeURIComponent(liveId),
};
