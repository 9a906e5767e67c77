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
  fitStage();
  spiral?.refresh();
  uCurve?.refresh();
}

/**
 * Tells the CSS how far down the page the spiral starts (--above-stage), so on a wide screen the
 * square spiral view takes the height left below the bars and the cue: nothing cut off at
 * 1366×768, whatever the host bar or a two-line cue take.
 */
function fitStage(): void {
  const grid = document.querySelector<HTMLElement>("#stage .stage-grid");
  if (!grid || grid.offsetParent === null) return;
  const top = Math.round(grid.getBoundingClientRect().top + scrollY);
  document.documentElement.style.setProperty("--above-stage", `${top}px`);
}

if (typeof window !== "undefined") {
  let pending = 0;
  window.addEventListener("resize", () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => { fitStage(); spiral?.refresh(); uCurve?.refresh(); });
  });
}
