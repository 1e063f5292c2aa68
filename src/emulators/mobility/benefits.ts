// Benefits: what a template grants. Each type has its own amount field; all share validity, rental count,
// branch/category scope, price type and cost-source targeting. References (branches, annotations) are
// checked against the tenant by `benefitReferences`.
import { FieldReader } from '../shared/input.js';
import { isoSeconds } from '../shared/iso-time.js';
import { BENEFIT_TYPES, COST_SOURCE_GROUPS, PRICE_TYPES, type Benefit, type CostSource } from './model.js';

/** Surcharges are negative benefits (they raise the price), so only they may carry negative amounts. */
export function readBenefit(r: FieldReader, allowNegative: boolean): Benefit | undefined {
  const type = r.oneOf('type', BENEFIT_TYPES, { required: true });
  const amount = (key: string) => r.number(key, { required: true, ...(allowNegative ? {} : { exclusiveMin: 0 }) });
  const fraction = (key: string) => r.number(key, { required: true, exclusiveMin: 0, max: 1 });
  const count = (key: string) => r.number(key, { required: true, integer: true, min: 1 });
  const benefit: Benefit = { type: type ?? 'Value' };
  switch (type) {
    case 'Value':
      benefit.value = amount('value');
      break;
    case 'RentalRebate':
      benefit.rentalRebate = amount('rentalRebate');
      break;
    case 'Discount':
    case 'DiscountOnPackages':
      benefit.discount = fraction('discount');
      break;
    case 'FreeMinutes':
      benefit.freeMinutes = count('freeMinutes');
      break;
    case 'FreeUnlocks':
      benefit.freeUnlocks = count('freeUnlocks');
      break;
    case 'AdditionEntitlement':
      benefit.additionId = r.number('additionId', { required: true, integer: true, min: 1 });
      break;
    default:
      break;
  }
  if ((benefit.value === 0 || benefit.rentalRebate === 0) && allowNegative)
    r.add(r.path(type === 'Value' ? 'value' : 'rentalRebate'), 'out_of_range', `${r.path('value')} must not be zero`);
  const from = r.dateTime('validFrom');
  const until = r.dateTime('validUntil');
  if (from && until && until.getTime() <= from.getTime()) r.add(r.path('validUntil'), 'out_of_range', `${r.path('validUntil')} must be after validFrom`);
  benefit.validFrom = from ? isoSeconds(from) : null;
  benefit.validUntil = until ? isoSeconds(until) : null;
  benefit.validityDays = r.number('validityDays', { integer: true, min: 1 }) ?? null;
  benefit.numberOfRentals = r.number('numberOfRentals', { integer: true, min: 1 }) ?? null;
  benefit.applicableBranchIds = r.numberArray('applicableBranchIds', { integer: true }) ?? null;
  benefit.applicableVehicleCategoryIds = r.numberArray('applicableVehicleCategoryIds', { integer: true }) ?? null;
  // "Used on related models, such as additions": the gates belong to the addition an entitlement grants.
  for (const key of ['requiredAnnotationIds', 'prohibitedAnnotationIds'] as const) {
    const gate = r.numberArray(key, { integer: true }) ?? null;
    if (gate && gate.length > 0 && type !== 'AdditionEntitlement')
      r.add(r.path(key), 'invalid', `${r.path(key)} is only for AdditionEntitlement benefits (annotation gates on the addition)`);
    benefit[key] = gate && gate.length > 0 ? gate : null;
  }
  benefit.applicablePriceType = r.oneOf('applicablePriceType', PRICE_TYPES) ?? null;
  const sources = r.array('costSources');
  benefit.costSources = sources
    ? sources.flatMap((item, i): CostSource[] => {
        const s = new FieldReader(item, `${r.path('costSources')}[${i}]`, r.issues);
        const group = s.oneOf('group', COST_SOURCE_GROUPS, { required: true });
        const codes = s.stringArray('sourceCodes', { required: true });
        if (codes && codes.length === 0) s.add(s.path('sourceCodes'), 'required', `${s.path('sourceCodes')} must name at least one source code`);
        return group && codes ? [{ group, sourceCodes: codes }] : [];
      })
    : null;
  return type ? benefit : undefined;
}

/** Branches and annotations a benefit names must exist in the tenant, like the template's own. */
export function benefitReferences(
  benefits: readonly Benefit[],
  path: string,
  r: FieldReader,
  branch: (id: number) => boolean,
  annotation: (id: number) => boolean,
): void {
  benefits.forEach((b, i) => {
    const unknownBranches = (b.applicableBranchIds ?? []).filter((id) => !branch(id));
    if (unknownBranches.length > 0)
      r.add(`${path}[${i}].applicableBranchIds`, 'invalid', `${path}[${i}].applicableBranchIds refers to unknown branches ${unknownBranches.join(', ')}`);
    for (const key of ['requiredAnnotationIds', 'prohibitedAnnotationIds'] as const) {
      const unknown = (b[key] ?? []).filter((id) => !annotation(id));
      if (unknown.length > 0) r.add(`${path}[${i}].${key}`, 'invalid', `${path}[${i}].${key} refers to unknown annotations ${unknown.join(', ')}`);
    }
  });
}
