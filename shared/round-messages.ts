// What a round looks like on the wire: the view before the reveal (A and the fits) and the
// reveal itself (B, the fits over B, everybody's results). Numbers are rounded for size only.
import type { LevelFit, HiddenFit } from "./round-ladder";
import type { ArmView, RevealMessage, RoundMessage, RoundResult } from "./protocol";
import { toPoints, type Round } from "./round";
import { shakeUp } from "./shake-up";

const round4 = (values: ArrayLike<number>) => Array.from(values, (v) => Math.round(v * 1e4) / 1e4);
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

function arm(spiral: { name: string; kind: string }, x: ArrayLike<number>, y: ArrayLike<number>): ArmView {
  return { name: spiral.name, kind: spiral.kind, x: round4(x), y: round4(y) };
}

export function roundMessage(roundNumber: number, round: Round, fits: LevelFit[]): RoundMessage {
  const { spiral, points, validation } = round.a;
  return {
    round: roundNumber,
    seed: round.seed,
    a: { ...arm(spiral, points.x, points.y), validation },
    cue: round.cue.text,
    fits: fits.map((f) => ({ level: f.level, trainError: round6(f.trainError), validationError: round6(f.validationError), x: round4(f.curve.x), y: round4(f.curve.y) })),
  };
}

export function revealMessage(roundNumber: number, round: Round, hidden: HiddenFit[], bestLevel: number, results: RoundResult[], fits: { validationError: number }[]): RevealMessage {
  const { spiral, points, rotation } = round.b;
  const maxLogr = Math.max(...points.logr);
  return {
    round: roundNumber,
    b: arm(spiral, points.x, points.y),
    overB: hidden.map((h) => {
      const over = toPoints(points.t, h.fit.map((v) => v + h.offset), round.turns, rotation, maxLogr);
      return { level: h.level, x: round4(over.x), y: round4(over.y) };
    }),
    hidden: hidden.map((h) => ({ level: h.level, error: h.error })),
    bestLevel,
    results,
    shakeUp: shakeUp(results.map((r) => ({ sessionId: r.sessionId, name: r.name, onA: fits[r.level - 1].validationError, onB: r.hiddenError }))),
  };
}
