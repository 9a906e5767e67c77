// What the reveal teaches, in words (no DOM here, so tests can read it in Node):
// - the proof: the published opening hashes to the commitment sent at round start and generates
//   the B that was shown, so B was fixed before anyone picked (shared/round-proof.ts);
// - the two gaps of a level: training → validation (how much of A's noise the fit copied) and
//   validation → hidden (what A's own bumps, which B lacks, cost on B).
import type { RevealMessage, RoundMessage } from "../shared/protocol";
import { replayPath, type RoundOpening } from "../shared/round-key";
import { verifyOpening } from "../shared/round-proof";
import { formatError } from "./view-model";
import { dailyDateOf, localTime } from "./daily-proof";

// --- The proof -------------------------------------------------------------------------------

export type ProofState = "yes" | "no" | "pending";

export interface Proof {
  state: ProofState;
  /** The line to show ("✓ Verified: …", "✗ Could not verify: …", or when the daily's values come). */
  text: string;
  /** What a commitment is and what was checked, for the "how?". */
  how: string;
  /** The replay page of the round (when its opening is out). */
  replay?: string;
  /** Pending (the daily): when the opening is published, and the day's leaderboard that shows it. */
  after?: string;
  date?: string;
}

/** The commitment's first 12 hex digits, as the screens show it. */
export const shortCommitment = (commitment: string) => `${commitment.slice(0, 12)}…`;

export const HOW_COMMITMENT =
  "At round start, before anyone could pick, every player's page received a commitment: a SHA-256 fingerprint of the secret values that fix B. " +
  "At the reveal the server published those values. This page hashed them and got the same fingerprint, then generated B from them and got the very B it was shown, point for point. " +
  "A server that changed B after seeing the picks could not pass both checks.";

const cache = new Map<string, Proof>();

/** What a withheld opening waits for: the end of the daily's day, or the homework's deadline. */
export type WithheldUntil = "day" | "homework";

/**
 * Checks a reveal against its round's commitment. `round` is the round message of the same round
 * (undefined when this page never got it); `reveal` is after `fromWire`.
 */
export function proofOf(
  round: Pick<RoundMessage, "round" | "commitment"> | undefined,
  reveal: Pick<RevealMessage, "round" | "b" | "opening" | "openingAfter">,
  until: WithheldUntil = "day",
): Proof {
  const key = JSON.stringify([
    round?.round,
    round?.commitment,
    reveal.round,
    reveal.b.name,
    reveal.opening,
    reveal.openingAfter,
    reveal.b.x.length,
    until,
  ]);
  const known = cache.get(key);
  if (known) return known;
  const proof = check(round, reveal, until);
  if (cache.size > 20) cache.clear();
  cache.set(key, proof);
  return proof;
}

function check(
  round: Pick<RoundMessage, "round" | "commitment"> | undefined,
  reveal: Pick<RevealMessage, "round" | "b" | "opening" | "openingAfter">,
  until: WithheldUntil,
): Proof {
  const how = round ? `${HOW_COMMITMENT} This round's commitment: ${round.commitment}.` : HOW_COMMITMENT;
  if (!reveal.opening && reveal.openingAfter && until === "homework") {
    const when = localTime(reveal.openingAfter);
    const text = `B's values are published when the homework closes (${when}): its page then links each round's replay.`;
    return { state: "pending", how, after: reveal.openingAfter, text };
  }
  if (!reveal.opening && reveal.openingAfter) {
    const date = dailyDateOf(reveal.openingAfter);
    return {
      state: "pending",
      how,
      after: reveal.openingAfter,
      date,
      text: `B's values are published when the day ends (${localTime(reveal.openingAfter)}) — check it then on the leaderboard.`,
    };
  }
  const fail = (reason: string, opening?: RoundOpening): Proof => ({
    state: "no",
    how,
    text: `✗ Could not verify: ${reason}.`,
    ...(opening && !opening.set ? { replay: replayPath(opening) } : {}),
  });
  if (!reveal.opening) return fail("the server did not publish the values that fixed B");
  if (!round || round.round !== reveal.round || !round.commitment)
    return fail("this page did not receive the round's commitment at its start", reveal.opening);
  let verdict: ReturnType<typeof verifyOpening>;
  try {
    verdict = verifyOpening(round.commitment, reveal.opening, reveal.b);
  } catch (error) {
    return fail(`the published values could not be checked (${(error as Error).message})`, reveal.opening);
  }
  if (!verdict.ok) return fail(verdict.reason, reveal.opening);
  return {
    state: "yes",
    how,
    text: "✓ Verified: B was fixed before anyone picked",
    // A round from a teacher's set has no replay link: its spirals are not in the catalog.
    ...(reveal.opening.set ? {} : { replay: replayPath(reveal.opening) }),
  };
}

