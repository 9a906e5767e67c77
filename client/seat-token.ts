// The room's seat token (the server's `seat` message), kept per room code. Unlike the SDK's
// reconnection token (./reconnection), it outlives the server process: after a crash or a
// restart the page joins the restored room by code with it and gets the same seat back
// (./rejoin). Forgotten with the reconnection token: Leave, a kick, the match's end.
// No DOM (tests use it in Node); storage goes through ./storage (blocked storage: no rejoin).
import { SEAT_TOKEN_PATTERN } from "../shared/protocol";
import { readStoredJson, storedKeys, writeStored, writeStoredJson } from "./storage";

const PREFIX = "seat-token:";
/** Tokens older than this are pruned (a match is long over by then). */
const KEEP_MS = 12 * 60 * 60 * 1000;

interface Stored {
  token: string;
  savedAt: number;
}

export const seatTokenKey = (code: string) => PREFIX + code;

export function saveRoomSeat(code: string, token: string): void {
  if (!SEAT_TOKEN_PATTERN.test(token)) return;
  writeStoredJson(seatTokenKey(code), { token, savedAt: Date.now() } satisfies Stored);
  for (const key of storedKeys(PREFIX)) if (!loadRoomSeat(key.slice(PREFIX.length))) writeStored(key, undefined);
}

export function loadRoomSeat(code: string): string | undefined {
  const stored = readStoredJson<Partial<Stored>>(seatTokenKey(code));
  if (typeof stored?.token !== "string" || !SEAT_TOKEN_PATTERN.test(stored.token)) return undefined;
  if (typeof stored.savedAt !== "number" || Date.now() - stored.savedAt > KEEP_MS) return undefined;
  return stored.token;
}

export function forgetRoomSeat(code: string): void {
  writeStored(seatTokenKey(code), undefined);
}
