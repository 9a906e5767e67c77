// A Web Worker that trains a practice round's ladder with the same shared code and wasm backend
// as the server, so the page never freezes and the fits equal the server's for the same round.
import { loadTf, WASM_UNAVAILABLE } from "../tf-browser";
import { roundOf } from "../../shared/round-proof";
import { fitRound } from "../../shared/round-ladder";
import type { PracticeReply, PracticeJob } from "./practice-trainer";

self.onmessage = async (event: MessageEvent<PracticeJob>) => {
  const { job, opening } = event.data;
  const post = (reply: PracticeReply) => self.postMessage(reply);
  try {
    const tf = await loadTf();
    const round = roundOf(opening);
    const { fits, hidden } = fitRound(tf, round, (done) => post({ job, progress: done }));
    post({ job, fits, hidden: hidden! });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // The page words a backend that will not start itself (this worker has no messages).
    post({
      job,
      error: message,
      ...(error instanceof Error && error.name === WASM_UNAVAILABLE ? { unavailable: true } : {}),
    });
  }
};
