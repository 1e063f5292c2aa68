// The UsageStore on Redis: every decision is one Lua script (scripts.ts), so limits hold across
// any number of engine instances sharing the server. This file validates requests, runs the
// scripts (EVALSHA, falling back to EVAL after a restart or failover flushed the script cache)
// and turns replies into the same results the in-memory ledger gives.
import type { Reservation, ReservationRequest, UsageSeed } from '../../engine/index.js';
import { UsageStoreError } from '../errors.js';
import { notHeld, type CampaignUsage, type Settlement, type UsageStore } from '../store.js';
import type { RedisConnection } from './client.js';
import { campaignKeys, campaignOf, checkPrefix, DEFAULT_PREFIX, keyList } from './keys.js';
import { SCRIPTS, type Script } from './scripts.js';
import { checkRequest, checkSeed, count } from './validate.js';

export interface RedisUsageOptions {
  /** Key prefix; default "promoc:usage". One prefix per environment sharing a server. */
  readonly prefix?: string;
  /** How long an uncommitted reservation holds capacity; default 300000 (5 minutes). */
  readonly ttlMs?: number;
  /** Epoch ms; default: the Redis server's clock (TIME), which all instances share. For tests. */
  readonly now?: () => number;
}

export interface RedisUsage extends UsageStore {
  /** Add committed counts (a migration, a test's start); per campaign, atomic. */
  seed(seed: Readonly<Record<string, UsageSeed>>): Promise<void>;
}

export function redisUsage(connection: RedisConnection, options: RedisUsageOptions = {}): RedisUsage {
  const prefix = checkPrefix(options.prefix ?? DEFAULT_PREFIX);
  const ttl = options.ttlMs ?? 300_000;
  if (!Number.isSafeInteger(ttl) || ttl <= 0) throw new UsageStoreError('request', `ttlMs ${ttl} is not a positive integer`, 'give milliseconds, e.g. 300000');
  const now = (): string => (options.now ? String(options.now()) : '');
  const run = (script: Script, campaign: string, args: readonly string[]) => evalScript(connection, script, keyList(campaignKeys(prefix, campaign)), args);
  const settle = async (script: Script, id: string): Promise<Settlement> => {
    const campaign = campaignOf(id);
    if (campaign === undefined) return notHeld(id);
    return count(await run(script, campaign, [id]), script.name) === 1 ? { ok: true } : notHeld(id);
  };

  return {
    async reserve(request) {
      checkRequest(request);
      const { redemptions, perCustomer, budget } = request.limits;
      const named = request.customerId !== undefined;
      const reply = await run(SCRIPTS.reserve, request.campaign, [
        now(),
        String(ttl),
        request.campaign,
        opt(redemptions),
        opt(perCustomer),
        opt(budget?.minor),
        String(request.amount),
        named ? '1' : '0',
        request.customerId ?? '',
      ]);
      return reservation(reply, request);
    },
    commit: (id) => settle(SCRIPTS.commit, id),
    release: (id) => settle(SCRIPTS.release, id),
    async read(campaigns, customerId) {
      const named = customerId === undefined ? ['0', ''] : ['1', customerId];
      // Issued together: node-redis pipelines them into one round trip.
      const replies = await Promise.all(campaigns.map((c) => run(SCRIPTS.read, c, [now(), ...named])));
      return new Map(campaigns.map((c, i) => [c, campaignUsage(replies[i])]));
    },
    async seed(seed) {
      for (const [campaign, s] of Object.entries(seed)) {
        checkSeed(campaign, s);
        const customers = Object.entries(s.customers ?? {}).flatMap(([id, n]) => [id, String(n)]);
        await run(SCRIPTS.seed, campaign, [String(s.redemptions ?? 0), String(s.budgetSpent ?? 0), ...customers]);
      }
    },
  };
}

const opt = (n: number | undefined): string => (n === undefined ? '' : String(n));

async function evalScript(connection: RedisConnection, script: Script, keys: readonly string[], args: readonly string[]): Promise<unknown> {
  const rest = [String(keys.length), ...keys, ...args];
  try {
    return await connection.send(['EVALSHA', script.sha, ...rest]);
  } catch (error) {
    if (!(error instanceof UsageStoreError && error.code === 'reply' && error.message.includes('NOSCRIPT'))) throw error;
    return connection.send(['EVAL', script.lua, ...rest]);
  }
}

/** The reasons are the in-memory ledger's, word for word: callers see one behaviour. */
function reservation(reply: unknown, r: ReservationRequest): Reservation {
  if (!Array.isArray(reply) || reply.length !== 2) throw badReply('reserve', reply);
  const [ok, value] = reply as [unknown, unknown];
  if (count(ok, 'reserve') === 1 && typeof value === 'string') return { ok: true, id: value };
  switch (value) {
    case 'redemptions':
      return { ok: false, reason: `redemption limit ${r.limits.redemptions} reached` };
    case 'customer-id':
      return { ok: false, reason: 'a per-customer limit needs a customer id' };
    case 'per-customer':
      return { ok: false, reason: `per-customer limit ${r.limits.perCustomer} reached` };
    case 'budget':
      return { ok: false, reason: 'budget spent' };
    default:
      throw badReply('reserve', reply);
  }
}

function campaignUsage(reply: unknown): CampaignUsage {
  if (!Array.isArray(reply) || reply.length !== 3) throw badReply('read', reply);
  const [redemptions, budgetSpent, customerRedemptions] = reply.map((v) => count(v, 'read'));
  return { redemptions: redemptions!, customerRedemptions: customerRedemptions!, budgetSpent: budgetSpent! };
}

function badReply(script: string, reply: unknown): UsageStoreError {
  return new UsageStoreError(
    'reply',
    `unexpected reply to the ${script} script: ${JSON.stringify(reply)}`,
    'is another program writing under the same key prefix?',
  );
}
