// Customer-care grants: POST /customers/{userId}/apply-vouchers and /groups/{groupId}/apply-vouchers
// `{ voucherableId, reasonCode? }` create every voucher the ACTIVE CustomerCare template produces. A template
// that lists reasonCodes needs one of them (the agent says why the goodwill was granted); the vouchers keep it.
import { FieldReader } from '../shared/input.js';
import { fail, ok, type Outcome } from '../shared/outcome.js';
import { denied, type MobilityCall } from './context.js';
import { invalid, mobilityError, notFound, type MobilityError } from './errors.js';
import type { Voucher } from './model.js';
import { issueFromTemplate } from './vouchers.js';

export function applyCustomerCare(call: MobilityCall, target: { userId: number } | { groupId: number }, body: unknown): Outcome<Voucher[], MobilityError> {
  const r = new FieldReader(body);
  const voucherableId = r.number('voucherableId', { required: true, integer: true });
  const reasonCode = r.string('reasonCode', { maxLength: 64 }) ?? null;
  if (r.issues.length > 0 || voucherableId == null) return fail(invalid(r.issues));
  const template = call.tenant.voucherables[String(voucherableId)];
  if (!template) return fail(notFound('VA100', 'Voucherable', voucherableId));
  const no = denied(call, template.businessUnitId, 'CUSTOMER_CARE_CREDIT');
  if (no) return fail(no);
  if (template.type !== 'CustomerCare')
    return fail(mobilityError(400, 'VA104', `Voucherable ${voucherableId} is a ${template.type}, not a CustomerCare template`));
  if (template.state !== 'ACTIVE') return fail(mobilityError(409, 'VA105', `CustomerCare template ${voucherableId} is INACTIVE; activate it first`));
  const reasons = template.reasonCodes ?? [];
  if (reasons.length > 0 && (reasonCode === null || !reasons.includes(reasonCode))) {
    const got = reasonCode === null ? 'none was given' : `got ${JSON.stringify(reasonCode)}`;
    return fail(mobilityError(400, 'R102.1', `reasonCode must be one of ${reasons.join(', ')} for CustomerCare template ${voucherableId} (${got})`));
  }
  return ok(issueFromTemplate(call, template, { ...target, ...(reasonCode !== null ? { reasonCode } : {}) }));
}

/** Path ids are numeric in this API. */
export function numericId(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : undefined;
}
