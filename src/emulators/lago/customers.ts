// Enough of Lago's customers to apply coupons: POST /customers creates or updates by external_id
// (answering 200 either way), GET /customers and GET /customers/{external_id}.
import { FieldReader } from '../shared/input.js';
import { isoSeconds } from '../shared/iso-time.js';
import { fail, ok, type Outcome } from '../shared/outcome.js';
import { randomUuid, type Random } from '../shared/random.js';
import { readRoot } from './coupon-params.js';
import { LAGO_CURRENCIES } from './currencies.js';
import { fromIssues, unprocessable, type LagoError } from './errors.js';
import type { Customer, LagoTenant } from './model.js';

export function findCustomer(tenant: LagoTenant, externalId: string): Customer | undefined {
  return Object.values(tenant.customers).find((c) => c.external_id === externalId);
}

export function presentCustomer(c: Customer): Record<string, unknown> {
  return {
    lago_id: c.lago_id,
    sequential_id: c.sequential_id,
    slug: `LAG-${String(c.sequential_id).padStart(3, '0')}`,
    external_id: c.external_id,
    name: c.name ?? null,
    email: c.email ?? null,
    currency: c.currency ?? null,
    timezone: c.timezone ?? null,
    applicable_timezone: c.timezone ?? 'UTC',
    created_at: c.created_at,
    updated_at: c.updated_at,
    metadata: [],
    taxes: [],
  };
}

export function upsertCustomer(tenant: LagoTenant, body: unknown, now: Date, random: Random): Outcome<Customer, LagoError> {
  const root = readRoot(body, 'customer');
  if (!root.ok) return root;
  const r = new FieldReader(root.value);
  const externalId = r.string('external_id', { required: true });
  const name = r.string('name');
  const email = r.string('email');
  const currency = r.string('currency');
  const timezone = r.string('timezone');
  if (currency && !LAGO_CURRENCIES.has(currency)) r.add('currency', 'invalid', `currency "${currency}" is not supported`);
  if (r.issues.length > 0 || !externalId) return fail(fromIssues(r.issues));
  const existing = findCustomer(tenant, externalId);
  if (
    existing &&
    currency &&
    existing.currency &&
    currency !== existing.currency &&
    Object.values(tenant.appliedCoupons).some((a) => a.customer_id === existing.lago_id && a.status === 'active' && a.amount_currency != null)
  ) {
    // A fixed-amount coupon already ties the customer to its currency.
    return fail(unprocessable({ currency: ['currencies_does_not_match'] }));
  }
  const customer: Customer = existing ?? {
    lago_id: randomUuid(random),
    sequential_id: Object.keys(tenant.customers).length + 1,
    external_id: externalId,
    name: null,
    email: null,
    currency: null,
    timezone: null,
    created_at: isoSeconds(now),
    updated_at: isoSeconds(now),
  };
  if (name !== undefined) customer.name = name;
  if (email !== undefined) customer.email = email;
  if (currency !== undefined) customer.currency = currency;
  if (timezone !== undefined) customer.timezone = timezone;
  customer.updated_at = isoSeconds(now);
  tenant.customers[customer.lago_id] = customer;
  return ok(customer);
}
