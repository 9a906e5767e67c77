// What fixes a round, and how B is kept secret yet provably fixed.
//
// A round comes from two values: its `id`, which seeds A (and the model's starting weights), and
// `hidden`, 256 bits that seed B. A live room takes `hidden` from a server secret
// (server/round-secret.ts), so nothing a player holds before the reveal can rebuild B. At round
// start every client gets the *commitment*, a SHA-256 over everything that fixes B; at the reveal
// the server publishes the *opening* (the values themselves), and anyone can check that they hash
// to the commitment and that they generate the B that was shown (shared/round-proof.ts).
import { sha256 } from "@noble/hashes/sha256";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import { z } from "zod";
import { SPIRAL_KINDS, type SpiralKind } from "./catalog";
import { DIFFICULTIES } from "./protocol";
import type { Difficulty } from "./round";
import type { SetRoundSpec } from "./round-set";

export interface RoundKey {
  /** Public: seeds A and the model's starting weights. */
  id: string;
  /** Secret until the reveal: 64 hex digits that seed B. */
  hidden: string;
}

/** Everything that fixes a round: its key and the room settings the generator reads. */
export interface RoundOpening extends RoundKey {
  difficulty: Difficulty;
  /** The kinds of spirals the round was drawn from, in catalog order. */
  kinds: SpiralKind[];
  /**
   * A round from a teacher's set (shared/round-set.ts): A and B as the set gives them. It fixes B
   * as much as `hidden` does, so it stays on the server until the reveal and the commitment covers it.
   */
  set?: SetRoundSpec;
}

export const sha256Hex = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));

/**
 * A key whose B is public by design (solo practice, tests and tools): `hidden` follows from the
 * id. Live rooms never use one; their `hidden` comes from the server's secret.
 */
export function publicRoundKey(id: string | number): RoundKey {
  return { id: String(id), hidden: sha256Hex(`shell-and-galaxy public round\n${id}`) };
}

/** A solo practice round's opening: a public key, every kind, normal difficulty. */
export const practiceOpening = (seed: string | number): RoundOpening => ({
  ...publicRoundKey(seed),
  difficulty: "normal",
  kinds: [...SPIRAL_KINDS],
});

/** The kinds in catalog order (the order the generator filters by), so equal sets hash alike. */
export const canonicalKinds = (kinds: readonly string[]): SpiralKind[] => SPIRAL_KINDS.filter((k) => kinds.includes(k));

/** The commitment sent at round start: SHA-256 over everything that fixes B. */
export function commitmentOf(opening: RoundOpening): string {
  return sha256Hex(
    [
      "shell-and-galaxy round v1",
      opening.id,
      opening.hidden,
      opening.difficulty,
      canonicalKinds(opening.kinds).join(","),
      // Only a set's round has this line, so every catalog round's commitment stays as it was.
      ...(opening.set ? [`set ${sha256Hex(JSON.stringify(opening.set))}`] : []),
    ].join("\n"),
  );
}

export const roundOpeningSchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(80)
    .regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces"),
  hidden: z.string().regex(/^[0-9a-f]{64}$/, "64 lowercase hex digits"),
  difficulty: z.enum(DIFFICULTIES),
  kinds: z.array(z.enum(SPIRAL_KINDS)).min(1).max(SPIRAL_KINDS.length),
});

/** A replay link's value: `hidden~difficulty~kinds~id` (the id last: it may hold any printable character but `~`…). */
export function replayToken(opening: RoundOpening): string {
  return [opening.hidden, opening.difficulty, canonicalKinds(opening.kinds).join("+"), opening.id].join("~");
}

/** Reads a replay token back; undefined when it is not one. */
export function parseReplayToken(token: string): RoundOpening | undefined {
  const [hidden, difficulty, kinds, ...id] = token.split("~");
  const parsed = roundOpeningSchema.safeParse({ hidden, difficulty, kinds: kinds?.split("+") ?? [], id: id.join("~") });
  return parsed.success ? { ...parsed.data, kinds: canonicalKinds(parsed.data.kinds) } : undefined;
}

/** The page that replays a finished round: A, B, every level. */
export const replayPath = (opening: RoundOpening): string => `/?replay=${encodeURIComponent(replayToken(opening))}`;
