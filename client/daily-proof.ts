// The daily challenge's proof waits for the end of its day: at the reveal this browser keeps the
// commitment it got at round start and the B it was shown (localStorage, one entry per day, the
// last 14 days), and the leaderboard checks them against the day's opening once it is published.
import type { RevealMessage, RoundMessage } from "../shared/protocol";
import { readStoredJson, storedKeys, writeStored, writeStoredJson } from "./storage";
import { formatDate } from "./i18n/i18n";

const PREFIX = "daily-proof:";
const KEEP_DAYS = 14;

/** A moment in the reader's own time zone, in the page's language, e.g. "Jun 4, 2025, 2:05 AM". */
export function localTime(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  return formatDate(t, { dateStyle: "medium", timeStyle: "short" });
}

/** The UTC day whose daily round's opening is published at `after` (the day before: 24 h and a grace earlier). */
export function dailyDateOf(after: string): string | undefined {
  const t = Date.parse(after);
  return Number.isNaN(t) ? undefined : new Date(t - 24 * 3600 * 1000).toISOString().slice(0, 10);
}

export interface DailyProof {
  date: string;
  commitment: string;
  /** B as shown (drawing coordinates, after fromWire). */
  b: { name: string; x: number[]; y: number[] };
}

/** Keeps the daily round's commitment and B (both already fromWire'd). */
export function saveDailyProof(
  round: Pick<RoundMessage, "commitment">,
  reveal: Pick<RevealMessage, "b" | "openingAfter">,
): void {
  const date = reveal.openingAfter ? dailyDateOf(reveal.openingAfter) : undefined;
  if (!date || !round.commitment) return;
  const b = { name: reveal.b.name, x: reveal.b.x, y: reveal.b.y };
  const proof: DailyProof = { date, commitment: round.commitment, b };
  writeStoredJson(PREFIX + date, proof); // storage blocked or full: the leaderboard has nothing of ours to check
  // Forget old days (a day's entry is a few kilobytes).
  const oldest = new Date(Date.parse(`${date}T00:00:00Z`) - KEEP_DAYS * 86_400_000).toISOString().slice(0, 10);
  for (const key of storedKeys(PREFIX)) if (key.slice(PREFIX.length) < oldest) writeStored(key, undefined);
}

/** What this browser kept of the day's daily round, if it played it. */
export function loadDailyProof(date: string): DailyProof | undefined {
  const proof = readStoredJson<DailyProof>(PREFIX + date);
  const ok =
    proof &&
    proof.date === date &&
    typeof proof.commitment === "string" &&
    typeof proof.b?.name === "string" &&
    Array.isArray(proof.b.x) &&
    Array.isArray(proof.b.y);
  return ok ? proof : undefined;
}
