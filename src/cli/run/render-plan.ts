// One switch from a --format value to a plan renderer, shared by `plan` and `show`.
import type { Plan } from '../../generated/plan.js';
import { renderPlanMarkdown } from '../../render/plan-markdown.js';
import { renderPlanText } from '../../render/plan-text.js';
import type { PlanFormat } from '../commands/plan.js';
import { planJson } from '../../plan/plan-file.js';

export function renderPlan(plan: Plan, format: PlanFormat, options: { color: boolean; verbose: boolean }): string {
  if (format === 'json') return planJson(plan);
  if (format === 'markdown') return renderPlanMarkdown(plan);
  return renderPlanText(plan, options);
}
