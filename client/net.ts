// The connection to the game server: create or join a match room at the page's own origin, and
// turn join failures into sentences a player can act on. Every room gets the reconnection
// settings of ./reconnection (the SDK then reconnects by itself after a dropped connection).
import { Client, type Room } from "@colyseus/sdk";
import { DAILY_ROOM, MATCH_ROOM, type ClientMessage, type ClientMessageType, type JoinOptions } from "../shared/protocol";
import type { MatchState } from "../server/state";
import { tuneReconnection } from "./reconnection";

export type MatchRoom = Room<any, MatchState>;

let client: Client | undefined;
const sdk = () => (client ??= new Client(location.origin));

export function createRoom(name: string): Promise<MatchRoom> {
  return sdk().create<MatchState>(MATCH_ROOM, { name } satisfies JoinOptions).then(tuneReconnection, (err) => {
    throw new Error(friendlyError(err, ""));
  });
}

/** The daily challenge: a solo round on the server with the day's seed. */
export function createDaily(name: string): Promise<MatchRoom> {
  return sdk().create<MatchState>(DAILY_ROOM, { name } satisfies JoinOptions).then(tuneReconnection, (err) => {
    throw new Error(friendlyError(err, "", "Could not start today's challenge"));
  });
}

export function joinRoom(code: string, name: string, spectator = false): Promise<MatchRoom> {
  const options: JoinOptions = spectator ? { name, spectator } : { name };
  return sdk().joinById<MatchState>(code, options).then(tuneReconnection, (err) => {
    throw new Error(friendlyError(err, code));
  });
}

/**
 * Back into a seat this browser had (a closed tab, a reload): `token` is a room's
 * `reconnectionToken` ("CODE:secret"). Rejects when the seat is gone (left, expired, room over).
 */
export function reconnectRoom(token: string): Promise<MatchRoom> {
  return sdk().reconnect<MatchState>(token).then(tuneReconnection);
}

/** Typed send: the payload must match the protocol's schema for that message. */
export function send<T extends ClientMessageType>(room: MatchRoom, type: T, payload: ClientMessage<T>): void {
  room.send(type, payload);
}

export function friendlyError(err: unknown, code: string, prefix = ""): string {
  const e = err as { code?: number; message?: string } | undefined;
  const message = e?.message ?? String(err);
  if (code && /is locked/i.test(message)) return `Room ${code} is locked by its host.`;
  if (e?.code === 522 || /not found/i.test(message)) {
    if (!code) return `${prefix || "Could not create the room"}: the server does not offer it right now (${message}).`;
    return `No room with code ${code} — check the code or create a room.`;
  }
  if (/failed to fetch|networkerror|ECONNREFUSED|load failed/i.test(message)) {
    return "Cannot reach the game server. Check your connection and try again.";
  }
  if (prefix) return `${prefix}: ${message || "the server said no"}.`;
  return message || "Something went wrong while joining the room.";
}
