// Trains practice rounds in a Web Worker and turns them into the same round and reveal messages
// a match room sends, so the practice screens are the match screens.
import { roundOf } from "../../shared/round-proof";
import type { RoundOpening } from "../../shared/round-key";
import type { HiddenFit, LevelFit } from "../../shared/round-ladder";
import { fromWire, roundMessage, revealMessage } from "../../shared/round-messages";
import { scoreRound } from "../../shared/match";
import type { RoundMessage } from "../../shared/protocol";
import { revealView, type RevealView } from "../../shared/reveal-view";
import { t } from "../i18n/i18n";

/** A job names its round by the opening's id and hidden part (`job`), so late replies are recognised. */
export interface PracticeJob {
  job: string;
  opening: RoundOpening;
}
export type PracticeReply =
  | { job: string; progress: number }
  | { job: string; fits: LevelFit[]; hidden: HiddenFit[] }
  /** `unavailable`: the wasm backend would not start (the page says so in its own words). */
  | { job: string; error: string; unavailable?: boolean };

export interface PracticeRound {
  round: RoundMessage;
  /** Scores a pick and builds the reveal, as a room would at the end of tuning. */
  reveal(level: number, name: string): RevealView;
  /** Every level's hidden error, for "what would have been best". */
  hidden: { level: number; error: number }[];
}

let worker: Worker | undefined;

/** Trains the round an opening fixes (a practice seed's public key, or a finished round's published opening). */
export function trainPracticeRound(
  opening: RoundOpening,
  roundNumber: number,
  onProgress: (done: number) => void,
): Promise<PracticeRound> {
  worker ??= new Worker(new URL("./ladder-worker.ts", import.meta.url), { type: "module" });
  const w = worker;
  const job = `${opening.id}:${opening.hidden}`;
  return new Promise((resolve, reject) => {
    w.onerror = (event) => reject(new Error(event.message || t("practice.workerFailed")));
    w.onmessage = (event: MessageEvent<PracticeReply>) => {
      const reply = event.data;
      if (reply.job !== job) return;
      if ("progress" in reply) return onProgress(reply.progress);
      if ("error" in reply) {
        const reason = reply.unavailable ? t("practice.wasmUnavailable") : reply.error;
        return reject(new Error(t("practice.trainingFailed", { reason })));
      }
      const round = roundOf(opening);
      const message = fromWire(roundMessage(roundNumber, round, reply.fits, opening));
      resolve({
        round: message,
        hidden: reply.hidden.map((h) => ({ level: h.level, error: h.error })),
        reveal(level, name) {
          const { bestLevel, results } = scoreRound(reply.hidden, [{ sessionId: "practice", name, level }]);
          return revealView(
            fromWire(revealMessage(roundNumber, round, reply.hidden, bestLevel, message.fits, opening)),
            results,
          );
        },
      });
    };
    w.postMessage({ job, opening } satisfies PracticeJob);
  });
}
