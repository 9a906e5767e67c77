// Getting back into the same seat. Two ways:
// - a dropped connection (wifi, a killed socket): the SDK reconnects by itself with these
//   settings, retrying for a little longer than the server holds the seat (RECONNECT_SECONDS = 60);
// - a closed tab, a reload, a crashed browser: the room's reconnection token is kept in
//   localStorage under the room code, and opening the link again reconnects with it.
// No DOM here (tests use it in Node); storage goes through ./storage (blocked storage: no restore).
import type { Room } from "@colyseus/sdk";
import { readStoredJson, storedKeys, writeStored, writeStoredJson } from "./storage";

/** How long the server keeps a dropped player's seat (server/match-room.ts RECONNECT_SECONDS). */
export const SEAT_HELD_MS = 60_000;

/**
 * The SDK's automatic reconnection (it only acts on close codes 1001/1005/1006/4010).
 * - minUptime 1 s instead of 5 s: a drop soon after joining (or after the previous reconnect,
 *   measured from the first join) still reconnects instead of throwing the player out.
 * - backoff 0.5 s, 1 s, 2 s, then every 3 s: a short blip comes back at once, a long outage is
 *   noticed within 3 s of the network returning.
 * - 24 tries ≈ 66 s of waiting, just over the 60 s the seat is held; after that the seat is gone
 *   anyway and the client goes home with an error.
 */
export const RECONNECTION = {
  minUptime: 1_000,
  delay: 250,
  minDelay: 500,
  maxDelay: 3_000,
  maxRetries: 24,
  maxEnqueuedMessages: 20,
} as const;

export function tuneReconnection<R extends Pick<Room, "reconnection">>(room: R): R {
  Object.assign(room.reconnection, RECONNECTION);
  return room;
}

/** The SDK's wait before each try (its own backoff formula), in ms. */
export function retryDelays(options: typeof RECONNECTION = RECONNECTION): number[] {
  const delays: number[] = [];
  for (let attempt = 1; attempt <= options.maxRetries; attempt++) {
    delays.push(Math.min(options.maxDelay, Math.max(options.minDelay, Math.floor(2 ** attempt * options.delay))));
  }
  return delays;
}

// --- The seat token, kept in the browser --------------------------------------------------

const PREFIX = "seat:";
/** Tokens older than this are pruned (a match is long over by then). */
const KEEP_MS = 12 * 60 * 60 * 1000;

interface Stored {
  token: string;
  savedAt: number;
}

/** The storage key of room `code`'s seat (under "shell-galaxy:"). */
export const tokenKey = (code: string) => PREFIX + code;

/** Remembers this browser's seat in room `code` (call again after every reconnect: the token changes). */
export function saveSeatToken(code: string, token: string | undefined): void {
  if (!token) return;
  writeStoredJson(tokenKey(code), { token, savedAt: Date.now() } satisfies Stored);
  pruneSeatTokens();
}

export function loadSeatToken(code: string): string | undefined {
  const stored = readStoredJson<Partial<Stored>>(tokenKey(code));
  if (typeof stored?.token !== "string" || !stored.token.startsWith(`${code}:`)) return undefined;
  if (typeof stored.savedAt !== "number" || Date.now() - stored.savedAt > KEEP_MS) return undefined;
  return stored.token;
}

export function forgetSeatToken(code: string): void {
  writeStored(tokenKey(code), undefined);
}

function pruneSeatTokens(): void {
  for (const key of storedKeys(PREFIX)) {
    const code = key.slice(PREFIX.length);
    if (!loadSeatToken(code)) writeStored(key, undefined);
  }
}
