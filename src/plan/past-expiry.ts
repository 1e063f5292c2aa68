// Targets that refuse an expiry in the past (EV billing expires_at, Lago expiration_at, also on update)
// would answer 422 halfway through apply. Any action that writes such a body is refused here, at plan time,
// at the field that says it. Pure: `now` is the plan's clock.
import type { Diagnostic } from '../model/diagnostic.js';
import type { Action, DesiredEntry } from './plan-types.js';

/** Actions that send the desired body to the API. */
const WRITES = new Set<Action['action']>(['create', 'update', 'replace']);

export function pastExpiries(actions: readonly Action[], desired: readonly DesiredEntry[], now: Date, target: string): Diagnostic[] {
  let byKey: Map<string, DesiredEntry> | undefined; // made at the first write: a plan of no-ops needs none
  const out: Diagnostic[] = [];
  for (const a of actions) {
    if (!WRITES.has(a.action)) continue;
    byKey ??= new Map(desired.map((d) => [`${d.provider}/${d.located.resource.kind}/${d.lowered.normalized.key.toLowerCase()}`, d]));
    const d = byKey.get(`${a.provider}/${a.kind}/${a.key.toLowerCase()}`);
    const rule = d?.capability.futureOnly;
    if (!d || !rule) continue;
    const value = d.lowered.payload[rule.field];
    if (typeof value !== 'string') continue;
    const at = Date.parse(value);
    if (Number.isNaN(at) || at > now.getTime()) continue;
    out.push({
      ruleId: 'plan/past-expiry',
      severity: 'error',
      file: d.located.source.file,
      docIndex: d.located.source.docIndex,
      path: rule.path,
      message:
        `target ${target} (${a.provider}) refuses ${rule.field} ${value}: it must ` +
        `be in the future (now ${now.toISOString()}), so this ${a.action} would fail`,
      hint: `Move ${rule.path.join('.')} into the future, or set status: inactive / remove the campaign if it has ended.`,
      data: { target, provider: a.provider, field: rule.field },
    });
  }
  return out;
}