// --- The two gaps ----------------------------------------------------------------------------

export interface GapRow {
  level: number;
  /** "pick": the player's level (or the class's most common one); "best": the best level; "both": they are the same. */
  kind: "pick" | "best" | "both";
  /** "Your level 9", "Best level 5", "Your level 5 — the best level". */
  title: string;
  train?: number;
  validation: number;
  hidden: number;
  /** Training → validation: how much of A's noise the fit copied. Absent without the training error. */
  noise?: string;
  /** Validation → hidden: what A's own bumps, which B lacks, cost on B. */
  bumps: string;
}

/** How big a gap is beside the errors it joins: tiny (about nothing), small, or real; and its sign. */
function size(from: number, to: number): "tiny" | "small" | "big" | "negative" {
  const gap = to - from;
  const scale = Math.max(Math.abs(from), Math.abs(to), 1e-9);
  if (Math.abs(gap) <= 0.05 * scale || Math.abs(gap) < 0.00005) return "tiny";
  if (gap < 0) return "negative";
  return gap <= 0.2 * scale ? "small" : "big";
}

/** Training → validation, in one sentence; `short` leaves the two errors out (a picture beside it shows them). */
export function noiseSentence(train: number, validation: number, short = false): string {
  const head = short
    ? "Training → validation"
    : `Training ${formatError(train)} → validation ${formatError(validation)}`;
  const gap = formatError(Math.abs(validation - train));
  switch (size(train, validation)) {
    case "tiny":
      return `${head}: almost no gap — it did not copy A's noise.`;
    case "negative":
      return `${head}: validation is even lower (by ${gap}) — no sign it copied A's noise.`;
    case "small":
      return `${head}: it copied a little of A's noise (gap ${gap}).`;
    case "big":
      return `${head}: it copied A's noise (gap ${gap}).`;
  }
}

/** Validation → hidden, in one sentence; `short` leaves the two errors out (and says less when B came out lower). */
export function bumpsSentence(validation: number, hidden: number, short = false): string {
  const head = short ? "Validation → hidden" : `Validation ${formatError(validation)} → hidden ${formatError(hidden)}`;
  const gap = formatError(Math.abs(hidden - validation));
  switch (size(validation, hidden)) {
    case "tiny":
      return `${head}: almost no gap — what it learned from A held on B.`;
    case "negative":
      return `${head}: B came out ${gap} lower — B has none of A's noise${short ? "" : ", which outweighed what A's own bumps cost"}.`;
    case "small":
      return `${head}: A's own bumps, which B lacks, cost a little more (${gap}).`;
    case "big":
      return `${head}: A's own bumps, which B lacks, cost another ${gap}.`;
  }
}

/**
 * The gaps of the picked level and of the best level (one row when they are the same).
 * `pick`: the level and how to name it ("Your level", "Most picked: level"); none for a watcher.
 * `short`: sentences without the errors' values (the projector shows them in bars beside).
 */
export function gapRows(
  round: Pick<RoundMessage, "fits"> | undefined,
  reveal: Pick<RevealMessage, "hidden" | "bestLevel">,
  pick?: { level: number; label: string },
  short = false,
): GapRow[] {
  const row = (level: number, kind: GapRow["kind"], title: string): GapRow | undefined => {
    const hidden = reveal.hidden.find((x) => x.level === level);
    if (!hidden) return undefined;
    const fit = round?.fits.find((f) => f.level === level);
    const validation = fit?.validationError ?? hidden.validationError;
    return {
      level,
      kind,
      title,
      validation,
      hidden: hidden.error,
      ...(fit ? { train: fit.trainError, noise: noiseSentence(fit.trainError, validation, short) } : {}),
      bumps: bumpsSentence(validation, hidden.error, short),
    };
  };
  const best = reveal.bestLevel;
  const rows =
    pick && pick.level === best
      ? [row(best, "both", `${pick.label} ${best} — the best level`)]
      : [
          pick ? row(pick.level, "pick", `${pick.label} ${pick.level}`) : undefined,
          row(best, "best", `Best level ${best}`),
        ];
  return rows.filter((r): r is GapRow => Boolean(r));
}

/** The most common pick among the results (the lower level on a tie), with its count. */
export function mostPicked(levels: number[]): { level: number; count: number } | undefined {
  const counts = new Map<number, number>();
  for (const l of levels) counts.set(l, (counts.get(l) ?? 0) + 1);
  let top: { level: number; count: number } | undefined;
  for (const [level, count] of counts)
    if (!top || count > top.count || (count === top.count && level < top.level)) top = { level, count };
  return top;
}
