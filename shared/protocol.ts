// The message protocol between the game client and a match room: names, payloads and the zod
// schemas the server validates every message with. Documented in docs/protocol.md.
import { z } from "zod";
import { MAX_LEVEL, MIN_LEVEL } from "./ladder-levels";

export const MATCH_ROOM = "match";

export const PHASES = ["lobby", "training", "tuning", "reveal", "podium"] as const;
export type Phase = (typeof PHASES)[number];

export const MAX_PLAYERS = 60;
export const MAX_SPECTATORS = 100;
export const ROUNDS = { min: 1, max: 20, default: 5 } as const;
export const TUNING_SECONDS = { min: 10, max: 180, default: 45 } as const;
export const NAME_MAX_LENGTH = 20;

/** Trimmed, 1–20 visible characters, no control characters. */
export const nameSchema = z
  .string()
  .max(200)
  .transform((s) => s.trim().replace(/\s+/g, " "))
  .refine((s) => !/[\p{Cc}\p{Cf}]/u.test(s), "a name cannot contain control characters")
  .refine((s) => [...s].length >= 1, "a name needs at least one character")
  .refine((s) => [...s].length <= NAME_MAX_LENGTH, `a name has at most ${NAME_MAX_LENGTH} characters`);

/** Options a client passes when it creates or joins a room. */
export const joinOptionsSchema = z.strictObject({
  name: nameSchema,
  spectator: z.boolean().optional(),
});
export type JoinOptions = z.input<typeof joinOptionsSchema>;

const empty = z.strictObject({});
const whole = (min: number, max: number) => z.number().int().min(min).max(max);

/** Every message a client may send, by name. */
export const clientMessages = {
  /** Host, lobby only: match settings. */
  settings: z.strictObject({
    rounds: whole(ROUNDS.min, ROUNDS.max).optional(),
    tuningSeconds: whole(TUNING_SECONDS.min, TUNING_SECONDS.max).optional(),
  }),
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

/** WebSocket close codes the client explains: Colyseus's shutdown code, and ours for flooding. */
export const CLOSE_SERVER_SHUTDOWN = 4001;
export const CLOSE_FLOODING = 4429;

export type ErrorCode = "invalid-message" | "not-allowed" | "wrong-phase" | "rate-limited" | "server-error" | "server-shutdown";

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
  seed: string;
  a: ArmView & { validation: number[] };
  cue: string;
  fits: LevelView[];
}

export interface RoundResult {
  sessionId: string;
  name: string;
  level: number;
  hiddenError: number;
  points: number;
  /** The scoring sum, e.g. "1000 × (0.041 / 0.052)² = 622". */
  arithmetic: string;
}

/** Sent at the reveal: B, the hidden error of every level, and everybody's pick and points. */
export interface RevealMessage {
  round: number;
  b: ArmView;
  /** The fit of each level laid over B (B's frame, after the scoring's shift). */
  overB: { level: number; x: number[]; y: number[] }[];
  hidden: { level: number; error: number }[];
  bestLevel: number;
  results: RoundResult[];
}

export interface ErrorMessage {
  code: ErrorCode;
  message: string;
  /** The refused message's type, when it had a known one (a late `pick` need not alarm anyone). */
  type?: ClientMessageType;
}

/** Every message the server sends, by name. */
export interface ServerMessages {
  round: RoundMessage;
  reveal: RevealMessage;
  error: ErrorMessage;
}

/** Validates a client message by name; the error text says what is wrong, for the player. */
export function parseClientMessage(type: unknown, payload: unknown):
  | { ok: true; type: ClientMessageType; message: ClientMessage<ClientMessageType> }
  | { ok: false; error: ErrorMessage } {
  if (typeof type !== "string" || !Object.hasOwn(clientMessages, type)) {
    return { ok: false, error: { code: "invalid-message", message: `Unknown message type ${JSON.stringify(String(type)).slice(0, 40)}.` } };
  }
  const result = clientMessages[type as ClientMessageType].safeParse(payload ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue.path.length ? ` (${issue.path.join(".")})` : "";
    return { ok: false, error: { code: "invalid-message", message: `Bad "${type}" message${where}: ${issue.message}` } };
  }
  return { ok: true, type: type as ClientMessageType, message: result.data };
}
