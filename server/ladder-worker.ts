// A worker thread that trains round ladders, so a room's timers never wait for training.
// It regenerates the round from what fixes it (cheap and deterministic) instead of receiving it.
import { parentPort } from "node:worker_threads";
import { loadTf } from "./tf";
import { roundOf } from "../shared/round-proof";
import type { RoundOpening } from "../shared/round-key";
import { fitRound } from "../shared/round-ladder";

export interface LadderJob {
  id: number;
  opening: RoundOpening;
}
export type LadderReply =
  | { id: number; progress: number }
  | { id: number; result: ReturnType<typeof fitRound> }
  | { id: number; error: string };

const port = parentPort!;
port.on("message", async (job: LadderJob | "warm-up") => {
  const tf = await loadTf();
  if (job === "warm-up") return port.postMessage("warm");
  try {
    const round = roundOf(job.opening);
    const result = fitRound(tf, round, (progress) => port.postMessage({ id: job.id, progress } satisfies LadderReply));
    port.postMessage({ id: job.id, result } satisfies LadderReply);
  } catch (e) {
    port.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) } satisfies LadderReply);
  }
});
