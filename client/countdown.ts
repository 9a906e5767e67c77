// The countdown, drawn locally: the state's deadline on the server's clock, this browser's offset
// to that clock (the room's "clock" message), and a tick that redraws when the whole second
// changes. The server sends no ticking counter.
import { secondsLeft, type Countdown } from "../shared/clock";

const TICK_MS = 200;

/** Whole seconds left in the room's timed phase, now. */
export function secondsLeftNow(state: Countdown, offset: number): number {
  return secondsLeft(
    { deadline: state.deadline ?? 0, paused: state.paused === true, pausedLeft: state.pausedLeft ?? 0 },
    Date.now() + offset,
  );
}

/**
 * Calls `onSecond` whenever the seconds `read` returns change (checked five times a second).
 * Returns the stop function.
 */
export function tickSeconds(read: () => number | undefined, onSecond: () => void): () => void {
  let shown = read();
  const timer = setInterval(() => {
    const now = read();
    if (now !== shown) {
      shown = now;
      onSecond();
    }
  }, TICK_MS);
  return () => clearInterval(timer);
}
