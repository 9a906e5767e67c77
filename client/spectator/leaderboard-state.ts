// What /leaderboard shows, in one typed store: the boards as the API last answered them, which
// page of them the address asks for, the day's round (its values and this browser's check), and
// the room watched with ?room=CODE.
import type { MatchRoom } from "../net";
import { Store } from "../store";
import type { OpeningAnswer, OwnCheck } from "./daily-opening";

// The answers of GET /api/leaderboard (server/api.ts).
export interface DailyRow {
  rank: number;
  name: string;
  points: number;
  level: number;
}
export interface DailyBoard {
  board: "daily";
  date: string;
  /** The instant the board is read as of (sent back with the next pages: ?asOf=). */
  asOf?: string;
  total: number;
  limit: number;
  offset: number;
  rows: DailyRow[];
}
export interface FameRow {
  rank: number;
  name: string;
  points: number;
  date: string;
}
export interface WinsRow {
  rank: number;
  name: string;
  wins: number;
}
export interface AlltimeBoard {
  board: "alltime";
  asOf?: string;
  total: number;
  winsTotal?: number;
  limit: number;
  offset: number;
  rows: FameRow[];
  wins: WinsRow[];
}

/** The boards' pages, as the address keeps them (?date=&page=&fame=&limit=). */
export interface BoardView {
  /** Undefined: today (UTC), following the clock past midnight. */
  date?: string;
  page: number;
  fame: number;
  limit: number;
}

/** The room of ?room=CODE, watched as a spectator. */
export interface RoomWatch {
  code: string;
  /** Undefined while joining, or when the room cannot be watched (`failed`). */
  room?: MatchRoom;
  failed: boolean;
  /** The room has closed: its last standings stay. */
  closed: boolean;
}

export interface LeaderboardState {
  view: BoardView;
  daily?: DailyBoard;
  alltime?: AlltimeBoard;
  /** A refresh is on its way (the boards dim). */
  busy: boolean;
  /** The number of the latest refresh: an older answer arriving late is dropped. */
  refresh: number;
  /** The status dot: "false" loading, "true" live, "error" not updating. */
  live: "true" | "false" | "error";
  /** The day whose round is being shown below the date, and what is known of it. */
  openingDate?: string;
  opening?: { date: string; answer: OpeningAnswer; check?: OwnCheck };
  room?: RoomWatch;
  /** Why ?room= cannot be shown: stays on the error line while the boards have no problem of their own. */
  roomError?: string;
}

export const DEFAULT_LIMIT = 20;

/** The view the address asks for (a bad or missing value: the first page, 20 a page, today). */
export function viewFromUrl(params: URLSearchParams): BoardView {
  const positive = (v: string | null, fallback: number, max = 1e6) => {
    const n = Number(v);
    return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
  };
  const date = params.get("date") ?? "";
  return {
    date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined,
    page: positive(params.get("page"), 1),
    fame: positive(params.get("fame"), 1),
    limit: positive(params.get("limit"), DEFAULT_LIMIT, 100),
  };
}

export function leaderboardStore(params: URLSearchParams): Store<LeaderboardState> {
  return new Store<LeaderboardState>({ view: viewFromUrl(params), busy: false, refresh: 0, live: "false" });
}
