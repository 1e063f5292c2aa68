// The Lago provider: coupons.
import { API_KEY, bearerKeyView } from '../http/auth.js';
import type { Provider } from '../provider.js';
import { lagoCapabilities } from './capabilities.js';
import { lagoClient } from './client.js';
import { lowerLago, stampLago } from './lower.js';
import { readLago } from './read.js';
import { lagoAdapter } from './writes.js';

export const lago: Provider = {
  id: 'lago',
  capabilities: lagoCapabilities,
  defaultCurrency: 'EUR',
  credentials: API_KEY,
  writes: lagoAdapter,
  authView: bearerKeyView,
  client: lagoClient,
  read: readLago,
  lower: (resource) => lowerLago(resource),
  stamp: stampLago,
};
