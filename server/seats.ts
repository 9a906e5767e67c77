// Who holds which seat, beyond the session: each player's seat token (as its SHA-256) and device
// id (as its SHA-256), keyed like the state's players map (by session, or by a restored seat's
// key until its player comes back). A restored seat waits a while for its player, then goes.
import type { Clock, Delayed } from "@colyseus/core";
import { newSeatToken, sha256Of } from "./seat-tokens";

/** The players-map key of a seat restored from a checkpoint, until its player takes it back. */
export const restoredKey = (seat: number): string => `restored:${seat}`;

export class Seats {
  /** Seat token hashes, by players-map key. */
  readonly tokens = new Map<string, string>();
  /** Device id hashes, by client (players and spectators) or restored seat. */
  readonly devices = new Map<string, string>();
  /** Restored seats still waiting for their player. */
  private readonly waiting = new Map<string, Delayed>();

  constructor(private readonly clock: Clock) {}

  /** A new seat's token: only its hash stays here; the token goes to the player. */
  give(key: string): string {
    const token = newSeatToken();
    this.tokens.set(key, sha256Of(token));
    return token;
  }

  /** The key of the seat this token holds, if any. */
  holder(token: string): string | undefined {
    const hash = sha256Of(token);
    for (const [key, held] of this.tokens) if (held === hash) return key;
    return undefined;
  }

  /** A restored seat waits `seconds` for its player; `expire` removes it if nobody came. */
  wait(key: string, seconds: number, expire: () => void): void {
    this.waiting.set(
      key,
      this.clock.setTimeout(() => {
        this.waiting.delete(key);
        expire();
      }, seconds * 1000),
    );
  }

  /** Restored seats nobody has taken back yet. */
  get waitingCount(): number {
    return this.waiting.size;
  }

  isWaiting(key: string): boolean {
    return this.waiting.has(key);
  }

  /** The seat's new session: its token and device follow; a restored seat stops waiting. */
  move(from: string, to: string, deviceHash?: string): void {
    const token = this.tokens.get(from);
    if (token !== undefined) this.tokens.set(to, token);
    const device = deviceHash ?? this.devices.get(from);
    if (device !== undefined) this.devices.set(to, device);
    this.forget(from);
  }

  forget(key: string): void {
    this.tokens.delete(key);
    this.devices.delete(key);
    this.waiting.get(key)?.clear();
    this.waiting.delete(key);
  }
}
