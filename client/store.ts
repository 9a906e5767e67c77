// The client's one store: everything the page shows follows from it. Connection code, the room's
// messages and the practice write it; the page (./app) subscribes and draws the screen the
// screen machine (./screen-machine) chooses. The room's synchronised state lives in the room
// (Colyseus patches it in place), so a patch calls `changed()` instead of copying it here.
import type { DailyMessage, HomeworkMessage, PodiumMessage, RevealMessage, RoundMessage } from "../shared/protocol";
import type { RevealView } from "../shared/reveal-view";
import type { AssignmentPublic } from "../shared/teacher";
import type { MatchRoom } from "./net";
import type { Practice } from "./practice/practice-state";

/** What kind of room a session is: a match, or a solo room (the daily challenge, homework). */
export type SessionMode = "match" | "daily" | "homework";

/** A room this page is in (a match, or a solo room: the daily challenge, homework). */
export interface RoomSession {
  room: MatchRoom;
  code: string;
  round?: RoundMessage;
  revealMessage?: RevealMessage;
  /** The last reveal with everybody's results, built once the state has reached it. */
  reveal?: RevealView;
  counts?: { round: number; counts: number[] };
  podium?: PodiumMessage;
  daily?: DailyMessage;
  /** A homework room's word on this attempt (resumed, or practice). */
  homework?: HomeworkMessage;
  /** Solo rooms (daily, homework) have no link to share and no seat to restore. */
  mode: SessionMode;
  /** The teacher key this browser created the room with (the host's lobby shows it); `fresh`: made just now. */
  teacherKey?: { key: string; fresh: boolean };
  /** This player's seat token (the `seat` message): joins the room again after a server restart. */
  seat?: string;
  /** The host removed this player: the close that follows is explained, and nothing reconnects. */
  kicked: boolean;
  /** Leave was pressed: late events of this room are ignored. */
  leaving: boolean;
}

/** The homework page (/homework/<id>), before and between attempts. */
export interface HomeworkPage {
  id: string;
  /** loading; ready (the assignment is here); missing (no such homework); failed (`error` says why). */
  status: "loading" | "ready" | "missing" | "failed";
  assignment?: AssignmentPublic;
  error?: string;
  /** The server refused the name (its sentence, shown by the name field). */
  nameRefusal?: string;
  /** Start was pressed and the room is being made. */
  starting: boolean;
}

export interface AppState {
  session?: RoomSession;
  /** The homework link this page opened (shown whenever no room or practice is). */
  homeworkPage?: HomeworkPage;
  /** The room code whose stored seat is being reclaimed right now (a Join waits for it). */
  resuming?: string;
  /** This page is /host: a room's projector (joins as a spectator, the projector view on). */
  hostPage: boolean;
  /** The projector view is showing (the host's toggle, or /host). */
  projector: boolean;
  /** Solo practice, when one runs (no room then). */
  practice?: Practice;
  /** The server's clock minus this browser's (ms), from the room's "clock" message. */
  clockOffset: number;
  /** The connection dropped and the SDK is trying again. */
  reconnecting: boolean;
}

type Listener = (state: Readonly<AppState>) => void;

export class Store<T extends object> {
  private listeners = new Set<(state: Readonly<T>) => void>();
  constructor(private state: T) {}

  get(): Readonly<T> {
    return this.state;
  }

  /** Replaces the given fields and tells every subscriber. */
  set(patch: Partial<T>): void {
    this.state = { ...this.state, ...patch };
    this.changed();
  }

  /** Something inside the state changed in place (a room patch, a practice step): draw again. */
  changed(): void {
    for (const listener of [...this.listeners]) listener(this.state);
  }

  subscribe(listener: (state: Readonly<T>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export const store = new Store<AppState>({ hostPage: false, projector: false, clockOffset: 0, reconnecting: false });
export type { Listener };
