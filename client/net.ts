// The connection to the game server, for the game and the spectator pages alike: one SDK client
// at the page's own origin; create, join, watch or get back into a match room; the live listing
// of public rooms; join failures and lost rooms in sentences a person can act on. Every room gets
// the reconnection settings of ./reconnection (the SDK then reconnects by itself after a drop).
import { Client, type Room } from "@colyseus/sdk";
import {
  DAILY_ROOM, LOBBY_ROOM, MATCH_ROOM,
  type ClientMessage, type ClientMessageType, type JoinOptions,
} from "../shared/protocol";
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

/** Watches a room from a spectator page (/watch, /leaderboard?room=): a wrong code points at the live list. */
export function spectate(code: string, name: string): Promise<MatchRoom> {
  const options: JoinOptions = { name, spectator: true };
  return sdk().joinById<MatchState>(code, options).then(tuneReconnection, (err) => {
    throw new Error(friendlyError(err, code, "", "check the code, or pick a live room from the list"));
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

/** The browser could not reach the server at all (as opposed to the server saying no). */
export const isUnreachable = (message: string): boolean =>
  /failed to fetch|networkerror|ECONNREFUSED|load failed/i.test(message);

/** A join or create failure in words; `noRoomHint` is what to do about a wrong code. */
export function friendlyError(
  err: unknown, code: string, prefix = "", noRoomHint = "check the code or create a room",
): string {
  const e = err as { code?: number; message?: string } | undefined;
  const message = e?.message ?? String(err);
  if (code && /is locked/i.test(message)) return `Room ${code} is locked by its host.`;
  if (e?.code === 522 || /not found/i.test(message)) {
    if (!code) return `${prefix || "Could not create the room"}: the server does not offer it right now (${message}).`;
    return `No room with code ${code} — ${noRoomHint}.`;
  }
  if (isUnreachable(message)) {
    return "Cannot reach the game server. Check your connection and try again.";
  }
  if (prefix) return `${prefix}: ${message || "the server said no"}.`;
  return message || "Something went wrong while joining the room.";
}

// --- The live listing of public rooms (/watch) -----------------------------------------------

/** What a match room publishes in the lobby listing (server/match-room.ts `setMetadata`). */
export interface ListingMetadata {
  code?: string;
  phase?: string;
  round?: number;
  rounds?: number;
  players?: number;
  spectators?: number;
  /** The host's name. */
  host?: string;
}

/** One room of Colyseus's listing (the fields the pages use). */
export interface RoomListing {
  roomId: string;
  name?: string;
  clients?: number;
  maxClients?: number;
  locked?: boolean;
  private?: boolean;
  metadata?: ListingMetadata;
}

/** Joins the lobby: `onChange` gets the whole list of public match rooms after every change. */
export async function watchListing(onChange: (rooms: RoomListing[]) => void): Promise<Room> {
  const lobby = await sdk().joinOrCreate(LOBBY_ROOM, {}); // the first visitor creates the lobby room
  const rooms = new Map<string, RoomListing>();
  const emit = () => onChange([...rooms.values()].filter(isMatchListing));
  lobby.onMessage("rooms", (list: RoomListing[]) => {
    rooms.clear();
    for (const r of Array.isArray(list) ? list : []) if (r?.roomId) rooms.set(r.roomId, r);
    emit();
  });
  lobby.onMessage("+", ([roomId, listing]: [string, RoomListing]) => {
    if (typeof roomId === "string" && listing) rooms.set(roomId, listing);
    emit();
  });
  lobby.onMessage("-", (roomId: string) => {
    rooms.delete(roomId);
    emit();
  });
  return lobby;
}

function isMatchListing(r: RoomListing): boolean {
  return (r.name === undefined || r.name === MATCH_ROOM) && !r.private;
}
