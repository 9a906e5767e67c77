// Training: the round's ladder trains on the server; a progress bar from trainingProgress.
import { byId, setText } from "../dom";
import { num } from "../view-model";
import type { MatchState } from "../../server/state";

export function renderTraining(state: MatchState): void {
  const pct = Math.max(0, Math.min(100, num(state.trainingProgress)));
  setText(byId("training-title"), `Round ${state.round} of ${state.rounds}: training the model… ${pct}%`);
  byId("training-fill").style.width = `${pct}%`;
  byId("training-bar").setAttribute("aria-valuenow", String(pct));
}
