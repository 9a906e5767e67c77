// A per-client message budget (a token bucket). A client over budget has its messages ignored
// and is told so at most once a second; one that keeps flooding is disconnected.
export const FLOOD_LIMITS = {
  /** Messages a client may send at once. */
  burst: 40,
  /** Sustained messages a second (a dragged slider sends about 8). */
  perSecond: 20,
  /** Ignored messages within one second that get a client disconnected. */
  dropAfter: 100,
} as const;

export type FloodVerdict = "ok" | "throttled" | "warn" | "drop";

export class FloodGuard {
  private tokens: number = FLOOD_LIMITS.burst;
  private refilledAt: number;
  private refusedInWindow = 0;
  private windowStart: number;
  private warnedAt = -Infinity;

  constructor(now: number) {
    this.refilledAt = now;
    this.windowStart = now;
  }

  /** The verdict on one more message at time `now` (ms): "warn" is "throttled" plus telling the client. */
  check(now: number): FloodVerdict {
    this.tokens = Math.min(FLOOD_LIMITS.burst, this.tokens + ((now - this.refilledAt) * FLOOD_LIMITS.perSecond) / 1000);
    this.refilledAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return "ok";
    }
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.refusedInWindow = 0;
    }
    if (++this.refusedInWindow > FLOOD_LIMITS.dropAfter) return "drop";
    if (now - this.warnedAt >= 1000) {
      this.warnedAt = now;
      return "warn";
    }
    return "throttled";
  }
}
