// The watched room's small picture: A's points while tuning; at the reveal B's points and the
// best level's fit over B. Drawn as SVG in the picture's own box (-1…1 around the points), over
// the picture of the spiral's object (the game's pictures, unless this browser chose "data only").
import { html, svg, nothing, type TemplateResult } from "lit-html";
import type { ArmView, RoundMessage } from "../../shared/protocol";
import type { RevealView } from "../../shared/reveal-view";
import { ref } from "lit-html/directives/ref.js";
import { entryFor, isKind, paintPicture } from "../scene/pictures";
import { picturesShown } from "../scene/pictures/mode";
import { t } from "../i18n/i18n";
import { spiralAbout, spiralName } from "../i18n/spiral-names";

interface Frame {
  sx(x: number): string;
  sy(y: number): string;
  /** Data units per view-box unit, and the data point at the view box's centre. */
  k: number;
  cx: number;
  cy: number;
}

/** The view box's half side, and the picture canvas's side in pixels. */
const HALF = 1.12;
const CANVAS = 360;
/** What each picture canvas shows now (so a re-render with the same arm does not repaint it). */
const painted = new WeakMap<HTMLCanvasElement, string>();

/** The picture of the arm's object behind the SVG (the same pictures as the game's), in the same frame. */
function objectPicture(arm: ArmView, f: Frame) {
  const kind = arm.kind;
  if (!isKind(kind) || !picturesShown()) return nothing;
  const key = `${arm.name}:${arm.x.length}:${arm.x[0]}:${arm.y[0]}`;
  const scale = CANVAS / (2 * HALF);
  return html`<canvas class="spiral-mini-picture" width=${CANVAS} height=${CANVAS} aria-hidden="true"
    data-picture=${kind} ${ref((el) => {
      const canvas = el as HTMLCanvasElement | undefined;
      if (!canvas || painted.get(canvas) === key) return;
      painted.set(canvas, key);
      const ctx = canvas.getContext("2d");
      if (!ctx) return;
      ctx.clearRect(0, 0, CANVAS, CANVAS);
      paintPicture(ctx, {
        kind,
        entry: entryFor(arm.name),
        x: arm.x,
        y: arm.y,
        k: f.k * scale,
        cx: (-f.cx * f.k + HALF) * scale,
        cy: (f.cy * f.k + HALF) * scale,
        box: { left: 0, top: 0, side: CANVAS },
        seed: key,
      });
    })}></canvas>`;
}

/** Fits the points' bounding box into the picture (a wild fit may leave it; the points never do). */
function frameOf(xs: number[], ys: number[]): Frame {
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const k = 2 / Math.max(x1 - x0, y1 - y0, 1e-6);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return { sx: (x) => ((x - cx) * k).toFixed(3), sy: (y) => (-(y - cy) * k).toFixed(3), k, cx, cy };
}

function dots(f: Frame, xs: number[], ys: number[], colour: string) {
  let d = "";
  for (let i = 0; i < xs.length; i++) d += `M${f.sx(xs[i])} ${f.sy(ys[i])}h0`;
  return svg`<path d=${d} stroke=${colour} stroke-width="0.05" stroke-linecap="round" fill="none"></path>`;
}

/** What the spiral is, from the catalog (the caption beside its picture). */
function about(arm: ArmView): TemplateResult | typeof nothing {
  const entry = entryFor(arm.name);
  const text = entry && spiralAbout(entry);
  return text ? html`<p id="live-about" class="small muted">${text}</p>` : nothing;
}

function revealPicture(reveal: RevealView): TemplateResult {
  const f = frameOf(reveal.b.x, reveal.b.y);
  const fit = reveal.overB.find((o) => o.level === reveal.bestLevel);
  const line = fit
    ? svg`<polyline points=${fit.x.map((x, i) => `${f.sx(x)},${f.sy(fit.y[i])}`).join(" ")} fill="none"
        stroke="#e69f00" stroke-width="0.025" stroke-linejoin="round" opacity="0.9"></polyline>`
    : nothing;
  return html`<div class="spiral-mini-box">${objectPicture(reveal.b, f)}<svg id="live-spiral" class="spiral-mini"
      viewBox="-1.12 -1.12 2.24 2.24" role="img" aria-label=${t("watch.spiralBLabel", { spiral: spiralName(reveal.b.name) })}
      >${line}${dots(f, reveal.b.x, reveal.b.y, "#cc79a7")}</svg></div>
    <p id="live-legend" class="legend small"><span class="dot b"></span> ${t("watch.legendB", {
      spiral: spiralName(reveal.b.name),
    })}
      <span class="line fit"></span> ${t("watch.legendBestLevel", { level: reveal.bestLevel })}</p>${about(reveal.b)}`;
}

function roundPicture(round: RoundMessage): TemplateResult {
  const f = frameOf(round.a.x, round.a.y);
  return html`<div class="spiral-mini-box">${objectPicture(round.a, f)}<svg id="live-spiral" class="spiral-mini"
      viewBox="-1.12 -1.12 2.24 2.24" role="img" aria-label=${t("watch.spiralALabel", { spiral: spiralName(round.a.name) })}
      >${dots(f, round.a.x, round.a.y, "#56b4e9")}</svg></div>
    <p id="live-legend" class="legend small"><span class="dot a"></span> ${t("watch.legendA", {
      spiral: spiralName(round.a.name),
    })}</p>${about(round.a)}`;
}

/** The picture for the round being tuned, or for the reveal being shown; nothing between rounds. */
export function livePicture(round: RoundMessage | undefined, reveal: RevealView | undefined): TemplateResult {
  const picture = reveal ? revealPicture(reveal) : round ? roundPicture(round) : undefined;
  return html`<div id="live-picture" ?hidden=${!picture}>${picture ?? nothing}</div>`;
}
