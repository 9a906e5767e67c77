// What the reveal teaches, in words (no DOM here, so tests can read it in Node):
// - the proof: the published opening hashes to the commitment sent at round start and generates
//   the B that was shown, so B was fixed before anyone picked (shared/round-proof.ts);
// - the two gaps of a level: training → validation (how much of A's noise the fit copied) and
//   validation → hidden (what A's own bumps, which B lacks, cost on B).
import type { RevealMessage, RoundMessage } from "../shared/protocol";
import { replayPath, type RoundOpening } from "../shared/round-key";
import { verifyOpening } from "../shared/round-proof";
import { verdictText } from "./i18n/verdict-text";
import { formatError } from "./view-model";
import { dailyDateOf, localTime } from "./daily-proof";
import { language, t } from "./i18n/i18n";

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

/** What a commitment is and what the page checks (the "how?" of the proof line). */
export const howCommitment = () => t("lesson.howCommitment");

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
    language(),
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
  const how = round
    ? `${howCommitment()} ${t("lesson.roundCommitment", { commitment: round.commitment })}`
    : howCommitment();
  if (!reveal.opening && reveal.openingAfter && until === "homework") {
    const text = t("lesson.pendingHomework", { when: localTime(reveal.openingAfter) });
    return { state: "pending", how, after: reveal.openingAfter, text };
  }
  if (!reveal.opening && reveal.openingAfter) {
    const date = dailyDateOf(reveal.openingAfter);
    return {
      state: "pending",
      how,
      after: reveal.openingAfter,
      date,
      text: t("lesson.pendingDay", { when: localTime(reveal.openingAfter), board: t("lesson.onTheLeaderboard") }),
    };
  }
  const fail = (reason: string, opening?: RoundOpening): Proof => ({
    state: "no",
    how,
    text: t("lesson.notVerified", { reason }),
    ...(opening && !opening.set ? { replay: replayPath(opening) } : {}),
  });
  if (!reveal.opening) return fail(t("lesson.failNotPublished"));
  if (!round || round.round !== reveal.round || !round.commitment)
    return fail(t("lesson.failNoCommitment"), reveal.opening);
  let verdict: ReturnType<typeof verifyOpening>;
  try {
    verdict = verifyOpening(round.commitment, reveal.opening, reveal.b);
  } catch (error) {
    return fail(t("lesson.failUncheckable", { reason: (error as Error).message }), reveal.opening);
  }
  if (!verdict.ok) return fail(verdictText(verdict.reason), reveal.opening);
  return {
    state: "yes",
    how,
    text: t("lesson.verified"),
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
    ? t("lesson.noiseHeadShort")
    : t("lesson.noiseHead", { train: formatError(train), validation: formatError(validation) });
  const gap = formatError(Math.abs(validation - train));
  const sentence = {
    tiny: "lesson.noiseTiny",
    negative: "lesson.noiseNegative",
    small: "lesson.noiseSmall",
    big: "lesson.noiseBig",
  }[size(train, validation)];
  return t(sentence, { head, gap });
}

/** Validation → hidden, in one sentence; `short` leaves the two errors out (and says less when B came out lower). */
export function bumpsSentence(validation: number, hidden: number, short = false): string {
  const head = short
    ? t("lesson.bumpsHeadShort")
    : t("lesson.bumpsHead", { validation: formatError(validation), hidden: formatError(hidden) });
  const gap = formatError(Math.abs(hidden - validation));
  const sentence = {
    tiny: "lesson.bumpsTiny",
    negative: short ? "lesson.bumpsNegativeShort" : "lesson.bumpsNegative",
    small: "lesson.bumpsSmall",
    big: "lesson.bumpsBig",
  }[size(validation, hidden)];
  return t(sentence, { head, gap });
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
      ? [row(best, "both", t("lesson.rowBoth", { label: pick.label, level: best }))]
      : [
          pick ? row(pick.level, "pick", t("lesson.rowPick", { label: pick.label, level: pick.level })) : undefined,
          row(best, "best", t("lesson.rowBest", { level: best })),
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
