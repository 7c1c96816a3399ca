import { Redis } from 'ioredis';

/**
 * The Redis connection for shared rate-limit counters (REDIS_URL). While it is not connected,
 * commands fail at once instead of queueing (no offline queue); connected, they give up after
 * `commandTimeoutMs` (REDIS_COMMAND_TIMEOUT_MS, 250 ms): a slow or absent Redis costs a request at
 * most that, never hangs it. Reconnects on its own (ioredis retries with backoff); the URL may
 * carry a password, so it is never logged.
 */
export function createRedisClient(url: string, commandTimeoutMs = 250): Redis {
  return new Redis(url, {
    connectionName: 'mais-api',
    commandTimeout: commandTimeoutMs,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2_000,
  });
}

export type { Redis };

/** Whether `redis` is (or becomes) ready within `ms`. */
export function connectedWithin(redis: Redis, ms: number): Promise<boolean> {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      resolve(false);
    }, ms);
    const onReady = () => {
      clearTimeout(timer);
      resolve(true);
    };
    redis.once('ready', onReady);
  });
}
