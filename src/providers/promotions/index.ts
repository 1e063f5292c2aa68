// The subscription-billing promotions provider (Kontorion style).
import type { Provider } from '../provider.js';
import { promotionsCapabilities } from './capabilities.js';
import { promotionsClient } from './client.js';
import { lowerPromotions, stampPromotion } from './lower.js';
import { readPromotions, readScheduledVersion } from './read.js';

export const promotions: Provider = {
  id: 'promotions',
  capabilities: promotionsCapabilities,
  defaultCurrency: 'EUR',
  credentialNames: ['apiKey'],
  client: promotionsClient,
  read: readPromotions,
  lower: (resource, ctx) => lowerPromotions(resource, ctx.currency),
  stamp: stampPromotion,
  scheduledVersion: readScheduledVersion,
};
