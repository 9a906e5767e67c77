// A count of recent events per network address in a sliding window, in memory: at most `limit`
// events per `windowMs`. The matchmaking limits and the teacher-key limit both count with it.
export class AddressWindow {
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

  /** Seconds until the oldest counted event leaves the window. */
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
