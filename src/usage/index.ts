// promoc's shared usage stores: redemption limits and budgets that hold across many engine
// instances. Node-only (the Redis client), so apart from promoc/engine, which stays I/O-free.
export { memoryStore } from './memory-store.js';
export { withUsage } from './with-usage.js';
export { UsageStoreError } from './errors.js';
export { redisUsage } from './redis/redis-usage.js';
export { connectRedis } from './redis/client.js';
export { DEFAULT_PREFIX, campaignKeys } from './redis/keys.js';

export type { UsageStore, Settlement, CampaignUsage } from './store.js';
export type { UsageStoreErrorCode } from './errors.js';
export type { RedisUsage, RedisUsageOptions } from './redis/redis-usage.js';
export type { RedisConnection, ClosableConnection, ConnectOptions } from './redis/client.js';
export type { CampaignKeys } from './redis/keys.js';
