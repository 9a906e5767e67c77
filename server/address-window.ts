// A count of recent events per network address in a sliding window, in memory: at most `limit`
// events per `windowMs`. The matchmaking limits and the teacher-key limit both count with it;
// with REDIS_URL they count with server/redis-window.ts instead, through AddressCounter.
export interface AddressCounter {
  full(address: string, now: number): boolean | Promise<boolean>;
  add(address: string, now: number): void | Promise<void>;
  /** Seconds until the oldest counted event leaves the window. */
  retryAfter(address: string, now: number): number | Promise<number>;
}

export class AddressWindow implements AddressCounter {
  private times = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  full(address: string, now: number): boolean {
    return this.recent(address, now).length >= this.limit;
  }

  add(address: string, now: number): void {
    this.times.set(address, [...this.recent(address, now), now]);
  }

  retryAfter(address: string, now: number): number {
    const oldest = this.recent(address, now)[0] ?? now;
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }

  private recent(address: string, now: number): number[] {
    const kept = (this.times.get(address) ?? []).filter((t) => now - t < this.windowMs);
    if (kept.length > 0) this.times.set(address, kept);
    else this.times.delete(address); // quiet addresses are forgotten, so the map stays small
    return kept;
  }
}
