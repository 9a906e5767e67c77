// Who has locked in this round, and when. The room decides from here at once (refusals, the
// end of tuning, the speed bonus); the state's `locked` marks and `lockedCount` follow in
// batches (at most every LOCK_FLUSH_MS), so thirty lock-ins make a few patches, not thirty.
import type { MatchState } from "../shared/state";

/** How long a lock-in may wait before everyone sees its mark (and the count) in the state. */
export const LOCK_FLUSH_MS = 500;

export class LockIns {
  /** Per session: the share of tuning time left when it locked in (for the speed bonus). */
  private shares = new Map<string, number>();
  private unshown = new Set<string>();

  has(sessionId: string): boolean {
    return this.shares.has(sessionId);
  }

  add(sessionId: string, timeLeftShare: number): void {
    this.shares.set(sessionId, timeLeftShare);
    this.unshown.add(sessionId);
  }

  /** The share of time left when `sessionId` locked in; 0 if it never did. */
  shareOf(sessionId: string): number {
    return this.shares.get(sessionId) ?? 0;
  }

  /** A lock-in from before a restart: decided and already in the state. */
  restore(sessionId: string, timeLeftShare: number): void {
    this.shares.set(sessionId, timeLeftShare);
  }

  /** A seat taken back by a new session keeps its lock-in. */
  move(from: string, to: string): void {
    const share = this.shares.get(from);
    if (share === undefined) return;
    this.shares.delete(from);
    this.shares.set(to, share);
    if (this.unshown.delete(from)) this.unshown.add(to);
  }

  /** A new round: nobody locked in. */
  clear(): void {
    this.shares.clear();
    this.unshown.clear();
  }

  /** Whether some lock-in is not in the state yet. */
  get pending(): boolean {
    return this.unshown.size > 0;
  }

  /** Writes the lock-ins not yet in the state (players who left are skipped). */
  show(state: MatchState): void {
    for (const sessionId of this.unshown) {
      const player = state.players.get(sessionId);
      if (player) player.locked = true;
    }
    this.unshown.clear();
  }
}
