// The machine view of a plan: schemas/plan.schema.json, versioned by formatVersion. A pure view.
import type { Plan } from '../generated/plan.js';

export function renderPlanJson(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
