// The round generator: from a round key, the visible spiral A (noisy, split into training and
// validation points) and the hidden spiral B, which shares A's general shape and part of its
// large-scale structure but has contours of its own. A's draws come from the key's public id,
// B's from its secret part (shared/round-key.ts): two separate streams, so nothing about A
// tells anything about B's draws.
import type { Catalog, SpiralEntry } from "./catalog";
import { Random } from "./random";
import type { RoundKey } from "./round-key";

export const POINTS_PER_SPIRAL = 140;
export const VALIDATION_SHARE = 0.25;
/** Contour frequencies are kept within what the top detail level can draw (cycles along the arm). */
const CONTOUR_CYCLES = { min: 2.5, max: 9 };
/** Contour size (RMS of log r): A's are kept visible but not overwhelming; B's own stay below
 *  `hiddenShare` × the shared structure. */
const CONTOUR_AMPLITUDE = { min: 0.02, max: 0.12, hiddenShare: 0.1 };
const VISIBLE_TURNS = { min: 1.25, max: 3 };

export type Relation = "twin" | "cousin" | "stranger";
export type Difficulty = "easy" | "normal" | "hard";

/** A's measurement noise (standard deviation of log r) by difficulty. */
export const NOISE: Record<Difficulty, [number, number]> = {
  easy: [0.015, 0.035],
  normal: [0.03, 0.07],
  hard: [0.06, 0.1],
};

export interface SpiralPoints {
  /** Position along the visible arm, 0 → 1. */
  t: number[];
  theta: number[];
  logr: number[];
  /** Drawing coordinates: the outermost point sits on the unit circle. */
  x: number[];
  y: number[];
}

export interface Cue {
  relation: Relation;
  hiddenName: string;
  hiddenKind: SpiralEntry["kind"];
  /** One sentence a player sees, e.g. "The hidden spiral is a galaxy arm: Whirlpool Galaxy (M51) — a different kind". */
  text: string;
}

export interface RoundOptions {
  difficulty?: Difficulty;
}

export interface Round {
  /** The key's public id: seeds A and the model's starting weights. */
  id: string;
  difficulty: Difficulty;
  turns: number;
  cue: Cue;
  a: {
    spiral: SpiralEntry;
    points: SpiralPoints;
    train: number[];
    validation: number[];
    noise: number;
    /** Drawing rotation of the arm's start. */
    rotation: number;
    /** A's own bumps along the visible arm (cycles), as the catalog describes them. */
    contourCycles: number;
  };
  /** Secret until the reveal: the key's part that seeds B. */
  hidden: string;
  /** Secret until the reveal. */
  b: { spiral: SpiralEntry; points: SpiralPoints; rotation: number };
  /** Share of A's large-scale structure that B has too (0…1). Secret until the reveal. */
  sharedStructure: number;
}

/** What a player may see before the reveal: everything but B, the share and B's key. */
export type VisibleRound = Omit<Round, "b" | "sharedStructure" | "hidden">;

export function visibleRound(round: Round): VisibleRound {
  const { b: _b, sharedStructure: _s, hidden: _h, ...visible } = round;
  return visible;
}

const RELATION_ODDS: [Relation, number][] = [["twin", 0.3], ["cousin", 0.3], ["stranger", 0.4]];
const SHARED_STRUCTURE: Record<Relation, [number, number]> = { twin: [0.85, 1], cousin: [0.75, 0.95], stranger: [0.65, 0.9] };

export function generateRound(catalog: Catalog, key: RoundKey, options: RoundOptions = {}): Round {
  const rngA = new Random(`round:${key.id}`); // public: A, its noise, split and structure
  const rngB = new Random(`hidden:${key.hidden}`); // secret until the reveal: everything about B
  const difficulty = options.difficulty ?? "normal";
  const a = rngA.pick(catalog.spirals);
  const relation = pickRelation(rngB);
  const b = pickHidden(rngB, catalog, a, relation);
  const turns = clamp(a.turns.value, VISIBLE_TURNS.min, VISIBLE_TURNS.max);
  const noise = rngA.uniform(...NOISE[difficulty]);
  const sharedStructure = rngB.uniform(...SHARED_STRUCTURE[relation]);

  // Large-scale structure: a few slow waves along the arm, bandwidth drawn per round.
  const bandwidth = Math.exp(rngA.uniform(Math.log(0.6), Math.log(9)));
  const structureAmp = rngA.uniform(0.1, 0.22);
  const structure = randomWaves(rngA, bandwidth, structureAmp);
  const ownStructureB = randomWaves(rngB, bandwidth, structureAmp);

  const contourA = contours(rngA, a, turns, CONTOUR_AMPLITUDE.max);
  // A twin shares most of A's contours; anyone else has only their own. B's own bumps are
  // capped below the shared structure: they are the part no model of A can know.
  const twinShare = relation === "twin" ? rngB.uniform(0.75, 0.95) : 0;
  const contourB = contours(rngB, b, turns, CONTOUR_AMPLITUDE.hiddenShare * structureAmp, relation === "twin" ? contourA.cycles : undefined);

  const shape = generalShape(a, turns);
  const tA = jitteredGrid(rngA, POINTS_PER_SPIRAL);
  const tB = jitteredGrid(rngB, POINTS_PER_SPIRAL);
  const logrA = tA.map((t) => shape(t) + structure(t) + contourA.at(t) + noise * rngA.normal());
  const s = sharedStructure, own = 1 - s;
  const logrB = tB.map((t) => shape(t) + s * structure(t) + own * ownStructureB(t) + twinShare * contourA.at(t) + (1 - twinShare) * contourB.at(t));

  const { train, validation } = split(rngA, POINTS_PER_SPIRAL);
  const rotationA = rngA.uniform(0, 2 * Math.PI);
  const rotationB = rngB.uniform(0, 2 * Math.PI);
  return {
    id: key.id,
    hidden: key.hidden,
    difficulty,
    turns,
    cue: cueFor(a, b, relation),
    a: { spiral: a, points: toPoints(tA, logrA, turns, rotationA), train, validation, noise, rotation: rotationA, contourCycles: contourA.cycles },
    b: { spiral: b, points: toPoints(tB, logrB, turns, rotationB), rotation: rotationB },
    sharedStructure,
  };
}

