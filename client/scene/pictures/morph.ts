// The home page's opening: a nautilus shell turns into a whirlpool galaxy. The shell's picture
// with its points, the points slide onto the galaxy's arm as the shell fades, the galaxy appears
// under them: the same kind of curve. Plays once (a click replays it); with
// prefers-reduced-motion it shows the last frame at once. Drawn on a plain 2D canvas.
import { CATALOG } from "../../../shared/spirals";
import type { SpiralEntry } from "../../../shared/catalog";
import { paintPicture } from "./index";
import { sampleArm } from "./sample";
import { reducedMotion, tween, easeInOut } from "../phaser-view";
import { onLanguageChange, t } from "../../i18n/i18n";

const W = 800,
  H = 400;
const SIDE = H;
const MS = 5200;
/** Stages in ms: the shell holds, the points slide while the shell fades, the galaxy appears. */
const STAGES = { dots: [500, 1200], slide: [1500, 3300], galaxy: [2600, 4000], words: [3600, 4600] } as const;

function pictureOf(entry: SpiralEntry, arm: { x: number[]; y: number[] }): HTMLCanvasElement {
  const c = document.createElement("canvas");
  c.width = c.height = SIDE;
  paintPicture(c.getContext("2d")!, {
    kind: entry.kind,
    entry,
    x: arm.x,
    y: arm.y,
    k: (SIDE / 2) * 0.9,
    cx: SIDE / 2,
    cy: SIDE / 2,
    box: { left: 0, top: 0, side: SIDE },
    seed: `home:${entry.id}`,
  });
  return c;
}

export function playShellToGalaxy(canvas: HTMLCanvasElement): () => void {
  const shell = CATALOG.spirals.find((s) => s.id === "nautilus-pompilius") ?? CATALOG.spirals[0];
  const galaxy = CATALOG.spirals.find((s) => s.id === "m51-whirlpool") ?? CATALOG.spirals[1];
  const armA = sampleArm(shell, 0.6, 90);
  const armB = sampleArm(galaxy, 0.6, 90);
  const shellPicture = pictureOf(shell, armA);
  const galaxyPicture = pictureOf(galaxy, armB);
  canvas.width = W;
  canvas.height = H;
  const ctx = canvas.getContext("2d")!;
  const k = (SIDE / 2) * 0.9;
  const phase = (ms: number, [a, b]: readonly [number, number]) => Math.min(1, Math.max(0, (ms - a) / (b - a)));

  let lastMs = 0;
  const frame = (ms: number) => {
    lastMs = ms;
    ctx.fillStyle = "#040a1a";
    ctx.fillRect(0, 0, W, H);
    const slide = easeInOut(phase(ms, STAGES.slide));
    const appear = easeInOut(phase(ms, STAGES.galaxy));
    ctx.globalAlpha = 1 - appear;
    ctx.drawImage(shellPicture, 0, 0);
    ctx.globalAlpha = appear;
    ctx.drawImage(galaxyPicture, 0, 0);
    ctx.globalAlpha = 1;
    // The points, sliding from the shell's arm to the galaxy's, with the curve through them.
    const dots = phase(ms, STAGES.dots);
    const xs = armA.x.map((x, i) => SIDE / 2 + (x + (armB.x[i] - x) * slide) * k);
    const ys = armA.y.map((y, i) => SIDE / 2 - (y + (armB.y[i] - y) * slide) * k);
    ctx.globalAlpha = dots;
    ctx.strokeStyle = "#e69f00";
    ctx.lineWidth = 3;
    ctx.lineJoin = "round";
    ctx.beginPath();
    xs.forEach((x, i) => (i ? ctx.lineTo(x, ys[i]) : ctx.moveTo(x, ys[i])));
    ctx.stroke();
    for (let i = 0; i < xs.length; i += 2) {
      ctx.fillStyle = "rgba(4, 10, 26, 0.85)";
      ctx.beginPath();
      ctx.arc(xs[i], ys[i], 5, 0, 2 * Math.PI);
      ctx.fill();
      ctx.fillStyle = "#56b4e9";
      ctx.beginPath();
      ctx.arc(xs[i], ys[i], 3.5, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.globalAlpha = 1;
    // The words beside the picture.
    ctx.fillStyle = "#e8f1ff";
    ctx.textBaseline = "middle";
    ctx.font = 'bold 30px system-ui, -apple-system, "Segoe UI", sans-serif';
    ctx.fillText(t("lesson.morphLine1"), SIDE + 24, 120);
    ctx.globalAlpha = 0.35 + 0.65 * phase(ms, STAGES.slide);
    ctx.fillText(t("lesson.morphLine2"), SIDE + 24, 165);
    ctx.globalAlpha = phase(ms, STAGES.words);
    ctx.font = '22px system-ui, -apple-system, "Segoe UI", sans-serif';
    ctx.fillStyle = "#c8d6f0";
    ctx.fillText(t("lesson.morphLine3"), SIDE + 24, 240);
    ctx.fillText(t("lesson.morphLine4"), SIDE + 24, 272);
    ctx.globalAlpha = 1;
    canvas.dataset.morph =
      ms >= MS ? "done" : ms < STAGES.slide[0] ? "shell" : ms < STAGES.galaxy[1] ? "morph" : "galaxy";
  };

  let stop: (() => void) | undefined;
  const play = () => {
    stop?.();
    if (reducedMotion()) {
      frame(MS);
      return;
    }
    stop = tween(MS, (t) => frame(t * MS));
  };
  canvas.addEventListener("click", play);
  // The words are drawn in: draw the frame on screen again in the language just picked.
  const unlisten = onLanguageChange(() => frame(lastMs));
  play();
  return () => {
    stop?.();
    unlisten();
  };
}
