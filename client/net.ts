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
import { parseRefusal, type Refusal as ServerRefusal } from "../shared/refusals";
import { language, t } from "./i18n/i18n";
import { describeRefusal } from "./i18n/refusal-text";
import { tuneReconnection } from "./reconnection";
import { deviceId } from "./teacher-key";

export type MatchRoom = Room<unknown, MatchState>;

/** One SDK client for the page, at its own origin (making it opens no connection). */
const client = new Client(location.origin);

/** Why the server refused a create or join, when the player can do something about it. */
export type Refusal =
  /** The name was refused (the filter, or nameSchema): the refusal's `reason` says why. */
  | "name-not-allowed"
  /** The room takes generated names only. */
  | "generated-names"
  /** The teacher key is malformed, unknown or revoked. */
  | "teacher-key"
  /** The homework's deadline has passed. */
  | "closed";

/**
 * A refused create or join: the sentence to show (in the current language), what it was about,
 * and the server's refusal as it came (code and params; undefined when the server sent none).
 */
export class RoomRefused extends Error {
  constructor(
    message: string,
    readonly refusal?: Refusal,
    readonly coded?: ServerRefusal,
  ) {
    super(message);
  }
}

const TEACHER_KEY_CODES: readonly string[] = ["teacher-key-malformed", "teacher-key-unknown", "teacher-key-revoked"];

/** What a refusal was about, from the server's code (shared/refusals.ts). */
export function refusalKind(r: ServerRefusal | undefined): Refusal | undefined {
  if (!r) return undefined;
  if (r.code === "name-refused")
    return r.params?.reason === "name-generated-only" ? "generated-names" : "name-not-allowed";
  if (TEACHER_KEY_CODES.includes(r.code)) return "teacher-key";
  if (r.code === "homework-closed") return "closed";
  return undefined;
}

/** A failed create or join as a RoomRefused: the server's refusal worded when it is one, else `friendly`. */
function refused(err: unknown, friendly: (err: unknown) => string): RoomRefused {
  const coded = parseRefusal((err as { message?: string } | undefined)?.message ?? "");
  const refusal = refusalKind(coded);
  return new RoomRefused(refusal && coded ? describeRefusal(coded) : friendly(err), refusal, coded);
}

/** A match room; `teacherKey` files its matches under the teacher's key; `set` plays one of its round sets. */
export function createRoom(name: string, teacherKey?: string, set?: string): Promise<MatchRoom> {
  const options: JoinOptions = {
    name,
    device: deviceId(),
    lang: language(), // the room's host language (the projector's)
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
    throw refused(err, (e) => friendlyError(e, "", t("errors.couldNotStartDaily")));
  });
}

/** A homework attempt: the server resumes this device's attempt under this name, or starts one. */
export function createHomework(name: string, assignment: string): Promise<MatchRoom> {
  const options: JoinOptions = { name, assignment, device: deviceId() };
  return client.create<MatchState>(HOMEWORK_ROOM, options).then(tuneReconnection, (err) => {
    throw refused(err, (e) => friendlyError(e, "", t("errors.couldNotStartHomework")));
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
    throw new Error(friendlyError(err, code, "", t("errors.hintLiveList")));
  });
}

/**
 * Back into a room the server restored after its process died (./rejoin): `options` carry the
 * seat token (`seat`) of a player, or `spectator`. Rejects with the SDK's own error (its `code`
 * says whether another try is worth it; its message may be a Refusal as JSON: parseRefusal).
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

/**
 * A join or create failure in words (the server's refusal worded, else the SDK's message);
 * `noRoomHint` is what to do about a wrong code.
 */
export function friendlyError(err: unknown, code: string, prefix = "", noRoomHint = t("errors.hintCheckCode")): string {
  const e = err as { code?: number; message?: string } | undefined;
  const raw = e?.message ?? String(err);
  const coded = parseRefusal(raw);
  const message = coded ? describeRefusal(coded) : raw;
  if (!coded && code && /is locked/i.test(message)) return t("errors.roomLockedByHost", { code });
  if (!coded && (e?.code === 522 || /not found/i.test(message))) {
    if (!code) return t("errors.notOffered", { prefix: prefix || t("errors.couldNotCreate"), message });
    return t("errors.noRoom", { code, hint: noRoomHint });
  }
  if (isUnreachable(message)) return t("errors.unreachable");
  if (prefix) return t("errors.prefixed", { prefix, message: message || t("errors.serverSaidNo") });
  return message || t("errors.joinFailed");
}

/** How long the server keeps a dropped player's seat (server/restorable-room.ts RECONNECT_SECONDS). */
const SEAT_SECONDS = 60;

/** A close reason in words: the server's refusal (a Refusal as JSON) worded, else as it came. */
const reasonText = (reason: string): string => {
  const coded = parseRefusal(reason);
  return coded ? describeRefusal(coded) : reason;
};

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
    const said = reasonText(reason);
    const why =
      closeCode === CLOSE_KICKED
        ? said
          ? t("errors.whyRemovedBecause", { reason: said })
          : t("errors.whyRemoved")
        : closeCode === CLOSE_SERVER_SHUTDOWN
          ? t("errors.whyRestarted")
          : closeCode === CLOSE_NO_SEAT
            ? t("errors.whyNotRestored")
            : t("errors.whyClosed");
    return t("errors.stoppedWatching", { code, why });
  }
  // The SDK tried for about 66 s: the 60 s the server holds a seat are over.
  if (closeCode === CLOSE_NO_SEAT && /no more retries/i.test(reason)) return t("errors.leftRetriesOver", { code });
  if (closeCode === CLOSE_NO_SEAT) return t("errors.leftNoSeat", { code, seconds: SEAT_SECONDS });
  if (closeCode === CLOSE_ABNORMAL) return t("errors.leftAbnormal", { code, seconds: SEAT_SECONDS });
  if (closeCode === CLOSE_SERVER_SHUTDOWN) return t("errors.leftRestarted", { code });
  if (closeCode === CLOSE_FLOODING) return t("errors.leftFlooding", { code });
  if (closeCode === CLOSE_REPLACED) return t("errors.leftReplaced", { code, close: CLOSE_REPLACED });
  const said = reasonText(reason);
  return said
    ? t("errors.leftBecause", { code, reason: said, close: closeCode })
    : t("errors.leftOther", { code, close: closeCode });
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
