// The countdown as every client draws it: the state carries a deadline on the server's clock,
// each client keeps the offset between that clock and its own ("clock" message) and counts down
// locally, so the server patches no ticking counter.

/** What the countdown is read from (the room state's fields). */
export interface Countdown {
  /** Server epoch ms when the timed phase ends; 0 when none or while paused. */
  deadline: number;
  paused: boolean;
  /** Milliseconds left when the clock was paused. */
  pausedLeft: number;
}

/** Whole seconds left (rounded up, never below 0) at `serverNow` (server epoch ms). */
export function secondsLeft(state: Countdown, serverNow: number): number {
  const ms = state.paused ? state.pausedLeft : state.deadline > 0 ? state.deadline - serverNow : 0;
  return Math.max(0, Math.ceil(ms / 1000));
}

/** How far the server's clock is ahead of this one: add it to Date.now() to read the server's. */
export function serverOffset(serverNowMs: number, localNowMs: number): number {
  return serverNowMs - localNowMs;
}
