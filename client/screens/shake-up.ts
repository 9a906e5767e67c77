// The shake-up: rank by fit to A (what players could see) against rank by fit to B (what
// counted), like a public and a private leaderboard. Two columns with a line per player between
// their two places; the names slide from their A place to their B place and the lines draw in
// (no motion with prefers-reduced-motion). One element (#shake-up-box) moves between the reveal,
// the podium and the projector, so its data-testid stays unique.
import { html, nothing, render, svg } from "lit-html";
import type { ShakeUp } from "../../shared/protocol";
import { formatNumber, t } from "../i18n/i18n";

/** Geometry in SVG units: the page's, and a bigger-type one for the projector. */
const LAYOUTS = {
  page: {
    row: 34,
    top: 6,
    width: 620,
    leftText: 236,
    lineFrom: 246,
    lineTo: 374,
    rightText: 384,
    maxName: 16,
    font: 17,
  },
  narrow: {
    row: 30,
    top: 6,
    width: 400,
    leftText: 150,
    lineFrom: 158,
    lineTo: 232,
    rightText: 240,
    maxName: 10,
    font: 17,
  },
  projector: {
    row: 44,
    top: 8,
    width: 640,
    leftText: 270,
    lineFrom: 280,
    lineTo: 360,
    rightText: 370,
    maxName: 14,
    font: 26,
  },
} as const;

export interface ShakeUpOptions {
  /** The two columns' headings. */
  left: string;
  right: string;
  me?: string;
  /** Rows shown at most (the best by B); the rest are counted. */
  maxRows?: number;
  /** Bigger type, shorter names (the projector view). */
  projector?: boolean;
}

const short = (name: string, max: number) =>
  [...name].length > max ? [...name].slice(0, max - 1).join("") + "…" : name;

/** Draws the shake-up into `box` (a re-render with the same shake-up leaves the drawing, and its animation, alone). */
export function renderShakeUp(box: HTMLElement, shake: ShakeUp, options: ShakeUpOptions): void {
  const L = LAYOUTS[options.projector ? "projector" : window.innerWidth < 560 ? "narrow" : "page"];
  const {
    row: ROW,
    top: TOP,
    width: W,
    leftText: LEFT_TEXT,
    lineFrom: LINE_FROM,
    lineTo: LINE_TO,
    rightText: RIGHT_TEXT,
  } = L;
  const maxRows = options.maxRows ?? 60;
  // Show the best by B; their A places are counted among everybody shown.
  const byB = [...shake.rows].sort((p, q) => p.rankB - q.rankB || p.rankA - q.rankA).slice(0, maxRows);
  const byA = [...byB].sort((p, q) => p.rankA - q.rankA || p.rankB - q.rankB);
  const slotA = new Map(byA.map((r, i) => [r.sessionId, i]));
  const height = TOP + byB.length * ROW + 6;
  const y = (slot: number) => TOP + slot * ROW + ROW / 2;
  const mid = (LINE_FROM + LINE_TO) / 2;
  const me = (id: string) => (id === options.me ? " me" : "");

  const left = byA.map(
    (r, i) => svg`<text x=${LEFT_TEXT} y=${y(i)} text-anchor="end" dominant-baseline="central"
    class="shake-name${me(r.sessionId)}">${short(r.name, L.maxName)}  ${formatNumber(r.rankA)}</text>`,
  );
  const right = byB.map((r, j) => {
    const i = slotA.get(r.sessionId)!;
    const move = r.rankA - r.rankB;
    const kind = move > 0 ? "up" : move < 0 ? "down" : "same";
    const delay = `${Math.min(j, 20) * 60}ms`;
    // The name starts at the player's A place and slides to the B place.
    return svg`<path d="M ${LINE_FROM} ${y(i)} C ${mid} ${y(i)}, ${mid} ${y(j)}, ${LINE_TO} ${y(j)}"
      class="shake-line ${kind}${me(r.sessionId)}" pathLength="1" style="animation-delay: ${delay}"></path>
      <text x=${RIGHT_TEXT} y=${y(j)} text-anchor="start" dominant-baseline="central"
        class="shake-name right ${kind}${me(r.sessionId)}" style="--from: ${(i - j) * ROW}px; animation-delay: ${delay}"
        >${formatNumber(r.rankB)}  ${short(r.name, L.maxName)}${move ? `  ${move > 0 ? "▲" : "▼"}${formatNumber(Math.abs(move))}` : ""}</text>`;
  });
  const more = shake.rows.length - byB.length;
  const shift = formatNumber(shake.meanShift, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  render(
    html`<figure class="shake-up" data-testid="shake-up" data-mean-shift=${shake.meanShift}
    aria-label=${t("reveal.shakeLabel", { shift })}>
    <figcaption class="shake-caption"><strong>${t("reveal.shakeTitle")}</strong>
      <span class="shake-mean">${t("reveal.shakeMean", { shift })}</span><span class="muted small shake-explain"
        >${` ${t("reveal.shakeExplain")}`}</span>
    </figcaption>
    <div class="shake-heads" dir="ltr"><span dir="auto">${options.left}</span><span dir="auto">${options.right}</span></div>
    <svg viewBox="0 0 ${W} ${height}" class="shake-svg" role="img" preserveAspectRatio="xMidYMin meet"
      style="--name-size: ${L.font}px">
      <title .textContent=${t("reveal.shakeAgainst", { left: options.left, right: options.right })}></title>
      ${left}${right}
    </svg>
    ${more > 0 ? html`<p class="muted small">${t("reveal.shakeMore", { count: more })}</p>` : nothing}
  </figure>`,
    box,
  );
}
