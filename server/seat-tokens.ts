// Seat tokens: what takes a player's seat back after the process that held the room restarted
// (the SDK's own reconnection token dies with the process). The player gets the token once, in the
// `seat` message; the server keeps only its SHA-256, in memory and in checkpoints.
import { createHash, randomBytes } from "node:crypto";

/** A fresh token: 18 random bytes, 24 base64url characters (SEAT_TOKEN_PATTERN). */
export const newSeatToken = (): string => randomBytes(18).toString("base64url");

/** What is kept of a token (and of a device id): its SHA-256, hex. */
export const sha256Of = (text: string): string => createHash("sha256").update(text).digest("hex");
