// The connection to the game server, for the game and the spectator pages alike: one SDK client
// at the page's own origin; create, join, watch or get back into a match room; the live listing
// of public rooms; join failures and lost rooms in sentences a person can act on. Every room gets
// the reconnection settings of ./reconnection (the SDK then reconnects by itself after a drop);
// after the server process itself is gone, rejoinRoom joins the restored room by code (./rejoin).
// A player's create or join carries this browser's device id (../teacher-key): homework resumes
// by it, and a host's Remove bars it from the room.
import { Client, type Room } from "@colyseus/sdk";
import {
  CLOSE_ABNORMAL,
  CLOSE_FLOODING,
  CLOSE_KICKED,
  CLOSE_NO_SEAT,
  CLOSE_REPLACED,
  CLOSE_SERVER_SHUTDOWN,
  DAILY_ROOM,
  HOMEWORK_ROOM,
  LOBBY_ROOM,
  MATCH_ROOM,
  type ClientMessage,
  type ClientMessageType,
  type JoinOptions,
} from "../shared/protocol";
import type { MatchState } from "../shared/state";
import { tuneReconnection } from "./reconnection";
import { deviceId } from "./teacher-key";

export type MatchRoom = Room<unknown, MatchState>;

/** One SDK client for the page, at its own origin (making it opens no connection). */
const client = new Client(location.origin);

/** Why the server refused a create or join, when the player can do something about it. */
export type Refusal =
  /** The name filter said no (the server's sentence says what to do). */
  | "name-not-allowed"
  /** The room takes generated names only. */
  | "generated-names"
  /** The teacher key is unknown or revoked. */
  | "teacher-key"
  /** The homework's deadline has passed. */
  | "closed";

/** A refused create or join: the sentence to show, and what it was about. */
export class RoomRefused extends Error {
  constructor(
    message: string,
    readonly refusal?: Refusal,
  ) {
    super(message);
  }
}

/** What a refusal was about, from the server's sentence (server/name-filter.ts, the rooms' onAuth). */
export function refusalOf(message: string): Refusal | undefined {
  if (/generated names only/i.test(message)) return "generated-names";
  if (/name is not allowed/i.test(message)) return "name-not-allowed";
  if (/teacher key/i.test(message)) return "teacher-key";
  if (/homework closed|is closed/i.test(message)) return "closed";
  return undefined;
}

/** A failed create or join as a RoomRefused: the server's own sentence when it is a refusal, else `friendly`. */
function refused(err: unknown, friendly: (err: unknown) => string): RoomRefused {
  const message = (err as { message?: string } | undefined)?.message ?? "";
  const refusal = refusalOf(message);
  return new RoomRefused(refusal ? message : friendly(err), refusal);
}

/** A match room; `teacherKey` files its matches under the teacher's key; `set` plays one of its round sets. */
export function createRoom(name: string, teacherKey?: string, set?: string): Promise<MatchRoom> {
  const options: JoinOptions = {
    name,
    device: deviceId(),
    ...(teacherKey ? { teacherKey } : {}),
    ...(teacherKey && set ? { set } : {}),
  };
  return client.create<MatchState>(MATCH_ROOM, options).then(tuneReconnection, (err) => {
    throw refused(err, (e) => friendlyError(e, ""));
  });
}

/** The daily challenge: a solo round on the server with the day's seed. */
export function createDaily(name: string): Promise<MatchRoom> {
  const options: JoinOptions = { name, device: deviceId() };
  return client.create<MatchState>(DAILY_ROOM, options).then(tuneReconnection, (err) => {
    throw refused(err, (e) => friendlyError(e, "", "Could not start today's challenge"));
  });
}

/** A homework attempt: the server resumes this device's attempt under this name, or starts one. */
export function createHomework(name: string, assignment: string): Promise<MatchRoom> {
  const options: JoinOptions = { name, assignment, device: deviceId() };
  return client.create<MatchState>(HOMEWORK_ROOM, options).then(tuneReconnection, (err) => {
    throw refused(err, (e) => friendlyError(e, "", "Could not start the homework"));
  });
}

