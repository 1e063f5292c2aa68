// The API's verdicts beside the engine's (`promoc plan --api-verdict`), as text, markdown and HTML: one line
// or row per changed live object and probe customer. Pure.
import type { Plan, PlanVerdict } from '../generated/plan.js';

type Api = NonNullable<PlanVerdict['api']>;
type Engine = PlanVerdict['engine'];

const money = (v: string | undefined, currency: string | undefined): string => `${v ?? '0'}${currency ? ` ${currency}` : ''}`;
const credited = (v: string | undefined): boolean => v !== undefined && Number(v) > 0;

export function describeApi(v: Api): string {
  if (!v.eligible) return `not eligible (${v.reason ?? 'no reason given'})`;
  return `eligible, ${money(v.discount, v.currency)} off${credited(v.credit) ? `, ${money(v.credit, v.currency)} credit` : ''}`;
}

export function describeEngine(v: Engine): string {
  if (!v.applied) return `rejects it (${v.reason ?? 'not reached'})`;
  return `applies it, ${money(v.discount, v.currency)} off${credited(v.credit) ? `, ${money(v.credit, v.currency)} credit` : ''}`;
}

const apiText = (r: PlanVerdict): string => (r.api ? describeApi(r.api) : `gave no verdict (${r.apiError ?? 'no answer'})`);
const NONE = 'no changed object is live on an API that previews promotions';

export function verdictsText(plan: Plan): string[] {
  const rows = plan.verdicts;
  if (rows === undefined) return [];
  if (rows.length === 0) return [`API verdicts: ${NONE}.`];
  return [
    "API verdicts (the API's preview and simulation beside the engine, for each changed live object):",
    ...rows.map(
      (r) =>
        `  ${r.resource} (${r.key}) · customer ${r.customer} at ${r.at}: ` +
        `API ${apiText(r)} · engine ${describeEngine(r.engine)} · ${r.agree ? 'agree' : 'DISAGREE'}`,
    ),
  ];
}

export function verdictsMarkdown(plan: Plan, esc: (s: string) => string): string | undefined {
  const rows = plan.verdicts;
  if (rows === undefined) return undefined;
  if (rows.length === 0) return `#### API verdicts\n\n${NONE[0]!.toUpperCase()}${NONE.slice(1)}.`;
  const cell = (t: string): string => esc(t).replace(/\|/g, '\\|');
  return [
    '#### API verdicts',
    '',
    '| promotion | customer | API | engine | |',
    '|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${cell(`${r.resource} (${r.key})`)} | ${cell(`${r.customer} at ${r.at}`)} | ` +
        `${cell(apiText(r))} | ${cell(describeEngine(r.engine))} | ${r.agree ? 'agree' : '**disagree**'} |`,
    ),
  ].join('\n');
}

export function verdictsHtml(plan: Plan, h: (s: string) => string): string {
  const rows = plan.verdicts;
  if (rows === undefined) return '';
  if (rows.length === 0) return `<h4>API verdicts</h4><p>${h(NONE)}.</p>`;
  return `<h4>API verdicts</h4><table><thead><tr><th>promotion</th><th>customer</th><th>API</th><th>engine</th><th></th></tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr${r.agree ? '' : ' class="bad"'}><td>${h(`${r.resource} (${r.key})`)}</td><td>${h(`${r.customer} at ${r.at}`)}</td>` +
        `<td>${h(apiText(r))}</td><td>${h(describeEngine(r.engine))}</td><td>${r.agree ? 'agree' : '<strong>disagree</strong>'}</td></tr>`,
    )
    .join('')}</tbody></table>`;
}
