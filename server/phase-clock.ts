// The deadline of a timed phase (tuning, reveal): set in the state, timed on the room's clock,
// stopped and restarted by the host's pause. Clients count it down themselves (shared/clock.ts),
// so nothing ticks in the state.
import type { Clock, Delayed } from "@colyseus/core";
import { secondsLeft } from "../shared/clock";
import type { MatchState } from "../shared/state";

export class PhaseClock {
  private timer?: Delayed;
  private done?: () => void;

  constructor(
    private readonly state: MatchState,
    private readonly clock: Clock,
  ) {}

  /** The phase ends `seconds` from now: `done` is called then. */
  start(seconds: number, done: () => void): void {
    this.stop();
    this.done = done;
    this.state.paused = false;
    this.state.pausedLeft = 0;
    this.run(seconds * 1000);
  }

  /** No deadline (an untimed phase, or the phase ended early). */
  stop(): void {
    this.timer?.clear();
    this.done = undefined;
    this.state.deadline = 0;
    this.state.paused = false;
    this.state.pausedLeft = 0;
  }

  /** The host stops the clock (the time left is kept) or restarts it from there. */
  pause(paused: boolean): void {
    if (paused === this.state.paused || !this.done) return;
    if (paused) {
      const left = Math.max(0, this.state.deadline - Date.now());
      this.timer?.clear();
      this.state.deadline = 0;
      this.state.pausedLeft = Math.round(left);
      this.state.paused = true;
    } else {
      const left = this.state.pausedLeft;
      this.state.paused = false;
      this.state.pausedLeft = 0;
      this.run(left);
    }
  }

  /**
   * The share of the phase's `seconds` still left now (0–1): how early a lock-in came. Counted in
   * the whole seconds the players see (docs/scoring.md: secondsLeft / tuningSeconds).
   */
  shareLeft(seconds: number): number {
    return seconds > 0 ? Math.min(1, secondsLeft(this.state, Date.now()) / seconds) : 0;
  }

  private run(ms: number): void {
    const done = this.done!;
    this.state.deadline = Date.now() + ms;
    this.timer = this.clock.setTimeout(() => {
      this.stop();
      done();
    }, ms);
  }
}