export function joinRoom(code: string, name: string, spectator = false): Promise<MatchRoom> {
  const options: JoinOptions = { name, device: deviceId(), ...(spectator ? { spectator } : {}) };
  return client.joinById<MatchState>(code, options).then(tuneReconnection, (err) => {
    throw refused(err, (e) => friendlyError(e, code));
  });
}

/** Watches a room from a spectator page (/watch, /leaderboard?room=): a wrong code points at the live list. */
export function spectate(code: string, name: string): Promise<MatchRoom> {
  const options: JoinOptions = { name, spectator: true };
  return client.joinById<MatchState>(code, options).then(tuneReconnection, (err) => {
    throw new Error(friendlyError(err, code, "", "check the code, or pick a live room from the list"));
  });
}

/**
 * Back into a room the server restored after its process died (./rejoin): `options` carry the
 * seat token (`seat`) of a player, or `spectator`. Rejects with the SDK's own error (its `code`
 * says whether another try is worth it).
 */
export function rejoinRoom(code: string, options: JoinOptions): Promise<MatchRoom> {
  return client.joinById<MatchState>(code, options).then(tuneReconnection);
}

/**
 * Back into a seat this browser had (a closed tab, a reload): `token` is a room's
 * `reconnectionToken` ("CODE:secret"). Rejects when the seat is gone (left, expired, room over).
 */
export function reconnectRoom(token: string): Promise<MatchRoom> {
  return client.reconnect<MatchState>(token).then(tuneReconnection);
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
  err: unknown,
  code: string,
  prefix = "",
  noRoomHint = "check the code or create a room",
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

/**
 * Why a room was lost, in words: for a player (about the seat: the token stays, opening the link
 * again may restore it) or for a spectator watching it (/watch).
 */
export function leftMessage(
  code: string,
  closeCode: number,
  reason = "",
  as: "player" | "spectator" = "player",
): string {
  if (as === "spectator") {
    const why =
      closeCode === CLOSE_KICKED
        ? `the host removed you${reason ? ` (${reason})` : ""}`
        : closeCode === CLOSE_SERVER_SHUTDOWN
          ? "the server restarted"
          : closeCode === CLOSE_NO_SEAT
            ? "the connection was lost and could not be restored"
            : "the room has closed";
    return `Stopped watching room ${code}: ${why}.`;
  }
  if (closeCode === CLOSE_NO_SEAT && /no more retries/i.test(reason)) {
    // The SDK tried for about 66 s: the 60 s the server holds a seat are over.
    return (
      `Lost the connection to room ${code} and could not reconnect for over a minute, so your seat is gone. ` +
      "Check your connection, then join again with the code."
    );
  }
  if (closeCode === CLOSE_NO_SEAT) {
    return (
      `Lost the connection to room ${code} and could not reconnect: the room no longer holds your seat ` +
      "(a seat is kept 60 seconds after a drop). Join again with the code to play on."
    );
  }
  if (closeCode === CLOSE_ABNORMAL) {
    return (
      `Lost the connection to room ${code} right after joining. Open the link again (or join with the code) ` +
      "within 60 seconds to get your seat back."
    );
  }
  if (closeCode === CLOSE_SERVER_SHUTDOWN) {
    return (
      `The server restarted, so room ${code} closed. ` +
      "Finished rounds are saved; create or join a room again in a minute."
    );
  }
  if (closeCode === CLOSE_FLOODING) {
    return `You were disconnected from room ${code} for sending too many messages. Join again with the code.`;
  }
  if (closeCode === CLOSE_REPLACED) {
    return (
      `You were disconnected from room ${code} (code ${CLOSE_REPLACED}). ` +
      "If you opened this room in another tab or window, you are playing there now."
    );
  }
  const said = reason ? `: ${reason}` : "";
  return `You were disconnected from room ${code}${said} (code ${closeCode}). Join again with the code.`;
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
  const lobby = await client.joinOrCreate(LOBBY_ROOM, {}); // the first visitor creates the lobby room
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
