// Limits per network address on matchmaking: rooms created, and wrong room codes tried (so
// codes cannot be found by guessing). Counts live in memory, in sliding windows.
export interface AddressLimitOptions {
  /** Rooms one address may create per window. */
  roomsPerWindow: number;
  roomWindowMs: number;
  /** Failed joins (unknown code, full room, …) one address may make per window. */
  failedJoinsPerWindow: number;
  joinWindowMs: number;
}

export const DEFAULT_ADDRESS_LIMITS: AddressLimitOptions = {
  roomsPerWindow: 20,
  roomWindowMs: 10 * 60_000,
  failedJoinsPerWindow: 30,
  joinWindowMs: 60_000,
};

class SlidingCounter {
  private times = new Map<string, number[]>();
  constructor(
    private limit: number,
    private windowMs: number,
  ) {}

  full(key: string, now: number): boolean {
    return this.recent(key, now).length >= this.limit;
  }

  add(key: string, now: number): void {
    this.times.set(key, [...this.recent(key, now), now]);
  }

  /** Seconds until the oldest counted event leaves the window. */
  retryAfter(key: string, now: number): number {
    const oldest = this.recent(key, now)[0] ?? now;
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }

  private recent(key: string, now: number): number[] {
    const kept = (this.times.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (kept.length > 0) this.times.set(key, kept);
    else this.times.delete(key); // forget quiet addresses, so the map stays small
    return kept;
  }
}

export class AddressLimits {
  readonly created: SlidingCounter;
  readonly failedJoins: SlidingCounter;

  constructor(readonly options: AddressLimitOptions = DEFAULT_ADDRESS_LIMITS) {
    this.created = new SlidingCounter(options.roomsPerWindow, options.roomWindowMs);
    this.failedJoins = new SlidingCounter(options.failedJoinsPerWindow, options.joinWindowMs);
  }
}
