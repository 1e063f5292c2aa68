// The EV charging billing provider (Dynamo CSMS style): promotional codes and user types.
import type { Provider } from '../provider.js';
import { evCapabilities } from './capabilities.js';
import { evClient } from './client.js';
import { lowerEv, stampEv } from './lower.js';
import { readEv } from './read.js';

export const evBilling: Provider = {
  id: 'ev-billing',
  capabilities: evCapabilities,
  defaultCurrency: 'EUR',
  credentialNames: ['apiKey'],
  client: evClient,
  read: readEv,
  lower: (resource) => lowerEv(resource),
  stamp: stampEv,
};
