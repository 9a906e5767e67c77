// Several processes, one game: with REDIS_URL set, rooms are found and joined across processes
// through Colyseus's Redis presence and driver. Without it nothing needs Redis.
import { Redis } from "ioredis";
import { RedisPresence } from "@colyseus/redis-presence";
import { RedisDriver } from "@colyseus/redis-driver";

const CONNECT_TIMEOUT_MS = 3000;

/** Resolves when Redis answers a PING; rejects with a readable reason otherwise (never hangs). */
export async function checkRedis(url: string): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on("error", () => undefined); // reported through the rejected promise below
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`cannot reach Redis at ${url}: ${(error as Error).message}`, { cause: error });
  } finally {
    redis.disconnect();
  }
}

export function redisScaleOut(url: string) {
  return { presence: new RedisPresence(url), driver: new RedisDriver(url) };
}
