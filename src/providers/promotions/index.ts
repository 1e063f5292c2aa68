// The subscription-billing promotions provider (Kontorion style).
import { API_KEY, bearerKeyView } from '../http/auth.js';
import type { Provider } from '../provider.js';
import { promotionsCapabilities } from './capabilities.js';
import { promotionsClient } from './client.js';
import { lowerPromotions, stampPromotion } from './lower.js';
import { readDraftVersion, readPromotions, readScheduledVersion } from './read.js';
import { promotionsAdapter } from './writes.js';
import { promotionVerdict } from './verdict.js';

export const promotions: Provider = {
  id: 'promotions',
  capabilities: promotionsCapabilities,
  defaultCurrency: 'EUR',
  credentials: API_KEY,
  writes: promotionsAdapter,
  authView: bearerKeyView,
  client: promotionsClient,
  read: readPromotions,
  lower: (resource, ctx) => lowerPromotions(resource, ctx.currency),
  stamp: stampPromotion,
  scheduledVersion: readScheduledVersion,
  draftVersion: readDraftVersion,
  verdict: promotionVerdict,
};
