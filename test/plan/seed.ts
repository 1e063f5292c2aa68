// Test helper: carries out a plan's creates through the providers' own clients, the way apply will, so the
// end-to-end tests can reach "seeded matching state". Not apply: no journal, no retries beyond the client's.
import type { Action, Plan } from '../../src/generated/plan.js';
import type { Json } from '../../src/model/canonical.js';
import { providerFor } from '../../src/providers/index.js';
import { realDeps, type HttpClient } from '../../src/providers/http/client.js';
import { codeBatchRequests } from '../../src/providers/mobility/code-batch.js';
import { resolveTagRefs, resolveVoucherableRefs } from '../../src/providers/mobility/refs.js';
import { splitMarker } from '../../src/providers/ownership.js';
import type { Binding } from '../../src/plan/targets.js';
import { resourceKey } from '../../src/model/resource.js';

type Obj = Record<string, unknown>;

async function tagIds(client: HttpClient): Promise<Map<string, number>> {
  const res = await client.request({ method: 'GET', path: '/annotations', query: { size: 5000 } });
  return new Map((res.body as Obj[]).map((a) => [String(a.name), Number(a.id)]));
}

/** Managed voucherable ids by "Kind/name" (from promoc's ownership marker), for a code batch's template. */
async function voucherableIds(client: HttpClient): Promise<Map<string, number>> {
  const res = await client.request({ method: 'GET', path: '/voucherables', query: { size: 5000 } });
  const ids = new Map<string, number>();
  for (const v of res.body as Obj[]) {
    const { owner } = splitMarker(v.description as string | undefined);
    if (owner) ids.set(resourceKey(owner), Number(v.id));
  }
  return ids;
}

async function create(client: HttpClient, a: Action): Promise<void> {
  const payload = a.payload as Json;
  switch (a.provider) {
    case 'ev-billing':
      await client.request({ method: 'POST', path: a.kind === 'UserType' ? '/api/v1/billing/user-types' : '/api/v1/billing/promotional-codes', body: payload });
      return;
    case 'lago':
      await client.request({ method: 'POST', path: '/coupons', body: { coupon: payload } });
      return;
    case 'promotions': {
      const res = await client.request({ method: 'POST', path: '/promotions', body: payload });
      if (a.activation === 'activate') await client.request({ method: 'POST', path: `/promotions/${String((res.body as { data: Obj }).data.id)}/activate` });
      return;
    }
    case 'mobility': {
      if (a.kind === 'Tag') {
        await client.request({ method: 'POST', path: '/annotations', body: payload });
        return;
      }
      if (a.kind === 'CodeBatch') {
        const { value, missing } = resolveVoucherableRefs(payload, await voucherableIds(client));
        if (missing.length > 0) throw new Error(`unknown templates ${missing.join(', ')}`);
        for (const body of codeBatchRequests(value as { [k: string]: Json }))
          await client.request({ method: 'POST', path: '/vouchers/redeemable/constraint', body });
        return;
      }
      const { value, missing } = resolveTagRefs(payload, await tagIds(client));
      if (missing.length > 0) throw new Error(`unknown tags ${missing.join(', ')}`);
      const res = await client.request({ method: 'POST', path: '/voucherables', body: value });
      if (a.activation === 'activate') await client.request({ method: 'POST', path: `/voucherables/${String((res.body as Obj).id)}/activate` });
    }
  }
}

/** Creates every `create` action of the plan, in plan order (tags before the campaigns that use them). */
export async function seedCreates(plan: Plan, bindings: readonly Binding[]): Promise<void> {
  const clients = new Map(bindings.map((b) => [b.provider, providerFor(b.provider).client(b.connection, realDeps())]));
  for (const a of plan.actions) if (a.action === 'create') await create(clients.get(a.provider)!, a);
}

export function clientFor(bindings: readonly Binding[], provider: Binding['provider']): HttpClient {
  const b = bindings.find((x) => x.provider === provider)!;
  return providerFor(provider).client(b.connection, realDeps());
}
