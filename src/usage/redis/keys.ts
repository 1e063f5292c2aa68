// Key layout (docs/usage.md): every key of one campaign carries the campaign in a hash tag, so the
// four keys a script touches live in one Redis Cluster slot and the script may run there at all.
import { UsageStoreError } from '../errors.js';

export const DEFAULT_PREFIX = 'promoc:usage';

export interface CampaignKeys {
  /** Hash: redemptions, budget (taken: committed + held), seq (the last reservation number). */
  readonly totals: string;
  /** Hash: customer id → redemptions taken by that customer. */
  readonly customers: string;
  /** Hash: reservation id → what it holds, "<amount>" or "<amount>:<customer id>". */
  readonly holds: string;
  /** Sorted set: reservation id scored by its expiry, epoch ms. */
  readonly expiry: string;
}

/** Throws for a prefix with braces: it would move the hash tag and split a campaign across slots. */
export function checkPrefix(prefix: string): string {
  if (prefix === '' || /[{}]/.test(prefix)) {
    throw new UsageStoreError('request', `key prefix ${JSON.stringify(prefix)} is empty or has braces`, `use a plain prefix such as "${DEFAULT_PREFIX}"`);
  }
  return prefix;
}

export function campaignKeys(prefix: string, campaign: string): CampaignKeys {
  // Percent-escape only what could end the hash tag early or collide with an escape: ids stay readable.
  const tag = `{${campaign.replace(/[%{}]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)}}`;
  const base = `${prefix}:${tag}`;
  return { totals: `${base}:totals`, customers: `${base}:customers`, holds: `${base}:holds`, expiry: `${base}:expiry` };
}

export const keyList = (k: CampaignKeys): string[] => [k.totals, k.customers, k.holds, k.expiry];

/** Reservation ids are "<campaign>#<n>" (made by the reserve script): commit and release find the
 * campaign's keys from the id alone. Undefined for an id no reserve could have made. */
export function campaignOf(reservationId: string): string | undefined {
  const at = reservationId.lastIndexOf('#');
  if (at <= 0 || !/^[1-9]\d*$/.test(reservationId.slice(at + 1))) return undefined;
  return reservationId.slice(0, at);
}
