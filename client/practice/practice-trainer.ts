// Trains practice rounds in a Web Worker and turns them into the same round and reveal messages
// a match room sends, so the practice screens are the match screens.
import { CATALOG } from "../../shared/spirals";
import { generateRound } from "../../shared/round";
import type { HiddenFit, LevelFit } from "../../shared/round-ladder";
import { fromWire, roundMessage, revealMessage } from "../../shared/round-messages";
import { scoreRound } from "../../shared/match";
import type { RoundMessage } from "../../shared/protocol";
import { revealView, type RevealView } from "../../shared/reveal-view";

export interface PracticeJob { seed: string }
export type PracticeReply =
  | { seed: string; progress: number }
  | { seed: string; fits: LevelFit[]; hidden: HiddenFit[] }
  | { seed: string; error: string };

export interface PracticeRound {
  round: RoundMessage;
  /** Scores a pick and builds the reveal, as a room would at the end of tuning. */
  reveal(level: number, name: string): RevealView;
  /** Every level's hidden error, for "what would have been best". */
  hidden: { level: number; error: number }[];
}

let worker: Worker | undefined;

export function trainPracticeRound(seed: string, roundNumber: number, onProgress: (done: number) => void): Promise<PracticeRound> {
  worker ??= new Worker(new URL("./ladder-worker.ts", import.meta.url), { type: "module" });
  const w = worker;
  return new Promise((resolve, reject) => {
    w.onerror = (event) => reject(new Error(event.message || "the training worker failed to start"));
    w.onmessage = (event: MessageEvent<PracticeReply>) => {
      const reply = event.data;
      if (reply.seed !== seed) return;
      if ("progress" in reply) return onProgress(reply.progress);
      if ("error" in reply) return reject(new Error(`Training failed: ${reply.error}`));
      const round = generateRound(CATALOG, seed);
      const message = fromWire(roundMessage(roundNumber, round, reply.fits));
      resolve({
        round: message,
        hidden: reply.hidden.map((h) => ({ level: h.level, error: h.error })),
        reveal(level, name) {
          const { bestLevel, results } = scoreRound(reply.hidden, [{ sessionId: "practice", name, level }]);
          return revealView(fromWire(revealMessage(roundNumber, round, reply.hidden, bestLevel, message.fits)), results);
        },
      });
    };
    w.postMessage({ seed } satisfies PracticeJob);
  });
}
