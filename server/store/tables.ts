// The store's tables as Kysely sees them (server/store/database.ts). Times are ISO-8601 text in
// both engines, so they sort as text and compare as the boards' snapshots need.
import type { Generated } from "kysely";

export interface Tables {
  matches: {
    id: string;
    code: string;
    rounds: number;
    tuning_seconds: number;
    started_at: string;
    finished_at: string | null;
    winner: string | null;
    /** The teacher key's id (SHA-256 hex of the key) when the room was made with one. */
    teacher_id: string | null;
    /** A homework attempt: its assignment, the student's name and device (SHA-256 hex). */
    assignment_id: string | null;
    student: string | null;
    device: string | null;
    /** 0 for a practice attempt. */
    counts: Generated<number>;
  };
  rounds: {
    match_id: string;
    round: number;
    opening: string;
    best_level: number;
    finished_at: string;
    /** The U-curve as JSON. */
    levels: Generated<string>;
  };
  round_results: {
    match_id: string;
    round: number;
    session_id: string;
    seat: number;
    name: string;
    level: number;
    hidden_error: number;
    points: number;
    speed_bonus: Generated<number>;
    total: number;
  };
  daily_scores: {
    date: string;
    name: string;
    points: number;
    level: number;
    hidden_error: number;
    played_at: string;
  };
  /** Summaries kept by triggers (server/store/migrations/*.ts): each name's best per day. */
  daily_best: {
    date: string;
    name: string;
    points: number;
    level: number;
    reached_at: string;
    first_at: string;
    last_at: string;
  };
  match_wins: { name: string; wins: number };
  leaderboard_totals: { board: string; n: number };
  teacher_keys: { id: string; created_at: string; revoked_at: string | null };
  assignments: {
    id: string;
    teacher_id: string;
    title: string;
    rounds: number;
    /** JSON array of spiral kinds. */
    kinds: string;
    difficulty: string;
    deadline: string;
    time_zone: string;
    friendly_names: number;
    /** JSON array of the rounds' ids (secret until the deadline). */
    round_ids: string;
    created_at: string;
    /** Rounds from a set: JSON array of SetRoundSpec (shared/round-set.ts), copied at creation; null: the catalog's. */
    set_rounds: Generated<string | null>;
  };
  /** A teacher's round sets (server/sets-store.ts): the set's JSON as checked by roundSetSchema. */
  round_sets: {
    id: string;
    teacher_id: string;
    name: string;
    body: string;
    /** Bytes of `body` (UTF-8), counted against the key's allowance. */
    bytes: number;
    rounds: number;
    spirals: number;
    /** The share link's token (random), when the teacher shared the set; null: not shared. */
    share_token: string | null;
    created_at: string;
  };
  room_checkpoints: { code: string; owner: string; saved_at: number; body: string };
  /** Server-wide values every process shares (PostgreSQL: the round secret when ROUND_SECRET is unset). */
  server_settings: { key: string; value: string };
}
