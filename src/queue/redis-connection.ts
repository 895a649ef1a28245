import IORedis, { type RedisOptions } from "ioredis"

export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379"

export function resolveRedisUrl(explicit?: string): string {
  return explicit ?? process.env.REDIS_URL ?? DEFAULT_REDIS_URL
}

/**
 * Connection for a BullMQ Worker: BullMQ requires maxRetriesPerRequest=null so blocking
 * commands wait for Redis to come back instead of failing the worker.
 */
export function createWorkerConnection(url: string, extra: RedisOptions = {}): IORedis {
  return new IORedis(url, { maxRetriesPerRequest: null, ...extra })
}

/**
 * Connection for a producer on the HTTP path: fail fast when Redis is unreachable
 * (no offline queue, one retry) so a request never waits on a dead Redis.
 */
export function createProducerConnection(url: string, extra: RedisOptions = {}): IORedis {
  return new IORedis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    lazyConnect: false,
    ...extra,
  })
}
