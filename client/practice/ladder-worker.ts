// A Web Worker that trains a practice round's ladder with the same shared code and wasm backend
// as the server, so the page never freezes and the fits equal the server's for the seed.
import { loadTf } from "../tf-browser";
import { CATALOG } from "../../shared/spirals";
import { generateRound } from "../../shared/round";
import { fitRound } from "../../shared/round-ladder";
import type { PracticeReply, PracticeJob } from "./practice-trainer";

self.onmessage = async (event: MessageEvent<PracticeJob>) => {
  const { seed } = event.data;
  const post = (reply: PracticeReply) => self.postMessage(reply);
  try {
    const tf = await loadTf();
    const round = generateRound(CATALOG, seed);
    const { fits, hidden } = fitRound(tf, round, (done) => post({ seed, progress: done }));
    post({ seed, fits, hidden: hidden! });
  } catch (error) {
    post({ seed, error: error instanceof Error ? error.message : String(error) });
  }
};
