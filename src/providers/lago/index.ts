// The Lago provider: coupons.
import type { Provider } from '../provider.js';
import { lagoCapabilities } from './capabilities.js';
import { lagoClient } from './client.js';
import { lowerLago, stampLago } from './lower.js';
import { readLago } from './read.js';

export const lago: Provider = {
  id: 'lago',
  capabilities: lagoCapabilities,
  defaultCurrency: 'EUR',
  credentialNames: ['apiKey'],
  client: lagoClient,
  read: readLago,
  lower: (resource) => lowerLago(resource),
  stamp: stampLago,
};
