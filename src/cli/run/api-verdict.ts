// `promoc plan --api-verdict <probes>`: for each changed object that is live on an API that previews and
// simulates (the promotions API's eligibility preview and simulate), ask the API what the live object does for
// each probe customer, evaluate the same live fields with the engine on the probe's context, and show both.
// A disagreement is a `plan/api-verdict` warning at the campaign: either the probe's context does not say
// what the API knows about the customer, or the engine and the API price that content differently.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { buildBundle } from '../../bundle/build.js';
import { contextFromData } from '../../engine/context-data.js';
import { loadBundle } from '../../engine/load.js';
import { currencyExponent, formatMinor, parseDecimal } from '../../engine/money.js';
import type { AnyResource } from '../../generated/index.js';
import type { Json } from '../../model/canonical.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { InvocationError } from '../../model/errors.js';
import { type Located, type Model, resourceKey } from '../../model/resource.js';
import type { Plan } from '../../plan/plan-types.js';
import type { PlanVerdict } from '../../generated/plan.js';
import { describeApi, describeEngine } from '../../render/plan-verdicts.js';
import type { Binding } from '../../plan/targets.js';
import type { HttpDeps } from '../../providers/http/client.js';
import { providerFor } from '../../providers/index.js';
import type { ApiVerdict, VerdictProbe } from '../../providers/provider.js';

export interface Probe extends Omit<VerdictProbe, 'at'> {
  readonly at?: string;
  /** What the engine is told about the same customer (an evaluation context as data, without `at` and `codes`). */
  readonly context: { readonly [k: string]: Json };
}

export type EngineVerdict = PlanVerdict['engine'];

/** The probes file: `probes: [{ customer, subscription?, at?, context }]`. */
export async function readProbes(file: string, shown: string): Promise<Probe[]> {
  let data: unknown;
  try {
    data = parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new InvocationError(
      `${shown}: ${(e as Error).message}`,
      'Give a YAML file with probes: [{ customer: <id the API knows>, context: { currency, lines, … } }].',
    );
  }
  const list = (data as { probes?: unknown } | null)?.probes;
  if (!Array.isArray(list) || list.length === 0)
    throw new InvocationError(
      `${shown}: probes must be a non-empty list`,
      'Write probes: [{ customer: cus_1, context: { currency: EUR, lines: [{ id: subscription, amount: "49.00" }] } }].',
    );
  return list.map((p: unknown, i): Probe => {
    const o = (p ?? {}) as Record<string, unknown>;
    const where = `${shown}: probes[${i}]`;
    if (typeof o.customer !== 'string' || o.customer === '')
      throw new InvocationError(`${where}.customer must be the id of a customer the API knows`, 'Write customer: cus_1.');
    if (o.subscription !== undefined && typeof o.subscription !== 'string')
      throw new InvocationError(`${where}.subscription must be a string`, 'Write subscription: sub_1, or leave it out.');
    if (o.at !== undefined && (typeof o.at !== 'string' || Number.isNaN(Date.parse(o.at))))
      throw new InvocationError(`${where}.at must be an instant`, "Write at: 2027-06-01T00:00:00Z, or leave it out (the plan's instant).");
    if (typeof o.context !== 'object' || o.context === null || Array.isArray(o.context))
      throw new InvocationError(
        `${where}.context must be an evaluation context`,
        'Write context: { currency: EUR, lines: [{ id: subscription, amount: "49.00" }], customer: { id: cus_1 } }.',
      );
    return {
      customer: o.customer,
      ...(typeof o.subscription === 'string' ? { subscription: o.subscription } : {}),
      ...(typeof o.at === 'string' ? { at: new Date(o.at).toISOString().replace(/\.000Z$/, 'Z') } : {}),
      context: o.context as Probe['context'],
    };
  });
}

/** The engine on the live object's fields, as the bundle would hold them, for one probe. */
export function engineVerdict(resource: Located, geometries: Model['geometries'], probe: Probe, at: string, createdAt: string): EngineVerdict {
  const currency = String(probe.context.currency ?? '');
  const built = buildBundle({ resources: [resource], geometries }, { revision: 'api-verdict', createdAt });
  if (!built.ok) return { applied: false, reason: `the engine cannot hold it: ${built.diagnostics.map((d) => d.message).join('; ')}`, currency };
  const code = (resource.resource.spec as { code?: string }).code;
  const ctx = contextFromData({ ...probe.context, at, ...(code ? { codes: [code] } : {}) });
  const e = loadBundle(built.bytes).evaluate(ctx);
  const exponent = currencyExponent(ctx.currency);
  const credit = e.grants.reduce((s, g) => s + (g.type === 'credit' ? g.amount : 0), 0);
  if (e.applied.length > 0)
    return { applied: true, discount: formatMinor(e.discounts, exponent), credit: formatMinor(credit, exponent), currency: ctx.currency };
  const reason = e.rejected.map((r) => r.reason).join('; ');
  return { applied: false, ...(reason ? { reason } : {}), currency: ctx.currency };
}

