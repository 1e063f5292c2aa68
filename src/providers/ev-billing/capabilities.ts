// What the EV charging billing API (Dynamo CSMS style) can express. Promotional codes and user types are
// create-only: no update, no delete, no deactivate endpoint is documented.
import { CODE_FORMATS } from '../../model/code-format.js';
import type { Capabilities, KindCapability } from '../provider.js';

const CREATE_ONLY = 'the EV billing API has no update endpoint: promotional codes are create-only';

const code: KindCapability = {
  apiObject: 'promotional code',
  naturalKey: 'code',
  // The API documents "Uppercase letters and numbers only, 4–20 characters."
  codeFormat: CODE_FORMATS['ev-billing'],
  update: false,
  delete: false,
  activate: false,
  futureOnly: { field: 'expires_at', path: ['spec', 'window', 'until'] },
  holds: { start: false, end: true },
  immutable: () => [{ path: 'spec', reason: CREATE_ONLY }],
  replacement: () => undefined,
  noUpdateReason: `${CREATE_ONLY}. Give the campaign a new code (the old code stays redeemable until its expires_at or max_uses) or revert the change in git`,
  noDeleteReason: 'the EV billing API has no delete endpoint: the code stays redeemable until its expires_at or max_uses',
};

const userType: KindCapability = {
  apiObject: 'user type',
  naturalKey: 'name',
  update: false,
  delete: false,
  activate: false,
  immutable: () => [{ path: 'spec', reason: 'the EV billing API cannot update user types' }],
  replacement: () => undefined,
  noUpdateReason: 'the EV billing API cannot update user types (create and list only); change the description in the dashboard or revert it in git',
  noDeleteReason: 'the EV billing API cannot delete user types',
};

export const evCapabilities: Capabilities = {
  provider: 'ev-billing',
  title: 'EV charging billing (promotional codes, user types)',
  kinds: { Promotion: code, UserType: userType },
  embedded: [],
};
