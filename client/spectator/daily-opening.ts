// A finished day's daily round on /leaderboard: its published values (GET /api/daily/DATE/opening,
// out when the day is over) with the replay link, and the check of the B this browser was shown
// that day against them. No DOM, and no words: ./leaderboard-view words what is found.
import { dailyOpeningAfter } from "../../shared/daily";
import type { RoundOpening } from "../../shared/round-key";
import type { Problem } from "../../shared/problems";
import { verdictText } from "../i18n/verdict-text";
import { loadDailyProof } from "../daily-proof";

export type OpeningAnswer =
  | { status: "published"; opening: RoundOpening; commitment: string; replay: string }
  | { status: "later"; after: string }
  | { status: "failed"; problem: OpeningProblem };

/** Why a day's values cannot be had: no server, its refusal (a code), or just its HTTP status. */
export type OpeningProblem =
  { kind: "unreachable" } | { kind: "refused"; body: Problem } | { kind: "http"; status: number };

/** This browser's check of the day it played: ✓ with the B it was shown, or ✗ with the reason. */
export type OwnCheck = { ok: true; b: string } | { ok: false; reason: string };

async function fetchOpening(date: string): Promise<OpeningAnswer> {
  let res: Response;
  try {
    res = await fetch(`/api/daily/${encodeURIComponent(date)}/opening`, { headers: { accept: "application/json" } });
  } catch {
    return { status: "failed", problem: { kind: "unreachable" } };
  }
  const body = (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  if (res.status === 403 && typeof body?.after === "string") return { status: "later", after: body.after };
  const replay = body?.replay;
  if (
    res.ok &&
    body &&
    typeof replay === "string" &&
    replay.startsWith("/?replay=") &&
    typeof body.commitment === "string" &&
    body.opening
  ) {
    return { status: "published", opening: body.opening as RoundOpening, commitment: body.commitment, replay };
  }
  const problem: OpeningProblem =
    typeof body?.error === "string"
      ? { kind: "refused", body: body as unknown as Problem }
      : { kind: "http", status: res.status };
  return { status: "failed", problem };
}

/** The check of the B this browser was shown on `date` (the generator loads only for it). */
async function checkOwnDaily(date: string, opening: RoundOpening): Promise<OwnCheck | undefined> {
  const mine = loadDailyProof(date);
  if (!mine) return undefined;
  const failed = (reason: string): OwnCheck => ({ ok: false, reason });
  try {
    const { verifyOpening } = await import("../../shared/round-proof");
    const verdict = verifyOpening(mine.commitment, opening, mine.b);
    if (!verdict.ok) return failed(verdictText(verdict.reason));
    return { ok: true, b: mine.b.name };
  } catch (error) {
    return failed((error as Error).message);
  }
}

/** One page's answers and checks, asked once per day (a day not out yet: again when its time has come). */
export function dailyOpenings() {
  const answers = new Map<string, Promise<OpeningAnswer>>();
  const checks = new Map<string, Promise<OwnCheck | undefined>>();

  function answer(date: string): Promise<OpeningAnswer> {
    // A day still running (by this clock): no need to ask (the server would refuse it with a 403).
    const after = dailyOpeningAfter(date);
    if (Date.now() < Date.parse(after)) return Promise.resolve({ status: "later", after });
    let known = answers.get(date);
    if (!known) {
      known = fetchOpening(date);
      answers.set(date, known);
      void known.then((a) => {
        // Not out yet, or not reachable: ask again on a later refresh (when its time has come).
        if (a.status === "failed" || (a.status === "later" && Date.parse(a.after) <= Date.now())) answers.delete(date);
        else if (a.status === "later") {
          const wait = Math.min(Math.max(0, Date.parse(a.after) - Date.now()) + 1000, 2 ** 31 - 1);
          setTimeout(() => answers.delete(date), wait);
        }
      });
    }
    return known;
  }

  /** Checked again if this browser keeps another round for the day (it played it meanwhile). */
  function check(date: string, opening: RoundOpening): Promise<OwnCheck | undefined> {
    const key = `${date}:${loadDailyProof(date)?.commitment ?? ""}`;
    let known = checks.get(key);
    if (!known) checks.set(key, (known = checkOwnDaily(date, opening)));
    return known;
  }

  return { answer, check };
}
