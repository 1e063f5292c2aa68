// The Lua scripts. Redis runs a script to completion before any other command, so each check-then-
// take below is atomic across every connection: two engine instances cannot both see "one left".
// All four take KEYS = totals, customers, holds, expiry of one campaign (keys.ts).
//
// Expiry is lazy: a hold past its expiry still counts until a reserve or read of the same campaign
// purges it (returning its capacity) before looking at the counters. So no background job is
// needed, a crashed instance's holds come back at the next touch, and commit may still succeed on a
// hold that expired but was not yet purged (nobody else can have taken its capacity: every taker
// purges first).
import { createHash } from 'node:crypto';

export interface Script {
  readonly name: string;
  readonly lua: string;
  readonly sha: string;
}

/** Holds purged per call; a backlog bigger than this (a mass crash) is purged over several calls,
 * and until then the counters err on the side of refusing. Bounded so one call stays short. */
export const PURGE_LIMIT = 1000;

// ARGV[1] of reserve and read is the time in epoch ms, or '' for the Redis server's own clock,
// which every instance shares (a client clock would let skew shorten or stretch a TTL). Amounts
// travel as strings: Lua numbers print as 1e+15 past 14 digits, which HINCRBY refuses.
const PRELUDE = `
local totals, customers, holds, expiry = KEYS[1], KEYS[2], KEYS[3], KEYS[4]

local function clock(arg)
  if arg ~= '' then return tonumber(arg) end
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

local function undo(hold)
  local sep = string.find(hold, ':', 1, true)
  local amount = sep and string.sub(hold, 1, sep - 1) or hold
  redis.call('HINCRBY', totals, 'redemptions', -1)
  if amount ~= '0' then redis.call('HINCRBY', totals, 'budget', '-' .. amount) end
  if sep then
    local customer = string.sub(hold, sep + 1)
    if redis.call('HINCRBY', customers, customer, -1) <= 0 then redis.call('HDEL', customers, customer) end
  end
end

local function purge(now)
  local ids = redis.call('ZRANGEBYSCORE', expiry, '-inf', now, 'LIMIT', 0, ${PURGE_LIMIT})
  for _, id in ipairs(ids) do
    local hold = redis.call('HGET', holds, id)
    if hold then
      undo(hold)
      redis.call('HDEL', holds, id)
    end
  end
  if #ids > 0 then redis.call('ZREM', expiry, unpack(ids)) end
end

local function count(key, field)
  return tonumber(redis.call('HGET', key, field) or '0')
end
`;

// ARGV: now, ttl ms, campaign, redemption limit, per-customer limit, budget limit (each '' when
// absent), amount, '1' when a customer is named, customer id.
// Returns {1, id} or {0, which limit}; the checks run in the in-memory ledger's order.
const RESERVE = `
local now = clock(ARGV[1])
purge(now)
local limit, per, budget, amount = ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local named, customer = ARGV[8] == '1', ARGV[9]
if limit ~= '' and count(totals, 'redemptions') >= tonumber(limit) then return {0, 'redemptions'} end
if per ~= '' then
  if not named then return {0, 'customer-id'} end
  if count(customers, customer) >= tonumber(per) then return {0, 'per-customer'} end
end
if budget ~= '' and count(totals, 'budget') + tonumber(amount) > tonumber(budget) then return {0, 'budget'} end
local id = ARGV[3] .. '#' .. redis.call('HINCRBY', totals, 'seq', 1)
redis.call('HINCRBY', totals, 'redemptions', 1)
if amount ~= '0' then redis.call('HINCRBY', totals, 'budget', amount) end
if named then redis.call('HINCRBY', customers, customer, 1) end
redis.call('HSET', holds, id, named and (amount .. ':' .. customer) or amount)
redis.call('ZADD', expiry, now + tonumber(ARGV[2]), id)
return {1, id}
`;

// ARGV: reservation id. Returns 1, or 0 when it is not held. No purge: see the top of this file.
const COMMIT = `
if redis.call('HDEL', holds, ARGV[1]) == 0 then return 0 end
redis.call('ZREM', expiry, ARGV[1])
return 1
`;

// ARGV: reservation id. Returns 1, or 0 when it is not held.
const RELEASE = `
local hold = redis.call('HGET', holds, ARGV[1])
if not hold then return 0 end
undo(hold)
redis.call('HDEL', holds, ARGV[1])
redis.call('ZREM', expiry, ARGV[1])
return 1
`;

// ARGV: now, '1' when a customer is named, customer id. Returns {redemptions, budget, customer's}.
const READ = `
purge(clock(ARGV[1]))
local customer = ARGV[2] == '1' and count(customers, ARGV[3]) or 0
return {count(totals, 'redemptions'), count(totals, 'budget'), customer}
`;

// ARGV: redemptions, budget, then customer id and count pairs; all added to the committed counts.
const SEED = `
if ARGV[1] ~= '0' then redis.call('HINCRBY', totals, 'redemptions', ARGV[1]) end
if ARGV[2] ~= '0' then redis.call('HINCRBY', totals, 'budget', ARGV[2]) end
for i = 3, #ARGV, 2 do redis.call('HINCRBY', customers, ARGV[i], ARGV[i + 1]) end
return 1
`;

function script(name: string, body: string): Script {
  const lua = `${PRELUDE}${body}`;
  return { name, lua, sha: createHash('sha1').update(lua).digest('hex') };
}

export const SCRIPTS = {
  reserve: script('reserve', RESERVE),
  commit: script('commit', COMMIT),
  release: script('release', RELEASE),
  read: script('read', READ),
  seed: script('seed', SEED),
} as const;
