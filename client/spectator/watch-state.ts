// What /watch shows, in one typed store: the live listing of public rooms, the room being joined
// or watched (its messages as they came), and the two fields of the "watch by code" form.
import type { RevealMessage, RoundMessage } from "../../shared/protocol";
import type { RevealView } from "../../shared/reveal-view";
import { readStored } from "../storage";
import type { MatchRoom, RoomListing } from "../net";
import { Store } from "../store";

/** The room this page watches. Its synchronised state lives in the room (patched in place). */
export interface Watching {
  room: MatchRoom;
  code: string;
  round?: RoundMessage;
  revealMessage?: RevealMessage;
  /** The round message of the reveal's round (its commitment), kept after the next round starts. */
  revealRound?: RoundMessage;
  /** The last reveal with everybody's results, kept after the phase moves on ("Last reveal"). */
  reveal?: RevealView;
  /** Stop was pressed (or another room picked): late events of this room are ignored. */
  leaving: boolean;
}

export interface Listing {
  /** The status dot: "true" live, "false" connecting, "error" lost. */
  live: "true" | "false" | "error";
  /** The status beside the dot (worded by ./watch-view in the language shown). */
  status: ListingStatus;
  rooms: RoomListing[];
  /** Why there is no list right now (the lobby cannot be reached), shown in its place. */
  problem?: ListingProblem;
}

export type ListingStatus = "connecting" | "live" | "reconnecting" | "offline";

/** The server cannot be reached at all, or the lobby said no (`detail`: the SDK's words, or none). */
export type ListingProblem = { kind: "unreachable" } | { kind: "unavailable"; detail?: string };

export interface WatchState {
  listing: Listing;
  watching?: Watching;
  /** The code being joined right now (a second click on it waits). */
  joining?: string;
  /** The form's fields. */
  codeField: string;
  nameField: string;
  /** The server's clock minus this browser's (ms), from the watched room's "clock" message. */
  clockOffset: number;
  /** Date.now() at the last countdown tick: the live clock redraws once a second. */
  now: number;
}

/** The spectator name this browser used last time (its own key: a spectator is not a player). */
export const SPECTATOR_NAME_KEY = "spectator-name";

/** `defaultName`: the name field's value when this browser has not watched before ("Spectator"). */
export function watchStore(defaultName: string): Store<WatchState> {
  return new Store<WatchState>({
    listing: { live: "false", status: "connecting", rooms: [] },
    codeField: "",
    nameField: readStored(SPECTATOR_NAME_KEY) ?? defaultName,
    clockOffset: 0,
    now: Date.now(),
  });
}
