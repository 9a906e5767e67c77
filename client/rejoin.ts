// Getting back into a room whose server process is gone (a crash, a restart, a deploy). The SDK's
// own reconnection (./reconnection) only works while the process that holds the seat lives; a new
// process restores the room under the same code (issue 15), and the page joins it again by code
// with its seat token (`seat` join option) or as a spectator. Here: when to try that, how often,
// and which failures are worth another try. No DOM (tests/rejoin.test.ts runs it in Node).
import { CLOSE_NO_SEAT, CLOSE_SERVER_SHUTDOWN } from "../shared/protocol";

/** How long the page keeps trying to get back in before it gives up and goes home. */
export const REJOIN_WINDOW_MS = 60_000;

/** The wait before each try: 0.5 s, 1 s, 2 s, then every 2 s while the window lasts. */
export function rejoinDelays(windowMs = REJOIN_WINDOW_MS): number[] {
  const delays: number[] = [];
  let total = 0;
  for (const delay of [500, 1_000, 2_000]) {
    if (total + delay > windowMs) return delays;
    delays.push(delay);
    total += delay;
  }
  while (total + 2_000 <= windowMs) {
    delays.push(2_000);
    total += 2_000;
  }
  return delays;
}

/**
 * Why a closed room is worth joining again by code, from the SDK's close code and reason:
 * "restart" (SIGTERM: the server said it is restarting), "gone" (the SDK's reconnection was
 * refused by a process that does not know the seat, or never got an answer); undefined for every
 * other close (a kick, a Leave, flooding, a newer tab), which keeps its own message.
 */
export type RejoinCause = "restart" | "gone";

export function rejoinCause(closeCode: number): RejoinCause | undefined {
  if (closeCode === CLOSE_SERVER_SHUTDOWN) return "restart";
  // 4003 covers both "seat reservation expired" (refused) and "No more retries" (no answer).
  if (closeCode === CLOSE_NO_SEAT) return "gone";
  return undefined;
}

/**
 * A failed try: "refused" (the room said no: a wrong seat, a lock), "no-room" (no room with that
 * code: not restored yet, or never), "retry" (the network, the server still starting).
 */
export type RejoinFailure = "refused" | "no-room" | "retry";

/** Colyseus's matchmaking codes that are the room's own answer (onAuth, a wrong seat, the name filter). */
const REFUSALS = new Set([521 /* MATCHMAKE_INVALID_CRITERIA */, 525 /* AUTH_FAILED */]);
const NO_ROOM = 522; // MATCHMAKE_INVALID_ROOM_ID

export function rejoinFailure(err: unknown): RejoinFailure {
  const code = (err as { code?: unknown } | undefined)?.code;
  if (typeof code !== "number") return "retry"; // no answer: the process is down
  if (REFUSALS.has(code)) return "refused";
  return code === NO_ROOM ? "no-room" : "retry";
}

export type RejoinOutcome<R> =
  | { kind: "back"; room: R }
  | { kind: "refused"; error: unknown }
  | { kind: "timeout"; error?: unknown }
  /** The page stopped wanting the room (Leave, another room); a room got meanwhile is in `room`. */
  | { kind: "stopped"; room?: R };

export interface RejoinLoop<R> {
  /** One try: join the room by code (resolves with the room, rejects with the SDK's error). */
  attempt: () => Promise<R>;
  /** Whether the page still wants this room (checked before and after every try). */
  wanted: () => boolean;
  delays?: number[];
  windowMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const pause = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Tries to get back in with the backoff until it works, is refused, is no longer wanted or the window is over. */
export async function rejoinWithBackoff<R>(loop: RejoinLoop<R>): Promise<RejoinOutcome<R>> {
  const { attempt, wanted, windowMs = REJOIN_WINDOW_MS, sleep = pause, now = Date.now } = loop;
  const started = now();
  let last: unknown;
  for (const delay of loop.delays ?? rejoinDelays(windowMs)) {
    await sleep(delay);
    if (!wanted()) return { kind: "stopped" };
    if (now() - started > windowMs) break; // a slow try (a hanging connect) used the window up
    try {
      const room = await attempt();
      return wanted() ? { kind: "back", room } : { kind: "stopped", room };
    } catch (err) {
      if (!wanted()) return { kind: "stopped" };
      // A missing room is tried again: the new process restores its rooms just after it listens.
      if (rejoinFailure(err) === "refused") return { kind: "refused", error: err };
      last = err;
    }
  }
  return { kind: "timeout", error: last };
}

/**
 * Whether a room's socket goes to the page's own address. With Redis each process has its own
 * PUBLIC_ADDRESS: a room there whose process died never answers again (the SDK would try for a
 * minute), while another process behind the page's address may already have restored it.
 */
export function onPageAddress(socketUrl: string | undefined, pageHost: string): boolean {
  if (!socketUrl) return true;
  try {
    const url = new URL(socketUrl);
    // The socket's path is /<processId>/<roomId>: anything before it is a per-process prefix.
    return url.host === pageHost && url.pathname.split("/").filter(Boolean).length <= 2;
  } catch {
    return true;
  }
}