/** Same eligibility, and when eligible the same discount and credit. */
export function agrees(api: ApiVerdict, engine: EngineVerdict): boolean {
  if (api.eligible !== engine.applied) return false;
  if (!api.eligible) return true;
  const minor = (v: string | undefined): number | undefined => {
    const n = v === undefined ? 0 : parseDecimal(v, currencyExponent(engine.currency));
    return typeof n === 'number' ? n : undefined;
  };
  return (
    minor(api.discount) === minor(engine.discount) &&
    minor(api.credit) === minor(engine.credit) &&
    (api.currency === undefined || api.currency === engine.currency)
  );
}

export interface VerdictInput {
  readonly plan: Plan;
  readonly model: Model;
  readonly bindings: readonly Binding[];
  readonly probes: readonly Probe[];
  readonly deps: HttpDeps;
  readonly now: Date;
}

export async function apiVerdicts(input: VerdictInput): Promise<{ rows: PlanVerdict[]; diagnostics: Diagnostic[] }> {
  const rows: PlanVerdict[] = [];
  const diagnostics: Diagnostic[] = [];
  const nowIso = input.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const a of input.plan.actions) {
    if (a.action === 'noop' || a.liveId === undefined || a.live === undefined) continue;
    const binding = input.bindings.find((b) => b.provider === a.provider);
    const provider = binding ? providerFor(binding.provider, binding) : undefined;
    if (!binding || !provider?.verdict) continue;
    const desired = input.model.resources.find((l) => l.resource.kind === a.kind && l.resource.metadata.name === a.name);
    const fields = a.live as { metadata?: { description?: string }; spec?: Record<string, Json> };
    // The live fields as a campaign: what the API holds, under the repository's name and labels.
    const live: Located = {
      resource: {
        apiVersion: 'promoc/v1',
        kind: a.kind,
        metadata: { name: a.name, ...(desired?.resource.metadata.labels ? { labels: desired.resource.metadata.labels } : {}) },
        spec: fields.spec ?? {},
      } as unknown as AnyResource,
      source: desired?.source ?? { file: '', docIndex: 0 },
    };
    const client = provider.client(binding.connection, input.deps);
    for (const probe of input.probes) {
      const at = probe.at ?? nowIso;
      const engine = engineVerdict(live, input.model.geometries, probe, at, nowIso);
      let api: ApiVerdict | undefined;
      let apiError: string | undefined;
      try {
        api = await provider.verdict(client, a.liveId, { customer: probe.customer, ...(probe.subscription ? { subscription: probe.subscription } : {}), at });
      } catch (e) {
        apiError = (e as Error).message;
      }
      const agree = api !== undefined && agrees(api, engine);
      rows.push({
        resource: resourceKey(a),
        key: a.key,
        customer: probe.customer,
        at,
        ...(api ? { api } : {}),
        ...(apiError ? { apiError } : {}),
        engine,
        agree,
      });
      if (!agree && desired) {
        diagnostics.push({
          ruleId: 'plan/api-verdict',
          severity: 'warn',
          file: desired.source.file,
          docIndex: desired.source.docIndex,
          path: ['spec'],
          atKey: true,
          message: api
            ? `the API and the engine disagree on ${resourceKey(a)} for customer ${probe.customer} at ${at}: ` +
              `API ${describeApi(api)}; engine ${describeEngine(engine)}`
            : `the API gave no verdict on ${resourceKey(a)} for customer ${probe.customer}: ${apiError ?? 'no answer'}`,
          hint: api
            ? "Check that the probe's context says what the API knows about the customer (attributes, plan, usage, earlier " +
              'redemptions); if it does, the engine and the API price this promotion differently: see docs/fidelity.md.'
            : 'The probe must name a customer (and subscription) the API knows.',
        });
      }
    }
  }
  return { rows, diagnostics };
}
