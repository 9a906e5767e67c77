// Limits per network address on matchmaking: rooms created, and wrong room codes tried (so
// codes cannot be found by guessing). Counts live in sliding windows: in memory, or with Redis
// in Redis, so that many processes share one allowance instead of each having its own.
import type { Redis } from "ioredis";
import { AddressWindow, type AddressCounter } from "./address-window";
import { RedisWindow } from "./redis-window";

export interface AddressLimitOptions {
  /** Match rooms one address may create per window. */
  roomsPerWindow: number;
  /**
   * Solo rooms (the daily, homework) one address may create per window: a whole school behind one
   * address starts its homework at once, so this is higher.
   */
  soloRoomsPerWindow: number;
  roomWindowMs: number;
  /** Failed joins (unknown code, full room, …) one address may make per window. */
  failedJoinsPerWindow: number;
  joinWindowMs: number;
}

export const DEFAULT_ADDRESS_LIMITS: AddressLimitOptions = {
  roomsPerWindow: 20,
  soloRoomsPerWindow: 300,
  roomWindowMs: 10 * 60_000,
  failedJoinsPerWindow: 30,
  joinWindowMs: 60_000,
};

export class AddressLimits {
  readonly created: AddressCounter;
  readonly soloCreated: AddressCounter;
  readonly failedJoins: AddressCounter;

  constructor(
    readonly options: AddressLimitOptions = DEFAULT_ADDRESS_LIMITS,
    redis?: Redis,
  ) {
    const window = (name: string, limit: number, windowMs: number) =>
      redis ? new RedisWindow(redis, name, limit, windowMs) : new AddressWindow(limit, windowMs);
    this.created = window("rooms", options.roomsPerWindow, options.roomWindowMs);
    this.soloCreated = window("solo-rooms", options.soloRoomsPerWindow, options.roomWindowMs);
    this.failedJoins = window("failed-joins", options.failedJoinsPerWindow, options.joinWindowMs);
  }
}
