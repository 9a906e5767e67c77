// The sliding window of address-window.ts, counted in Redis so that every process shares one
// allowance: a sorted set per address (`sg:limit:<name>:<address>`, scored by time), trimmed and
// read or trimmed and added in one MULTI, so concurrent processes count exactly.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import type { AddressCounter } from "./address-window";
import { log } from "./log";

/** A Redis that answers slowly or not at all costs a request this much, then the limit is skipped. */
const COMMAND_TIMEOUT_MS = 500;
const WARN_EVERY_MS = 10_000;

/** One connection for all of a process's limits. */
export function limitsRedis(url: string): Redis {
  const redis = new Redis(url, { commandTimeout: COMMAND_TIMEOUT_MS, maxRetriesPerRequest: 1 });
  redis.on("error", () => undefined); // each failed count says so below, at most once per WARN_EVERY_MS
  return redis;
}

export class RedisWindow implements AddressCounter {
  private warnedAt = 0;

  constructor(
    private readonly redis: Redis,
    private readonly name: string,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  async full(address: string, now: number): Promise<boolean> {
    const count = await this.failOpen(async () => {
      const replies = await this.trimmed(address, now).zcard(this.key(address)).exec();
      return Number(replies?.[1]?.[1] ?? 0);
    }, 0);
    return count >= this.limit;
  }

  async add(address: string, now: number): Promise<void> {
    const key = this.key(address);
    await this.failOpen(async () => {
      await this.trimmed(address, now).zadd(key, now, `${now}:${randomUUID()}`).pexpire(key, this.windowMs).exec();
    }, undefined);
  }

  /** Seconds until the oldest counted event leaves the window. */
  async retryAfter(address: string, now: number): Promise<number> {
    const oldest = await this.failOpen(async () => {
      const [, score] = await this.redis.zrange(this.key(address), 0, 0, "WITHSCORES");
      return score === undefined ? now : Number(score);
    }, now);
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }

  private key(address: string): string {
    return `sg:limit:${this.name}:${address}`;
  }

  /** A MULTI that starts by dropping the events that left the window. */
  private trimmed(address: string, now: number) {
    return this.redis.multi().zremrangebyscore(this.key(address), "-inf", now - this.windowMs);
  }

  /**
   * Fails open: when Redis errors or times out, this request is not limited (a school must not be
   * locked out by a Redis blip); the warning is logged at most once per WARN_EVERY_MS.
   */
  private async failOpen<T>(count: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await count();
    } catch (error) {
      if (Date.now() - this.warnedAt >= WARN_EVERY_MS) {
        this.warnedAt = Date.now();
        log.warn("redis-limit-skipped", { limit: this.name, error });
      }
      return fallback;
    }
  }
}
