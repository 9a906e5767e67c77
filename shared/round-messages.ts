// What a round looks like on the wire: the view before the reveal (A and the fits) and the
// reveal itself (B, the fits over B, every level's errors). Drawing coordinates travel as whole
// ten-thousandths (3 bytes each in msgpack instead of 9): `fromWire` turns them back.
import type { LevelFit, HiddenFit } from "./round-ladder";
import type { ArmView, RevealMessage, RoundMessage } from "./protocol";
import { toPoints, type Round } from "./round";
import { commitmentOf, type RoundOpening } from "./round-key";

/** Drawing coordinates on the wire: integers, in units of 1/COORDINATE_SCALE. */
export const COORDINATE_SCALE = 10_000;
const toWire = (values: ArrayLike<number>) => Array.from(values, (v) => Math.round(v * COORDINATE_SCALE));
const fromWireXY = <T extends { x: number[]; y: number[] }>(v: T): T => ({
  ...v,
  x: v.x.map((c) => c / COORDINATE_SCALE),
  y: v.y.map((c) => c / COORDINATE_SCALE),
});
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

function arm(spiral: { name: string; kind: string }, x: ArrayLike<number>, y: ArrayLike<number>): ArmView {
  return { name: spiral.name, kind: spiral.kind, x: toWire(x), y: toWire(y) };
}

/** What a player may see before the reveal: A, the fits over A, the cue and the commitment to B. */
export function roundMessage(roundNumber: number, round: Round, fits: LevelFit[], opening: RoundOpening): RoundMessage {
  const { spiral, points, validation } = round.a;
  return {
    round: roundNumber,
    commitment: commitmentOf(opening),
    a: { ...arm(spiral, points.x, points.y), validation },
    cue: round.cue.view,
    fits: fits.map((f) => ({
      level: f.level,
      trainError: round6(f.trainError),
      validationError: round6(f.validationError),
      x: toWire(f.curve.x),
      y: toWire(f.curve.y),
    })),
  };
}

/** The reveal: B, the fits over B, every level's errors and, unless it must wait (`later`), the opening. */
export function revealMessage(
  roundNumber: number,
  round: Round,
  hidden: HiddenFit[],
  bestLevel: number,
  fits: { level: number; validationError: number }[],
  opening: RoundOpening | { later: string },
): RevealMessage {
  const { spiral, points, rotation } = round.b;
  const maxLogr = Math.max(...points.logr);
  return {
    round: roundNumber,
    b: arm(spiral, points.x, points.y),
    overB: hidden.map((h) => {
      const over = toPoints(
        points.t,
        h.fit.map((v) => v + h.offset),
        round.b.turns,
        rotation,
        maxLogr,
      );
      return { level: h.level, x: toWire(over.x), y: toWire(over.y) };
    }),
    hidden: hidden.map((h) => ({
      level: h.level,
      error: h.error,
      validationError: fits.find((f) => f.level === h.level)!.validationError,
    })),
    bestLevel,
    ...("later" in opening ? { openingAfter: opening.later } : { opening }),
  };
}

/** A round or reveal message as received → drawing coordinates (the inverse of the wire's scaling). */
export function fromWire<T extends RoundMessage | RevealMessage>(message: T): T {
  if ("fits" in message) return { ...message, a: fromWireXY(message.a), fits: message.fits.map(fromWireXY) };
  return { ...message, b: fromWireXY(message.b), overB: message.overB.map(fromWireXY) };
}
