// The two Phaser views, created the first time a round is shown.
import { byId } from "../dom";
import { SpiralView } from "../scene/spiral-scene";
import { UCurveView } from "../scene/u-curve-scene";

let spiral: SpiralView | undefined;
let uCurve: UCurveView | undefined;

export function spiralView(): SpiralView {
  return (spiral ??= new SpiralView(byId("spiral-view")));
}

export function uCurveView(): UCurveView {
  return (uCurve ??= new UCurveView(byId("u-curve")));
}

/** After the stage was hidden, the canvases need their size recomputed. */
export function refreshViews(): void {
  spiral?.refresh();
  uCurve?.refresh();
}
