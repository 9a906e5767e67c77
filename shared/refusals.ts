// What the game server says no with: a code and its parameters, never a sentence. A refused
// create or join (a Colyseus ServerError, its numeric code unchanged) carries a Refusal as its
// message, JSON-encoded (refusalMessage; the client reads it back with parseRefusal); an in-room
// `error` message (shared/protocol.ts ErrorMessage) and a close reason carry the same shapes. The
// client words each one in the reader's language (client/i18n/refusal-text.ts,
// client/locales/<lang>/errors.json, keyed by the code). A `reason` parameter is itself a code,
// worded first and put into its parent's sentence.

/** Every code a refused create or join may carry (besides the in-room ErrorCode ones it shares). */
export const REFUSAL_CODES = [
  // Creating a room
  "restore-by-server-only",
  "set-needs-match-room",
  "set-needs-teacher-key",
  "set-id-invalid",
  "set-not-found",
  "sets-store-failed",
  "teacher-key-malformed",
  "teacher-key-unknown",
  "teacher-key-revoked",
  "teacher-keys-store-failed",
  // Joining a room
  "join-invalid",
  "name-refused",
  "removed-by-host",
  "solo-room",
  "homework-other-student",
  "room-locked",
  "room-full",
  "match-finished",
  "spectator-no-seat",
  "seat-gone",
  // A homework room
  "homework-not-found",
  "homework-closed",
  "homework-store-failed",
  "no-device-id",
  // The address limits on matchmaking (HTTP 429, read by the SDK like any refusal)
  "too-many-rooms",
  "too-many-failed-joins",
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** Close reasons (a Refusal as JSON, like a ServerError's message) of the sockets the server closes. */
export const CLOSE_REASON_CODES = [
  /** CLOSE_NO_SEAT: a reconnection whose seat a join with its seat token took meanwhile. */
  "seat-taken-back",
  /** CLOSE_REPLACED: the stale socket of a seat a newer connection took back. */
  "seat-replaced",
  /** CLOSE_FLOODING */
  "flooding",
  /** CLOSE_KICKED: params { room } */
  "kicked",
] as const;
export type CloseReasonCode = (typeof CLOSE_REASON_CODES)[number];

/**
 * Codes that only appear as a `reason` parameter, worded inside their parent's sentence
 * (`name-refused`, `join-invalid`, `invalid-message`, `not-allowed`, `server-error`).
 */
export const REASON_CODES = [
  // Why a name is refused (nameSchema's issues, the name filter, a generated-names-only room)
  "name-empty",
  "name-too-long",
  "name-control-characters",
  "name-not-allowed",
  "name-not-allowed-rename",
  "name-generated-only",
  // Why the join options are not valid (joinOptionsSchema's issues other than the name's)
  "set-id-format",
  "seat-token-format",
  "option-invalid",
  // Why a message is not valid
  "unknown-type",
  "bad-payload",
  "bad-field",
  "kinds-repeated",
  "no-such-player",
  "nobody-with-id",
  // Why a message is not allowed
  "host-only",
  "not-in-round",
  "already-locked",
  "no-host-controls",
  "kick-self",
  // Why the server failed
  "training-failed",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** Why a name cannot be used: nameSchema's issue messages and the name filter's verdicts. */
export const NAME_REASONS = [
  "name-empty",
  "name-too-long",
  "name-control-characters",
  "name-not-allowed",
  "name-generated-only",
] as const satisfies readonly ReasonCode[];
export type NameReason = (typeof NAME_REASONS)[number];

/** What a parameter may be: a fact, never a sentence. */
export type RefusalParams = Record<string, string | number>;

/** An object's facts: its string and number entries (anything else is dropped). */
export function factsOf(values: object): RefusalParams {
  const facts: RefusalParams = {};
  for (const [k, v] of Object.entries(values)) if (typeof v === "string" || typeof v === "number") facts[k] = v;
  return facts;
}

export interface Refusal {
  code: RefusalCode | CloseReasonCode;
  params?: RefusalParams;
}

/** A refusal as a Colyseus ServerError's message (the SDK hands the client this string). */
export const refusalMessage = (r: Refusal): string => JSON.stringify(r.params ? r : { code: r.code });

/** A refusal read back from a ServerError's (or a close reason's) message; undefined when it is not one. */
export function parseRefusal(message: string): Refusal | undefined {
  if (typeof message !== "string" || !message.startsWith("{")) return undefined;
  try {
    const value: unknown = JSON.parse(message);
    if (!value || typeof value !== "object") return undefined;
    const { code, params } = value as { code?: unknown; params?: unknown };
    if (typeof code !== "string" || !/^[a-z][a-z0-9-]*$/.test(code)) return undefined;
    if (params === undefined) return { code: code as Refusal["code"] };
    if (!params || typeof params !== "object" || Array.isArray(params)) return undefined;
    return { code: code as Refusal["code"], params: factsOf(params) };
  } catch {
    return undefined;
  }
}

const isNameReason = (s: unknown): s is NameReason => NAME_REASONS.includes(s as NameReason);

/**
 * A zod issue of nameSchema (the server's check and the client's own) as a name reason with its
 * parameters: `{ code: "name-too-long", params: { max: 20 } }`. Any other issue reads as "name-empty".
 */
export function nameReasonOf(
  issue: { message?: string; params?: unknown },
  max: number,
): {
  code: NameReason;
  params: RefusalParams;
} {
  const code = isNameReason(issue.message) ? issue.message : "name-empty";
  return { code, params: code === "name-too-long" ? { max } : {} };
}

/**
 * The refusal of a name at a join or create: `{ code: "name-refused", params: { reason, action:
 * "join", ...its params } }` (a host's rename is refused with `action: "rename"`).
 */
export const nameRefused = (reason: NameReason, params: RefusalParams = {}): Refusal => ({
  code: "name-refused",
  params: { reason, action: "join", ...params },
});
