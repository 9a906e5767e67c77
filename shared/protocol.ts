// The message protocol between the game client and a match room: names, payloads and the zod
// schemas the server validates every message with. Documented in docs/protocol.md.
import type { RoundOpening } from "./round-key";
import type { PointsSum } from "./scoring";
import { z } from "zod";
import { MAX_LEVEL, MIN_LEVEL } from "./ladder-levels";
import { SPIRAL_KINDS } from "./catalog";
import { DIFFICULTIES } from "./difficulties";
import { deviceSchema, teacherKeySchema } from "./teacher";
import { languageSchema } from "./languages";
import {
  nameReasonOf,
  nameRefused,
  REASON_CODES,
  type NameReason,
  type ReasonCode,
  type Refusal,
  type RefusalParams,
} from "./refusals";

export { DIFFICULTIES };

export const MATCH_ROOM = "match";
/** A solo round on the server: the day's round, the same for everyone (one player, no joins). */
export const DAILY_ROOM = "daily";
/** Colyseus's LobbyRoom: the live listing of public match rooms. */
export const LOBBY_ROOM = "lobby";
/** A student's homework attempt: an assignment's rounds played alone, resumable on the same device. */
export const HOMEWORK_ROOM = "homework";

export const PHASES = ["lobby", "training", "tuning", "reveal", "podium"] as const;
export type Phase = (typeof PHASES)[number];

export const MAX_PLAYERS = 60;
export const MAX_SPECTATORS = 100;
export const ROUNDS = { min: 1, max: 20, default: 5 } as const;
export const TUNING_SECONDS = { min: 10, max: 180, default: 45 } as const;
export const NAME_MAX_LENGTH = 20;
/** A seat token (the `seat` message, the `seat` join option): 18 random bytes as base64url. */
export const SEAT_TOKEN_PATTERN = /^[A-Za-z0-9_-]{24}$/;

/**
 * Trimmed, 1–20 visible characters, no control characters. Each issue's message is a name reason
 * code (shared/refusals.ts NAME_REASONS; `name-too-long` with params { max }), worded by the client.
 */
export const nameSchema = z
  .string({ error: "name-empty" satisfies NameReason })
  .max(200, { error: "name-too-long" satisfies NameReason })
  .transform((s) => s.trim().replace(/\s+/g, " "))
  .refine((s) => !/[\p{Cc}\p{Cf}]/u.test(s), { error: "name-control-characters" satisfies NameReason })
  .refine((s) => [...s].length >= 1, { error: "name-empty" satisfies NameReason })
  .refine((s) => [...s].length <= NAME_MAX_LENGTH, {
    error: "name-too-long" satisfies NameReason,
    params: { max: NAME_MAX_LENGTH },
  });

/** A nameSchema issue as a name reason and its params (`{ code: "name-too-long", params: { max: 20 } }`). */
export const nameIssue = (issue: { message?: string; params?: unknown }) => nameReasonOf(issue, NAME_MAX_LENGTH);

/** A join or create refused for its name's nameSchema issue: `name-refused` with the reason. */
export function nameIssueRefusal(issue: { message?: string; params?: unknown }): Refusal {
  const reason = nameIssue(issue);
  return nameRefused(reason.code, reason.params);
}

/** Options a client passes when it creates or joins a room. */
export const joinOptionsSchema = z.strictObject({
  name: nameSchema,
  spectator: z.boolean().optional(),
  /** Creating a match room: the teacher key its matches are stored under (checked, never echoed). */
  teacherKey: teacherKeySchema.optional(),
  /** The browser's own id: who may resume homework, who the host removed from a room. */
  device: deviceSchema.optional(),
  /** Creating a homework room: the assignment's id. */
  assignment: z.uuid().optional(),
  /** Creating a match room with `teacherKey`: the id of one of that key's round sets (its rounds are played). */
  set: z.uuid({ error: "set-id-format" satisfies ReasonCode }).optional(),
  /** Creating a room: the host's language (the match state's `hostLanguage`, for the projector). */
  lang: languageSchema.optional(),
  /** Rejoining after the server restarted: the token of the `seat` message (takes that seat back). */
  seat: z
    .string()
    .regex(SEAT_TOKEN_PATTERN, { error: "seat-token-format" satisfies ReasonCode })
    .optional(),
});
export type JoinOptions = z.input<typeof joinOptionsSchema>;

export const VISIBILITIES = ["public", "private"] as const;

const empty = z.strictObject({});
const whole = (min: number, max: number) => z.number().int().min(min).max(max);

