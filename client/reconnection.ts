// Getting back into the same seat. Two ways:
// - a dropped connection (wifi, a killed socket): the SDK reconnects by itself with these
//   settings, retrying for a little longer than the server holds the seat (RECONNECT_SECONDS = 60);
// - a closed tab, a reload, a crashed browser: the room's reconnection token is kept in
//   localStorage under the room code, and opening the link again reconnects with it.
// No DOM here (tests use it in Node); storage is optional and failures are ignored.
import type { Room } from "@colyseus/sdk";

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

export function tuneReconnection<R extends Room<any, any>>(room: R): R {
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

const PREFIX = "shell-galaxy:seat:";
/** Tokens older than this are pruned (a match is long over by then). */
const KEEP_MS = 12 * 60 * 60 * 1000;

interface Stored { token: string; savedAt: number }

type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

function storage(): StorageLike | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // storage blocked: no tab-close restore, everything else works
  }
}

export const tokenKey = (code: string) => PREFIX + code;

/** Remembers this browser's seat in room `code` (call again after every reconnect: the token changes). */
export function saveSeatToken(code: string, token: string | undefined, store = storage()): void {
  if (!store || !token) return;
  try {
    store.setItem(tokenKey(code), JSON.stringify({ token, savedAt: Date.now() } satisfies Stored));
    pruneSeatTokens(store);
  } catch {
    // quota or blocked: ignore
  }
}

export function loadSeatToken(code: string, store = storage()): string | undefined {
  try {
    const raw = store?.getItem(tokenKey(code));
    if (!raw) return undefined;
    const stored = JSON.parse(raw) as Partial<Stored>;
    if (typeof stored.token !== "string" || !stored.token.startsWith(`${code}:`)) return undefined;
    if (typeof stored.savedAt !== "number" || Date.now() - stored.savedAt > KEEP_MS) return undefined;
    return stored.token;
  } catch {
    return undefined;
  }
}

export function forgetSeatToken(code: string, store = storage()): void {
  try {
    store?.removeItem(tokenKey(code));
  } catch {
    // ignore
  }
}

function pruneSeatTokens(store: StorageLike): void {
  const stale: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    const code = key.slice(PREFIX.length);
    if (!loadSeatToken(code, store)) stale.push(key);
  }
  for (const key of stale) store.removeItem(key);
}
