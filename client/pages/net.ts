// The spectator pages' connection: one SDK client at the page's own origin, the live lobby
// listing, and joining a room as a spectator.
import { Client, type Room } from "@colyseus/sdk";
import { LOBBY_ROOM, MATCH_ROOM, type JoinOptions } from "../../shared/protocol";
import type { MatchState } from "../../server/state";

export type WatchedRoom = Room<any, MatchState>;

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

let client: Client | undefined;
export const sdk = () => (client ??= new Client(location.origin));

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

export function spectate(code: string, name: string): Promise<WatchedRoom> {
  const options: JoinOptions = { name, spectator: true };
  return sdk().joinById<MatchState>(code, options).catch((err) => {
    throw new Error(friendlyError(err, code));
  });
}

export function friendlyError(err: unknown, code: string): string {
  const e = err as { code?: number; message?: string } | undefined;
  const message = e?.message ?? String(err);
  if (e?.code === 522 || /not found/i.test(message)) return `No room with code ${code} — check the code, or pick a live room from the list.`;
  if (/failed to fetch|networkerror|ECONNREFUSED|load failed/i.test(message)) return "Cannot reach the game server. Check your connection and try again.";
  return message || "Something went wrong while joining the room.";
}

const PHASE_LABELS: Record<string, string> = {
  lobby: "Lobby", training: "Training", tuning: "Tuning", reveal: "Reveal", podium: "Podium",
};
export const phaseLabel = (phase: string | undefined) => PHASE_LABELS[phase ?? ""] ?? "Starting";