/** Every message a client may send, by name. */
export const clientMessages = {
  /** Host, lobby only: match settings. */
  settings: z.strictObject({
    rounds: whole(ROUNDS.min, ROUNDS.max).optional(),
    tuningSeconds: whole(TUNING_SECONDS.min, TUNING_SECONDS.max).optional(),
    /** Which kinds of spirals appear (A and B both). */
    kinds: z
      .array(z.enum(SPIRAL_KINDS))
      .min(1)
      .max(SPIRAL_KINDS.length)
      .refine((k) => new Set(k).size === k.length, { error: "kinds-repeated" satisfies ReasonCode })
      .optional(),
    /** A's measurement noise. */
    difficulty: z.enum(DIFFICULTIES).optional(),
    /** A small bonus for locking in early (at most SPEED_BONUS_MAX points). */
    speedBonus: z.boolean().optional(),
  }),
  /** Host, any phase: how the room is seen and joined. */
  roomSettings: z.strictObject({
    /** Everyone (spectators too) sees each player's pick, and the counts, before the reveal. */
    showPicksLive: z.boolean().optional(),
    /** Public rooms are listed on /watch; private ones are joined by code only. */
    visibility: z.enum(VISIBILITIES).optional(),
    /** A locked room takes no one new (reconnections still work). */
    locked: z.boolean().optional(),
    /** Players joining from now on pick a generated name ("Curious Nautilus") and cannot type one. */
    friendlyNames: z.boolean().optional(),
  }),
  /** Host: remove a player or spectator (they are told why). */
  kick: z.strictObject({ sessionId: z.string().min(1).max(64) }),
  /** Host, any phase: give a player another name (it passes the name filter and is made unique). */
  rename: z.strictObject({ sessionId: z.string().min(1).max(64), name: nameSchema }),
  /** Host, tuning only: stop or restart the clock. */
  pause: z.strictObject({ paused: z.boolean() }),
  /** Host, training or tuning: end tuning now and reveal. */
  skip: empty,
  /** Host, during a match: straight to the podium (an unrevealed round is not scored). */
  endMatch: empty,
  /** Host, lobby only: start the match. */
  start: empty,
  /** Player, tuning only: the detail level currently chosen (the last one counts). */
  pick: z.strictObject({ level: whole(MIN_LEVEL, MAX_LEVEL) }),
  /** Player, tuning only: lock the current pick in. */
  lockIn: empty,
  /** Host, reveal only: go on to the next round (or the podium) without waiting. */
  next: empty,
  /** Host, podium only: back to the lobby with the same players, points reset. */
  playAgain: empty,
} as const;
export type ClientMessageType = keyof typeof clientMessages;
export type ClientMessage<T extends ClientMessageType> = z.infer<(typeof clientMessages)[T]>;

/** WebSocket close codes the client explains: the standard ones, Colyseus's, and ours. */
/** The connection dropped without a close frame (network gone, server killed). */
export const CLOSE_ABNORMAL = 1006;
/** Colyseus: the server is shutting down. */
export const CLOSE_SERVER_SHUTDOWN = 4001;
/** Colyseus: the seat was taken over by a newer connection (a reloaded tab), or the socket was stale. */
export const CLOSE_REPLACED = 4002;
/** Reconnecting failed: the seat is gone or the retries are over. */
export const CLOSE_NO_SEAT = 4003;
export const CLOSE_KICKED = 4403;
export const CLOSE_FLOODING = 4429;