function pickRelation(rng: Random): Relation {
  let u = rng.next();
  for (const [relation, odds] of RELATION_ODDS) if ((u -= odds) < 0) return relation;
  return "stranger";
}

function pickHidden(rng: Random, catalog: Catalog, a: SpiralEntry, relation: Relation): SpiralEntry {
  if (relation === "twin") return a;
  const pool = catalog.spirals.filter((s) => s.id !== a.id && (relation === "cousin" ? s.kind === a.kind : s.kind !== a.kind));
  if (pool.length) return rng.pick(pool);
  const others = catalog.spirals.filter((s) => s.id !== a.id);
  return others.length ? rng.pick(others) : a; // a catalog narrowed to one spiral can only give twins
}

/** The one-line cue about B that every player sees while tuning. */
export function cueFor(a: SpiralEntry, b: SpiralEntry, relation: Relation): Cue {
  const text =
    relation === "twin" ? `The hidden spiral is another ${a.name.toLowerCase()}: the same kind of object, with the same kind of bumps.`
    : relation === "cousin" ? `The hidden spiral is ${b.cue} (${b.name}): the same kind of thing as ${a.name}, with bumps of its own.`
    : `The hidden spiral is ${b.cue} (${b.name}): a different kind of thing, sharing only the general shape.`;
  return { relation, hiddenName: b.name, hiddenKind: b.kind, text };
}

/** log r along the arm for the spiral's type, before structure, contours and noise. */
function generalShape(spiral: SpiralEntry, turns: number): (t: number) => number {
  const sweep = 2 * Math.PI * turns;
  const b = Math.tan((spiral.pitchDeg.value * Math.PI) / 180);
  const start = Math.PI; // the visible arm starts half a turn out, so r never reaches 0
  switch (spiral.spiralType) {
    case "logarithmic": return (t) => b * sweep * t; // r = e^(bθ): a line in (θ, log r)
    case "archimedean": return (t) => Math.log(start + sweep * t); // r ∝ θ
    case "fermat": return (t) => 0.5 * Math.log(start + sweep * t); // r ∝ √θ
  }
}

/** A smooth random function: a few sine waves no faster than `bandwidth` cycles along the arm. */
function randomWaves(rng: Random, bandwidth: number, rms: number): (t: number) => number {
  const waves = Array.from({ length: 4 }, () => ({ f: rng.uniform(0.25, 1) * bandwidth, phase: rng.uniform(0, 2 * Math.PI), c: rng.normal() }));
  const norm = Math.sqrt(waves.reduce((s, w) => s + w.c * w.c, 0) / 2) || 1;
  return (t) => (rms / norm) * waves.reduce((s, w) => s + w.c * Math.sin(2 * Math.PI * w.f * t + w.phase), 0);
}

/** A spiral's own bumps: a lopsided wave (fundamental + half-strength overtone) at its catalog rate. */
function contours(rng: Random, spiral: SpiralEntry, turns: number, maxAmp: number, cycles?: number) {
  const c = cycles ?? clamp(spiral.contours.perTurn * turns, CONTOUR_CYCLES.min, CONTOUR_CYCLES.max);
  const amp = clamp(spiral.contours.amplitude * rng.uniform(0.7, 1.3), CONTOUR_AMPLITUDE.min, maxAmp);
  const phase = rng.uniform(0, 2 * Math.PI);
  const at = (t: number) => {
    const a = 2 * Math.PI * c * t + phase;
    return amp * (Math.sin(a) + 0.5 * Math.sin(2 * a)) / Math.sqrt(0.625);
  };
  return { cycles: c, at };
}

function jitteredGrid(rng: Random, n: number): number[] {
  return Array.from({ length: n }, (_, i) => (i + rng.next()) / n);
}

/** A random validation split, kept in arm order. */
function split(rng: Random, n: number): { train: number[]; validation: number[] } {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const cut = Math.round(n * VALIDATION_SHARE);
  return { validation: order.slice(0, cut).sort((p, q) => p - q), train: order.slice(cut).sort((p, q) => p - q) };
}

/** Points along an arm; `maxLogr` is the log r drawn on the unit circle (default: the outermost). */
export function toPoints(t: number[], logr: number[], turns: number, rotation: number, maxLogr = Math.max(...logr)): SpiralPoints {
  const theta = t.map((u) => 2 * Math.PI * turns * u);
  const x = theta.map((th, i) => Math.exp(logr[i] - maxLogr) * Math.cos(th + rotation));
  const y = theta.map((th, i) => Math.exp(logr[i] - maxLogr) * Math.sin(th + rotation));
  return { t, theta, logr, x, y };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
