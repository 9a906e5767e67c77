// The shake-up: rank by fit to A (what players could see) against rank by fit to B (what
// counted), like a public and a private leaderboard. Two columns with a line per player between
// their two places; the names slide from their A place to their B place and the lines draw in
// (no motion with prefers-reduced-motion). One element (#shake-up-box) moves between the reveal,
// the podium and the projector, so its data-testid stays unique.
import { h } from "../dom";
import type { ShakeUp } from "../../shared/protocol";

const SVG = "http://www.w3.org/2000/svg";
/** Geometry in SVG units: the page's, and a bigger-type one for the projector. */
const LAYOUTS = {
  page: { row: 34, top: 30, width: 620, leftText: 236, lineFrom: 246, lineTo: 374, rightText: 384, maxName: 16, font: 17, head: 15 },
  narrow: { row: 30, top: 28, width: 400, leftText: 150, lineFrom: 158, lineTo: 232, rightText: 240, maxName: 10, font: 17, head: 14 },
  projector: { row: 44, top: 38, width: 640, leftText: 270, lineFrom: 280, lineTo: 360, rightText: 370, maxName: 14, font: 26, head: 20 },
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

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

const short = (name: string, max: number) => ([...name].length > max ? [...name].slice(0, max - 1).join("") + "…" : name);

let shownKey = "";

/** Draws the shake-up into `box` (once per distinct shake-up: re-renders keep the animation). */
export function renderShakeUp(box: HTMLElement, shake: ShakeUp, options: ShakeUpOptions): void {
  const key = JSON.stringify([shake, options, window.innerWidth < 560]);
  if (key === shownKey && box.firstChild) return;
  shownKey = key;
  const L = LAYOUTS[options.projector ? "projector" : window.innerWidth < 560 ? "narrow" : "page"];
  const { row: ROW, top: TOP, width: W, leftText: LEFT_TEXT, lineFrom: LINE_FROM, lineTo: LINE_TO, rightText: RIGHT_TEXT } = L;

  const rowsAll = shake.rows;
  const maxRows = options.maxRows ?? 60;
  // Show the best by B; their A places are counted among everybody shown.
  const byB = [...rowsAll].sort((p, q) => p.rankB - q.rankB || p.rankA - q.rankA).slice(0, maxRows);
  const byA = [...byB].sort((p, q) => p.rankA - q.rankA || p.rankB - q.rankB);
  const slotA = new Map(byA.map((r, i) => [r.sessionId, i]));
  const slotB = new Map(byB.map((r, i) => [r.sessionId, i]));
  const height = TOP + byB.length * ROW + 6;
  const y = (slot: number) => TOP + slot * ROW + ROW / 2;

  const root = svg("svg", { viewBox: `0 0 ${W} ${height}`, class: "shake-svg", role: "img", preserveAspectRatio: "xMidYMin meet" });
  root.style.setProperty("--name-size", `${L.font}px`);
  root.style.setProperty("--head-size", `${L.head}px`);
  root.append(svg("title", {}, `${options.left} against ${options.right}`));
  root.append(svg("text", { x: LEFT_TEXT, y: 18, "text-anchor": "end", class: "shake-head" }, options.left));
  root.append(svg("text", { x: RIGHT_TEXT, y: 18, "text-anchor": "start", class: "shake-head" }, options.right));

  byA.forEach((r, i) => {
    const mine = r.sessionId === options.me;
    root.append(svg("text", { x: LEFT_TEXT, y: y(i), "text-anchor": "end", "dominant-baseline": "central", class: `shake-name${mine ? " me" : ""}` }, `${short(r.name, L.maxName)}  ${r.rankA}`));
  });
  byB.forEach((r, j) => {
    const i = slotA.get(r.sessionId)!;
    const move = r.rankA - r.rankB;
    const kind = move > 0 ? "up" : move < 0 ? "down" : "same";
    const mine = r.sessionId === options.me;
    const line = svg("path", {
      d: `M ${LINE_FROM} ${y(i)} C ${(LINE_FROM + LINE_TO) / 2} ${y(i)}, ${(LINE_FROM + LINE_TO) / 2} ${y(j)}, ${LINE_TO} ${y(j)}`,
      class: `shake-line ${kind}${mine ? " me" : ""}`,
      pathLength: 1,
    });
    line.style.animationDelay = `${Math.min(j, 20) * 60}ms`;
    root.append(line);
    const label = svg("text", { x: RIGHT_TEXT, y: y(j), "text-anchor": "start", "dominant-baseline": "central", class: `shake-name right ${kind}${mine ? " me" : ""}` },
      `${r.rankB}  ${short(r.name, L.maxName)}${move ? `  ${move > 0 ? "▲" : "▼"}${Math.abs(move)}` : ""}`);
    // Starts at the player's A place and slides to the B place.
    label.style.setProperty("--from", `${(slotA.get(r.sessionId)! - slotB.get(r.sessionId)!) * ROW}px`);
    label.style.animationDelay = `${Math.min(j, 20) * 60}ms`;
    root.append(label);
  });

  const more = rowsAll.length - byB.length;
  const wrap = h("figure", {
    class: "shake-up",
    attrs: { "data-testid": "shake-up", "data-mean-shift": String(shake.meanShift), "aria-label": `Shake-up: mean shift ${shake.meanShift.toFixed(2)}` },
  },
  h("figcaption", { class: "shake-caption" },
    h("strong", { text: "Shake-up" }), " ",
    h("span", { class: "shake-mean", text: `mean shift ${shake.meanShift.toFixed(2)}` }),
    h("span", { class: "muted small shake-explain", text: " — mean |Δrank| ÷ N: 0 means fitting A predicted B perfectly." })),
  root,
  ...(more > 0 ? [h("p", { class: "muted small", text: `…and ${more} more` })] : []));
  box.replaceChildren(wrap);
}
