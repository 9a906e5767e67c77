// The watched room's small picture: A's points while tuning; at the reveal B's points and the
// best level's fit over B. Drawn as SVG in the picture's own box (-1…1 around the points).
import { html, svg, nothing, type TemplateResult } from "lit-html";
import type { RoundMessage } from "../../shared/protocol";
import type { RevealView } from "../../shared/reveal-view";

interface Frame {
  sx(x: number): string;
  sy(y: number): string;
}

/** Fits the points' bounding box into the picture (a wild fit may leave it; the points never do). */
function frameOf(xs: number[], ys: number[]): Frame {
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const k = 2 / Math.max(x1 - x0, y1 - y0, 1e-6);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return { sx: (x) => ((x - cx) * k).toFixed(3), sy: (y) => (-(y - cy) * k).toFixed(3) };
}

function dots(f: Frame, xs: number[], ys: number[], colour: string) {
  let d = "";
  for (let i = 0; i < xs.length; i++) d += `M${f.sx(xs[i])} ${f.sy(ys[i])}h0`;
  return svg`<path d=${d} stroke=${colour} stroke-width="0.05" stroke-linecap="round" fill="none"></path>`;
}

function revealPicture(reveal: RevealView): TemplateResult {
  const f = frameOf(reveal.b.x, reveal.b.y);
  const fit = reveal.overB.find((o) => o.level === reveal.bestLevel);
  const line = fit
    ? svg`<polyline points=${fit.x.map((x, i) => `${f.sx(x)},${f.sy(fit.y[i])}`).join(" ")} fill="none"
        stroke="#e69f00" stroke-width="0.025" stroke-linejoin="round" opacity="0.9"></polyline>`
    : nothing;
  return html`<svg id="live-spiral" class="spiral-mini" viewBox="-1.12 -1.12 2.24 2.24" role="img"
      aria-label="Spiral B, ${reveal.b.name}, with the best level's fit"
      >${line}${dots(f, reveal.b.x, reveal.b.y, "#cc79a7")}</svg>
    <p id="live-legend" class="legend small"><span class="dot b"></span> B: ${reveal.b.name}
      <span class="line fit"></span> best level ${reveal.bestLevel}</p>`;
}

function roundPicture(round: RoundMessage): TemplateResult {
  const f = frameOf(round.a.x, round.a.y);
  return html`<svg id="live-spiral" class="spiral-mini" viewBox="-1.12 -1.12 2.24 2.24" role="img"
      aria-label="Spiral A, ${round.a.name}">${dots(f, round.a.x, round.a.y, "#56b4e9")}</svg>
    <p id="live-legend" class="legend small"><span class="dot a"></span> A: ${round.a.name} — B stays hidden until
      the reveal</p>`;
}

/** The picture for the round being tuned, or for the reveal being shown; nothing between rounds. */
export function livePicture(round: RoundMessage | undefined, reveal: RevealView | undefined): TemplateResult {
  const picture = reveal ? revealPicture(reveal) : round ? roundPicture(round) : undefined;
  return html`<div id="live-picture" ?hidden=${!picture}>${picture ?? nothing}</div>`;
}