/** The codes of in-room `error` messages (ErrorMessage), each worded by the client from errors.json. */
export const ERROR_CODES = [
  /** params { reason: "unknown-type" | "bad-payload" | "bad-field" | "no-such-player" | "nobody-with-id", … } */
  "invalid-message",
  /** params { reason: "host-only" | "not-in-round" | "already-locked" | "no-host-controls" | "kick-self", … } */
  "not-allowed",
  /** params { type, phase } */
  "wrong-phase",
  /** params { max }: messages a second */
  "rate-limited",
  /** params { reason: "training-failed" } */
  "server-error",
  /** SIGTERM: the process checkpoints its rooms and exits; the next one restores them. */
  "server-restarting",
  /** params { room } */
  "kicked",
  /** A name the filter (or the room's generated-names-only rule) does not take: params { reason, action? }. */
  "name-refused",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The arm of a spiral as drawing coordinates (A's frame, roughly −1..1). */
export interface ArmView {
  name: string;
  kind: string;
  x: number[];
  y: number[];
}

export interface LevelView {
  level: number;
  trainError: number;
  validationError: number;
  /** The fitted curve over A, in A's drawing frame. */
  x: number[];
  y: number[];
}

/** Sent when a round's ladder is trained: everything a player may see before the reveal. */
export interface RoundMessage {
  round: number;
  /** SHA-256 over everything that fixes B (shared/round-key.ts); the reveal's opening must hash to it. */
  commitment: string;
  a: ArmView & { validation: number[] };
  cue: import("./round").CueView;
  fits: LevelView[];
}

export interface RoundResult {
  sessionId: string;
  name: string;
  level: number;
  hiddenError: number;
  /** Points for the fit, plus the speed bonus when the room has one. */
  points: number;
  speedBonus: number;
  /** The sum behind the points (the page writes it out: shared/scoring.ts pointsArithmetic). */
  sum: PointsSum;
}

/**
 * Sent at the reveal: B, the fits over B and every level's errors. It is the same size however
 * many play: each player's level and points reach everyone in the state (`revealedPick`,
 * `roundPoints`), in the same patch that moves the phase to "reveal", and clients rebuild the
 * result rows and the shake-up from the two (shared/reveal-view.ts).
 */
export interface RevealMessage {
  round: number;
  b: ArmView;
  /** The fit of each level laid over B (B's frame, after the scoring's shift). */
  overB: { level: number; x: number[]; y: number[] }[];
  /** Each level's error on B (hidden until now) and on A's validation points. */
  hidden: { level: number; error: number; validationError: number }[];
  bestLevel: number;
  /** What fixed the round, published now so anyone can check it against the commitment and replay it. */
  opening?: RoundOpening;
  /** The daily challenge's opening waits for the end of its UTC day (then GET /api/daily/DATE/opening). */
  openingAfter?: string;
}

export interface ShakeUpRow {
  sessionId: string;
  name: string;
  rankA: number;
  rankB: number;
}

export interface ShakeUp {
  rows: ShakeUpRow[];
  /** Mean |rankA − rankB| / N: 0 when fitting A predicts B perfectly. */
  meanShift: number;
}

/** Sent when the match reaches the podium: the whole match's shake-up and its results' id. */
export interface PodiumMessage {
  matchId: string;
  /** Rank by points-if-scored-on-A against rank by points. */
  shakeUp: ShakeUp;
}

/** How many players have locked in at each level (index 0 = level 1); counts only. */
export interface PickCountsMessage {
  round: number;
  counts: number[];
}

/** After a daily challenge round: where the player stands today. */
export interface DailyMessage {
  date: string;
  points: number;
  best: number;
  rank: number;
  players: number;
}

/** Sent on joining a homework room: which assignment, and where this attempt stands. */
export interface HomeworkMessage {
  title: string;
  /** False: this name on this device already finished a counted attempt, so this one is practice. */
  counts: boolean;
  /** Rounds already played in this attempt (it resumes at roundsDone + 1). */
  roundsDone: number;
  rounds: number;
}

/**
 * A refused message (or news for the client: kicked, server-restarting): a code and its params,
 * worded by the client (client/i18n/refusal-text.ts). A `reason` param is itself a code
 * (shared/refusals.ts REASON_CODES), e.g. `{ code: "not-allowed", params: { reason: "host-only", type: "start" } }`.
 */
export interface ErrorMessage {
  code: ErrorCode;
  params?: RefusalParams;
  /** The refused message's type, when it had a known one (a late `pick` need not alarm anyone). */
  type?: ClientMessageType;
}

/**
 * The server's clock (epoch ms), sent on join, on reconnect and at every phase change: clients
 * keep `now - Date.now()` and count the state's `deadline` down locally (shared/clock.ts).
 */
export interface ClockMessage {
  now: number;
}

/**
 * Sent to a player (never a spectator) when they get a seat, and again after a rejoin by it: the
 * token takes the seat back (join option `seat`) if the process restarts. Only its SHA-256 is kept.
 */
export interface SeatMessage {
  token: string;
}

/** Sent to a client that rejoined a room the server restored after a restart or crash. */
export interface RestoredMessage {
  reason: "restart";
}

/** Every message the server sends, by name. */
export interface ServerMessages {
  clock: ClockMessage;
  round: RoundMessage;
  reveal: RevealMessage;
  podium: PodiumMessage;
  pickCounts: PickCountsMessage;
  daily: DailyMessage;
  homework: HomeworkMessage;
  seat: SeatMessage;
  restored: RestoredMessage;
  error: ErrorMessage;
}

/** A valid client message: `type` narrows `message` to that type's payload. */
export type ParsedClientMessage = {
  [T in ClientMessageType]: { type: T; message: ClientMessage<T> };
}[ClientMessageType];

const isReasonCode = (s: string): s is ReasonCode => REASON_CODES.includes(s as ReasonCode);

/**
 * Validates a client message by name; a refusal says what is wrong as codes: `invalid-message`
 * with { reason: "unknown-type", name } or { reason: "bad-field" | "bad-payload", type, path, issue }
 * (`issue`: our own reason code for the first problem, else zod's issue code).
 */
export function parseClientMessage(
  type: unknown,
  payload: unknown,
): ({ ok: true } & ParsedClientMessage) | { ok: false; error: ErrorMessage } {
  if (typeof type !== "string" || !Object.hasOwn(clientMessages, type)) {
    return {
      ok: false,
      error: {
        code: "invalid-message",
        params: { reason: "unknown-type", name: JSON.stringify(String(type)).slice(0, 40) },
      },
    };
  }
  const known = type as ClientMessageType;
  const result = clientMessages[known].safeParse(payload ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    // An unknown field has no path of its own: its name is the problem's place.
    const path = issue.code === "unrecognized_keys" ? issue.keys.join(", ") : issue.path.map(String).join(".");
    const params: RefusalParams = {
      reason: path ? "bad-field" : "bad-payload",
      type: known,
      path,
      issue: isReasonCode(issue.message) ? issue.message : issue.code,
    };
    return { ok: false, error: { code: "invalid-message", params, type: known } };
  }
  // The schema picked by `known` produced `result.data`, so the pair matches (TS cannot follow that).
  return { ok: true, type: known, message: result.data } as { ok: true } & ParsedClientMessage;
}
