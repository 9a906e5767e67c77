// Room codes: 5 characters from an alphabet without look-alikes (no 0/O, 1/I/L), typed in any case.
import type { Random } from "./random";

export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const CODE_LENGTH = 5;

export function newRoomCode(random: Random): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += random.pick([...CODE_ALPHABET]);
  return code;
}

/** The code as typed (any case, spaces, a pasted link) → the canonical code, or null. */
export function normalizeRoomCode(input: string): string | null {
  const fromLink = /[?&]room=([^&#\s]*)/i.exec(input)?.[1] ?? input;
  const code = fromLink.replace(/[\s-]/g, "").toUpperCase();
  if (code.length !== CODE_LENGTH) return null;
  return [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
}
