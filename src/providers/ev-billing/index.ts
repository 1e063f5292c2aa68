// The EV charging billing provider (Dynamo CSMS style): promotional codes and user types.
import { API_KEY, bearerKeyView } from '../http/auth.js';
import type { Provider } from '../provider.js';
import { evCapabilities } from './capabilities.js';
import { evClient } from './client.js';
import { lowerEv, stampEv } from './lower.js';
import { readEv } from './read.js';
import { evBillingAdapter } from './writes.js';

export const evBilling: Provider = {
  id: 'ev-billing',
  capabilities: evCapabilities,
  defaultCurrency: 'EUR',
  credentials: API_KEY,
  writes: evBillingAdapter,
  authView: bearerKeyView,
  client: evClient,
  read: readEv,
  lower: (resource) => lowerEv(resource),
  stamp: stampEv,
};
