// The two Phaser views of a round (the spiral, the U-curve), created the first time a round
// shows, and kept sized to their boxes.
import { SpiralView } from "../scene/spiral-scene";
import { UCurveView } from "../scene/u-curve-scene";

export interface Stage {
  spiral(): SpiralView;
  /** The U-curve, drawn in `box` (the reveal screen's). */
  uCurve(box: HTMLElement): UCurveView;
  /** After the stage was hidden, the canvases need their size recomputed. */
  refresh(): void;
}

export function createStage(stage: HTMLElement, spiralBox: HTMLElement): Stage {
  let spiral: SpiralView | undefined;
  let uCurve: UCurveView | undefined;

  /**
   * Tells the CSS how far down the page the spiral starts (--above-stage), so on a wide screen the
   * square spiral view takes the height left below the bars and the cue: nothing cut off at
   * 1366×768, whatever the host bar or a two-line cue take.
   */
  function fitStage(): void {
    const grid = stage.querySelector<HTMLElement>(".stage-grid");
    if (!grid || grid.offsetParent === null) return;
    const top = Math.round(grid.getBoundingClientRect().top + scrollY);
    document.documentElement.style.setProperty("--above-stage", `${top}px`);
  }

  const refresh = () => {
    fitStage();
    spiral?.refresh();
    uCurve?.refresh();
  };
  let pending = 0;
  window.addEventListener("resize", () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(refresh);
  });

  return {
    spiral: () => (spiral ??= new SpiralView(spiralBox)),
    uCurve: (box) => (uCurve ??= new UCurveView(box)),
    refresh,
  };
}
