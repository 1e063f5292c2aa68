import { describe, expect, it } from 'vitest';
import { createValidator } from '../schema/validator.js';
import { loadSchemaSet } from '../schema/schema-set.js';
import { aGeofencePromotion, aPromotion, aSurcharge, aVehiclePromotion } from '../../test/fixtures/engine/builders.js';

describe('test builders', () => {
  it('produce schema-valid resources', () => {
    const validator = createValidator(loadSchemaSet());
    for (const l of [aPromotion('p'), aVehiclePromotion('v'), aGeofencePromotion('g'), aSurcharge('s')]) {
      expect(validator.validateResource(l.resource.kind, l.resource)).toEqual([]);
    }
  });
});
