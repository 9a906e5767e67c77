// Reveal: B with your fit laid over it, your hidden error and points (with the arithmetic), the
// U-curve with everybody's picks, and the host's Next. The reveal is a moment: B fades in, the
// fit slides over it, the gaps light up, then the points count up (a sound for each; none of the
// motion with prefers-reduced-motion), and the result is announced in the live region.
// Below the points: the two gaps of your level and of the best one (training → validation →
// hidden), and the proof that B was fixed at round start, with a link that replays the round.
import { byId, h, setText, show } from "../dom";
import type { RoundMessage } from "../../shared/protocol";
import type { RevealView } from "../../shared/reveal-view";
import type { MatchState } from "../../server/state";
import { send, type MatchRoom } from "../net";
import { COLOURS } from "../scene/spiral-scene";
import { formatError, formatSeconds, num } from "../view-model";
import { spiralView, uCurveView } from "./stage";
import { currentLevel } from "./tuning";
import { announce, countUp, finishCountUp, sound } from "../feel";
import { gapRows, proofOf } from "../reveal-lesson";
import { renderGaps, renderProof } from "./proof";

export interface RevealExtra {
  /** The round message of the same round: its commitment and its training errors. */
  round?: RoundMessage;
  /** Solo practice: no proof line (its B is public by design; its bar links the round). */
  practice?: boolean;
}

let room: MatchRoom | undefined;
/** The reveal on screen (round and B), so a new match's round 1 is never mistaken for the old one. */
let shownKey = "";

export function initReveal(): void {
  byId("next-round").addEventListener("click", () => {
    if (room) send(room, "next", {});
  });
}

export function renderReveal(r: MatchRoom, state: MatchState, msg: RevealView | undefined, me: string, isHost: boolean, extra: RevealExtra = {}): void {
  room = r;
  const last = state.round >= state.rounds;
  setText(byId("round-label"), `Round ${state.round} of ${state.rounds} · revealed`);
  setText(byId("timer"), `${last ? "Podium" : "Next round"} in ${formatSeconds(num(state.secondsLeft))}`);
  byId("timer").classList.remove("urgent");
  show(byId("next-round"), isHost);
  setText(byId("next-round"), last ? "To the podium" : "Next round now");
  const round = msg && extra.round?.round === msg.round ? extra.round : undefined;
  const key = msg ? `${msg.round}:${msg.b.name}:${msg.bestLevel}:${msg.results.map((x) => x.sessionId + x.points).join()}:${round?.commitment ?? ""}` : "";
  if (!msg || key === shownKey) return;
  shownKey = key;
  const burst = byId("points-burst");
  finishCountUp(burst);

  const mine = msg.results.find((x) => x.sessionId === me);
  const level = mine?.level ?? currentLevel();
  const hidden = msg.hidden.find((x) => x.level === level);
  const best = msg.hidden.find((x) => x.level === msg.bestLevel);
  const over = msg.overB.find((x) => x.level === level);

  setText(byId("cue"), `B was ${msg.b.name} (${msg.b.kind}).`);
  setText(byId("reveal-title"), `The best level this round was ${msg.bestLevel}` + (best ? ` (hidden error ${formatError(best.error)}).` : "."));
  const result = byId("my-result");
  if (mine) {
    result.replaceChildren(
      `You picked level ${mine.level}: hidden error ${formatError(mine.hiddenError)} → `,
      h("strong", { text: `${mine.points} points` }),
    );
    setText(byId("arithmetic"), `Points = 1000 × (best hidden error ÷ yours)², rounded${mine.speedBonus ? ", plus the speed bonus" : ""}: ${mine.arithmetic}`);
    const bonus = mine.speedBonus ?? 0;
    setText(byId("speed-bonus-line"), bonus > 0 ? `Includes a speed bonus of +${bonus} for locking in early.` : "");
    show(byId("speed-bonus-line"), bonus > 0);
  } else {
    show(byId("speed-bonus-line"), false);
    result.replaceChildren(`You watched this round. Level ${level} (the one on your slider) has hidden error ${hidden ? formatError(hidden.error) : "–"}.`);
    setText(byId("arithmetic"), "Players score 1000 × (best hidden error ÷ theirs)², rounded.");
  }
  show(byId("arithmetic-box"), true);
  renderGaps(byId("reveal-gaps"), gapRows(round, msg, mine ? { level: mine.level, label: "Your level" } : undefined));
  const proofBox = byId("reveal-proof");
  show(proofBox, !extra.practice);
  if (!extra.practice) renderProof(proofBox, proofOf(round, msg), { newTab: true });

  announce(`Reveal: B was ${msg.b.name}. ` + (mine
    ? `You picked level ${mine.level}: ${mine.points} points (hidden error ${formatError(mine.hiddenError)}). `
    : "") + `The best level was ${msg.bestLevel}.`);
  sound("reveal");
  show(burst, Boolean(mine));
  burst.textContent = "";
  spiralView().reveal({ points: msg.b, colour: COLOURS.b, curve: over, gaps: true }, () => {
    if (!mine || shownKey !== key) return;
    countUp(burst, mine.points, (n) => `+${n}`, 900, () => { if (mine.points > 0) sound("points"); });
  });
  uCurveView().show({
    hidden: msg.hidden,
    bestLevel: msg.bestLevel,
    picks: msg.results.map((x) => ({ level: x.level, mine: x.sessionId === me })),
  });
}
