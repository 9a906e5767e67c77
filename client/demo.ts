// Engine demo (until the multiplayer match lands): one seeded round, trained in the browser with
// the same shared code as the server; move the detail level, then reveal B.
import { loadTf } from "./tf-browser";
import { CATALOG } from "../shared/spirals";
import { generateRound, toPoints, type Round, type SpiralPoints } from "../shared/round";
import { publicRoundKey } from "../shared/round-key";
import { fitRound, type HiddenFit, type LevelFit } from "../shared/round-ladder";
import { bumpsAlongArm } from "../shared/ladder-levels";
import { pointsArithmetic, roundPoints } from "../shared/scoring";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const canvas = $<HTMLCanvasElement>("view");
const ctx = canvas.getContext("2d")!;
const slider = $<HTMLInputElement>("detail");
const reveal = $<HTMLButtonElement>("reveal");
const colours = { a: "#56b4e9", fit: "#e69f00", b: "#cc79a7" };

let state: { round: Round; fits: LevelFit[]; hidden: HiddenFit[]; revealed: boolean } | undefined;

function showError(message: string) {
  const el = $("error");
  el.textContent = message;
  el.hidden = false;
}

function toCanvas(x: number, y: number): [number, number] {
  const half = canvas.width / 2;
  return [half + x * half * 0.92, half - y * half * 0.92];
}

function drawPoints(p: SpiralPoints, colour: string, indices?: number[], hollow = false) {
  ctx.fillStyle = colour;
  ctx.strokeStyle = colour;
  for (const i of indices ?? p.x.map((_, k) => k)) {
    const [cx, cy] = toCanvas(p.x[i], p.y[i]);
    ctx.beginPath();
    ctx.arc(cx, cy, 3, 0, 2 * Math.PI);
    hollow ? ctx.stroke() : ctx.fill();
  }
}

function drawCurve(p: SpiralPoints, colour: string) {
  ctx.strokeStyle = colour;
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  p.x.forEach((x, i) => {
    const [cx, cy] = toCanvas(x, p.y[i]);
    i ? ctx.lineTo(cx, cy) : ctx.moveTo(cx, cy);
  });
  ctx.stroke();
  ctx.lineWidth = 1;
}

function render() {
  if (!state) return;
  const { round, fits, hidden, revealed } = state;
  const level = Number(slider.value);
  const fit = fits[level - 1];
  $("level-out").textContent = String(level);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  if (!revealed) {
    drawPoints(round.a.points, colours.a, round.a.train);
    drawPoints(round.a.points, colours.a, round.a.validation, true);
    drawCurve(fit.curve, colours.fit);
  } else {
    // The fit moved onto B: B's rotation, and the size shift that aligns it best.
    const h = hidden[level - 1];
    const b = round.b.points;
    drawPoints(b, colours.b);
    drawCurve(toPoints(fit.curve.t, fit.curve.logr.map((v) => v + h.offset), round.turns, round.b.rotation, Math.max(...b.logr)), colours.fit);
  }
  // Full-precision figures for tests that compare the browser's fit with the server's.
  $("errors").dataset.fit = JSON.stringify([fit.trainError, fit.validationError, ...(revealed ? [hidden[level - 1].error] : [])]);
  $("errors").textContent = `Level ${level} can draw about ${bumpsAlongArm(level)} bumps along the arm. Training error ${fit.trainError.toFixed(4)} · validation error ${fit.validationError.toFixed(4)}`;
  if (revealed) {
    const best = Math.min(...hidden.map((x) => x.error));
    const mine = hidden[level - 1].error;
    const bestLevel = hidden.findIndex((x) => x.error === best) + 1;
    $("result").textContent = `Hidden error ${mine.toFixed(4)} → ${roundPoints(mine, best)} points (${pointsArithmetic(mine, best)}). Best level this round: ${bestLevel}.`;
  }
}

async function newRound(seed: string) {
  $("error").hidden = true;
  slider.disabled = reveal.disabled = true;
  $("result").textContent = "";
  $("status").textContent = "Training all 12 detail levels…";
  await new Promise((r) => setTimeout(r, 30)); // let the status paint before the main thread trains
  try {
    const tf = await loadTf();
    const round = generateRound(CATALOG, publicRoundKey(seed));
    const started = performance.now();
    const { fits, hidden } = fitRound(tf, round);
    state = { round, fits, hidden: hidden!, revealed: false };
    $("cue").textContent = `Spiral A: ${round.a.spiral.name} (${round.a.spiral.contours.what}). ${round.cue.text}`;
    $("status").textContent = `Trained in ${Math.round(performance.now() - started)} ms. Filled dots train the model; hollow dots are held out for validation.`;
    slider.disabled = reveal.disabled = false;
    render();
  } catch (err) {
    showError(`Could not train the model: ${(err as Error).message}`);
  }
}

slider.addEventListener("input", render);
reveal.addEventListener("click", () => {
  if (state) state.revealed = true;
  reveal.disabled = true;
  render();
});
$("round-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const seed = $<HTMLInputElement>("seed").value.trim() || "1";
  history.replaceState(null, "", `?seed=${encodeURIComponent(seed)}`);
  void newRound(seed);
});

const initial = new URLSearchParams(location.search).get("seed")?.slice(0, 40) || "1";
$<HTMLInputElement>("seed").value = initial;
void newRound(initial);
