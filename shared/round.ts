// The round generator: from a round key, the visible spiral A (noisy, split into training and
// validation points) and the hidden spiral B. Each is drawn from its own catalog entry (its
// spiral type, pitch, turns, bump rate and size); B has part of A's large-scale structure and,
// for a twin or a cousin, part of A's own bumps. A's draws come from the key's public id, B's
// from its secret part (shared/round-key.ts): two separate streams, so nothing about A tells
// anything about B's draws. The recipe, with its numbers, is in docs/engine.md.
import type { Catalog, SpiralEntry, SpiralKind } from "./catalog";
import { Random } from "./random";
import type { RoundKey } from "./round-key";
import { detCos, detExp, detLog, detSin, detTan } from "./ladder";
import type { ResolvedSpiral, SetRoundSpec, TracedSpiral } from "./round-set";
import { fitSpiral, logrAt } from "./tracer";

export const POINTS_PER_SPIRAL = 140;
export const VALIDATION_SHARE = 0.25;
const VISIBLE_TURNS = { min: 1.25, max: 3 };
/**
 * Bumps along the visible arm (cycles): a spiral's catalog rate (bumps per turn × visible turns)
 * squeezed on a log scale into what the ladder can draw, keeping the order: CONTOUR_RATE.lo or
 * fewer → CONTOUR_CYCLES.min, CONTOUR_RATE.hi or more → CONTOUR_CYCLES.max.
 */
export const CONTOUR_CYCLES = { min: 2.5, max: 13 };
const CONTOUR_RATE = { lo: 3, hi: 60 };
/**
 * Bump size (RMS of log r): the catalog's figure squeezed on a log scale into this range, keeping
 * the order (CONTOUR_SIZE.lo or less → min, CONTOUR_SIZE.hi or more → max), then drawn ×0.8–1.25.
 */
export const CONTOUR_AMPLITUDE = { min: 0.015, max: 0.12 };
const CONTOUR_SIZE = { lo: 0.01, hi: 0.2 };
/** The bump's shape: a lopsided wave, fundamental plus this much of its second harmonic. */
const OVERTONE = 0.7;
/**
 * B's own bumps (the part it does not take from A) are drawn on the same scale as A's, times
 * this: nobody can learn them from A, so they are kept small enough that the score is mostly
 * about what can be learned.
 */
export const HIDDEN_BUMP_SCALE = 0.3;
/** Large-scale structure: four waves up to `bandwidth` cycles along the arm (log-uniform), RMS `amplitude`. */
const STRUCTURE = { bandwidth: [1.2, 12] as [number, number], amplitude: [0.1, 0.22] as [number, number] };
/** B's structure of its own, as a share of (1 − the share it takes from A). */
export const HIDDEN_OWN_STRUCTURE = 0.15;

export type Relation = "twin" | "cousin" | "stranger";
export type Difficulty = "easy" | "normal" | "hard";

/** A's measurement noise (standard deviation of log r) by difficulty, drawn log-uniformly… */
export const NOISE: Record<Difficulty, [number, number]> = {
  easy: [0.008, 0.04],
  normal: [0.02, 0.09],
  hard: [0.04, 0.14],
};
/** …times a factor by kind: a shell is measured more sharply than a hurricane. */
export const NOISE_BY_KIND: Record<SpiralKind, number> = {
  shell: 0.6,
  plant: 0.8,
  horn: 1,
  other: 1,
  galaxy: 1.3,
  cyclone: 1.4,
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
  /** Share of A's large-scale structure that B follows, rounded to CUE_SHARE_STEP. */
  sharedShare: number;
  /** Share of A's own bumps that B keeps (a stranger: none), rounded to CUE_SHARE_STEP. */
  bumpsKept: number;
  /** Size of B's bumps next to A's (RMS ratio), rounded by `roundBumpRatio`. */
  bumpRatio: number;
  /**
   * What every player is told about B, as facts: the round message's `cue`. The client words it
   * (client/i18n/cue-text.ts), e.g. "Hidden: a hurricane (Hurricane Katrina), another kind. Shares
   * ~55% of A's large-scale shape and none of A's bumps; B's bumps ~2× A's."
   */
  view: CueView;
}

/**
 * The cue as it travels: exactly the facts its sentence states, nothing more (no seed, no
 * unrounded value). One of three sentences: a teacher's own words, a traced B, or a B drawn from A.
 */
export type CueView = GivenCueView | TracedCueView | DrawnCueView;

/** A teacher's own cue for a set's round: user data, shown as is. */
export interface GivenCueView {
  given: string;
}

/** B is a traced arm: what it is and its relation to A; its shape is its own ("Traced by hand: …"). */
export interface TracedCueView {
  relation: Relation;
  tracedB: true;
  /** B's name and cue phrase, as the teacher traced them (user data, shown as is). */
  name: string;
  phrase: string;
  /** B's kind when the sentence implies it (a twin or a cousin of A); a stranger's is not said. */
  kind?: SpiralKind;
}

/** B drawn from A: who B is, and how much of A's shape and bumps it shares (rounded). */
export interface DrawnCueView {
  relation: Relation;
  /** The spiral the sentence names: B (its catalog name), or for a twin A ("another <A>"). */
  name: string;
  /** Set when that name is a traced arm's (a teacher's words, shown as is, never translated). */
  nameTraced?: true;
  kind: SpiralKind;
  /** Share of A's large-scale shape B follows, in 5 % steps (0.55). */
  sharedShare: number;
  /** Share of A's bumps B keeps, in 5 % steps (0: none). */
  bumpsKept: number;
  /** B's bump size next to A's: to 0.1 below 2, whole from 2 up. */
  bumpRatio: number;
}

export interface RoundOptions {
  difficulty?: Difficulty;
  /** A round from a teacher's set (shared/round-set.ts): A and B given, catalog or traced. */
  set?: SetRoundSpec;
}

export interface Round {
  /** The key's public id: seeds A and the model's starting weights. */
  id: string;
  difficulty: Difficulty;
  /** A's visible turns. */
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
    /** A's own bumps along the visible arm (cycles), from the catalog's rate. */
    contourCycles: number;
    /** RMS size of A's own bumps in log r. */
    bumpSize: number;
  };
  /** Secret until the reveal: the key's part that seeds B. */
  hidden: string;
  /** Secret until the reveal. B is drawn over its own visible turns. */
  b: {
    spiral: SpiralEntry;
    points: SpiralPoints;
    rotation: number;
    turns: number;
    /** B's bumps: cycles along its arm, RMS size of all its bumps, share of A's bumps it keeps. */
    contourCycles: number;
    bumpSize: number;
    bumpsKept: number;
  };
  /** Share of A's large-scale structure that B has too (0…1). Secret until the reveal. */
  sharedStructure: number;
}

/** What a player may see before the reveal: everything but B, the share and B's key. */
export type VisibleRound = Omit<Round, "b" | "sharedStructure" | "hidden">;

export function visibleRound(round: Round): VisibleRound {
  const { b: _b, sharedStructure: _s, hidden: _h, ...visible } = round;
  return visible;
}

export const RELATION_ODDS: [Relation, number][] = [
  ["twin", 0.25],
  ["cousin", 0.4],
  ["stranger", 0.35],
];
/** How much of A's large-scale structure B takes, by relation (drawn uniformly)… */
export const SHARED_STRUCTURE: Record<Relation, [number, number]> = {
  twin: [0.85, 1],
  cousin: [0.8, 0.97],
  stranger: [0.75, 0.95],
};
/** …except that a stranger is, this often, hardly related at all. */
export const STRANGER_UNRELATED = { odds: 0.08, share: [0.05, 0.3] as [number, number] };
/** How much of A's own bumps B keeps, by relation (drawn uniformly): a stranger keeps none. */
export const BUMPS_KEPT: Record<Relation, [number, number]> = { twin: [0.4, 1], cousin: [0.1, 0.9], stranger: [0, 0] };

export function generateRound(catalog: Catalog, key: RoundKey, options: RoundOptions = {}): Round {
  const rngA = new Random(`round:${key.id}`); // public: A, its noise, split and structure
  const rngB = new Random(`hidden:${key.hidden}`); // secret until the reveal: everything about B
  const difficulty = options.difficulty ?? "normal";

  // ---- A: every draw from rngA ----
  const set = options.set;
  const givenA = set && resolveSide(catalog, set.a);
  const a = givenA?.spiral ?? rngA.pick(catalog.spirals);
  const turns = givenA?.arm ? givenA.turns : visibleTurns(a);
  const noise = logUniform(rngA, ...NOISE[difficulty]) * NOISE_BY_KIND[a.kind] * (givenA?.arm ? TRACED_NOISE_SCALE : 1);
  const structureAmp = rngA.uniform(...STRUCTURE.amplitude);
  let structure = randomWaves(rngA, logUniform(rngA, ...STRUCTURE.bandwidth), structureAmp);
  let bumpsA = contours(rngA, contourCycles(a, turns), bumpSize(rngA, a));
  const tA = jitteredGrid(rngA, POINTS_PER_SPIRAL);
  const plainA = plainSpiral(a, turns);
  if (givenA?.arm) {
    // A traced arm is its own shape: what it has beyond its plain spiral is A's structure (B
    // may share it), and it has no drawn bumps.
    const arm = givenA.arm;
    structure = (t) => arm(t) - plainA(t);
    bumpsA = { ...bumpsA, amp: 0, at: () => 0 };
  }
  const logrA = tA.map((t) => plainA(t) + structure(t) + bumpsA.at(t) + noise * normal(rngA));
  const { train, validation } = split(rngA, POINTS_PER_SPIRAL);
  const rotationA = rngA.uniform(0, 2 * Math.PI);

  // ---- B: every draw from rngB (A's values may shape them; A's stream never does) ----
  const givenB = set && resolveSide(catalog, set.b);
  const relation = set
    ? (set.relation ?? suggestedRelation(set.a, set.b, givenA!.spiral, givenB!.spiral))
    : possibleRelation(catalog, a, pickRelation(rngB));
  const b = givenB?.spiral ?? pickHidden(rngB, catalog, a, relation);
  const turnsB = givenB?.arm ? givenB.turns : visibleTurns(b);
  const unrelated = relation === "stranger" && rngB.next() < STRANGER_UNRELATED.odds;
  const sharedStructure = rngB.uniform(...(unrelated ? STRANGER_UNRELATED.share : SHARED_STRUCTURE[relation]));
  const bumpsKept = relation === "stranger" ? 0 : rngB.uniform(...BUMPS_KEPT[relation]);
  // B's structure: s of A's plus a little of its own; B's bumps: k of A's plus (1 − k) of its
  // own, at its own catalog rate and size (HIDDEN_BUMP_SCALE).
  const ownStructure = randomWaves(rngB, logUniform(rngB, ...STRUCTURE.bandwidth), structureAmp);
  const ownBumps = contours(rngB, contourCycles(b, turnsB), bumpSize(rngB, b) * HIDDEN_BUMP_SCALE);
  const tB = jitteredGrid(rngB, POINTS_PER_SPIRAL);
  const plainB = plainSpiral(b, turnsB);
  const s = sharedStructure,
    k = bumpsKept,
    own = HIDDEN_OWN_STRUCTURE * (1 - s);
  const bumpsB = tB.map((t) => k * bumpsA.at(t) + (1 - k) * ownBumps.at(t));
  // A traced B is B as traced: the real arm, nothing drawn on it.
  const tracedB = givenB?.arm;
  const logrB = tracedB
    ? tB.map(tracedB)
    : tB.map((t, i) => plainB(t) + s * structure(t) + own * ownStructure(t) + bumpsB[i]);
  const rotationB = rngB.uniform(0, 2 * Math.PI);

  // Bump sizes as they came out: the RMS over each arm's own points.
  // (A traced arm's "bumps" are how far it strays from its plain spiral.)
  const bumpSizeA = givenA?.arm ? rms(tA.map((t) => structure(t))) || 0.01 : rms(tA.map(bumpsA.at)),
    bumpSizeB = tracedB ? rms(tB.map((t, i) => logrB[i] - plainB(t))) : rms(bumpsB);
  // A traced A has no drawn bumps for B to keep; a traced B takes nothing from A: the cue says so.
  const facts = { sharedStructure, bumpsKept: givenA?.arm ? 0 : bumpsKept, bumpRatio: bumpSizeB / bumpSizeA };
  const cue = tracedB ? tracedCue(cueFor(a, b, relation, facts), b, relation) : cueFor(a, b, relation, facts);
  return {
    id: key.id,
    hidden: key.hidden,
    difficulty,
    turns,
    cue: set?.cue ? { ...cue, view: { given: set.cue } } : cue,
    a: {
      spiral: a,
      points: toPoints(tA, logrA, turns, rotationA),
      train,
      validation,
      noise,
      rotation: rotationA,
      contourCycles: bumpsA.cycles,
      bumpSize: bumpSizeA,
    },
    b: {
      spiral: b,
      points: toPoints(tB, logrB, turnsB, rotationB),
      rotation: rotationB,
      turns: turnsB,
      contourCycles: ownBumps.cycles,
      bumpSize: bumpSizeB,
      bumpsKept,
    },
    sharedStructure,
  };
}

/** A traced A's measurement noise, next to a catalog A's: the hand that traced it added some already. */
export const TRACED_NOISE_SCALE = 0.5;

/** One side of a set's round: its catalog entry (or one made for a traced arm) and the traced arm over t. */
function resolveSide(
  catalog: Catalog,
  side: ResolvedSpiral,
): { spiral: SpiralEntry; arm?: (t: number) => number; turns: number } {
  if ("catalog" in side) {
    const spiral = catalog.spirals.find((s) => s.id === side.catalog);
    if (!spiral) throw new Error(`no catalog spiral "${side.catalog}"`);
    return { spiral, turns: visibleTurns(spiral) };
  }
  const traced = side.traced;
  const last = traced.theta[traced.theta.length - 1];
  const spiral = tracedEntry(traced);
  return { spiral, arm: (t) => logrAt(traced, t * last), turns: last / (2 * Math.PI) };
}

/** The cue of a round whose B is a traced arm: what B is, and that its shape is its own. */
function tracedCue(cue: Cue, b: SpiralEntry, relation: Relation): Cue {
  return {
    ...cue,
    sharedShare: 0,
    bumpsKept: 0,
    view: {
      relation,
      tracedB: true,
      name: b.name,
      phrase: b.cue,
      ...(relation === "stranger" ? {} : { kind: b.kind }),
    },
  };
}

/** A catalog entry for a traced spiral (its plain spiral: the logarithmic one fitted to the trace). */
export function tracedEntry(traced: TracedSpiral): SpiralEntry {
  const fit = fitSpiral(traced);
  return {
    id: "traced",
    name: traced.name,
    about: traced.about || `${traced.name}, traced by hand.`,
    kind: traced.kind,
    spiralType: "logarithmic",
    pitchDeg: { value: fit.pitchDeg, estimate: true },
    turns: { value: fit.turns, estimate: true },
    arms: 1,
    contours: {
      what: "as traced",
      perTurn: 4,
      amplitude: Math.max(0.005, Math.min(0.3, fit.residual)),
      estimate: true,
    },
    cue: traced.cue,
    source: { citation: "Traced on the /create page from a photo or a drawing.", figures: "Fitted to the trace." },
  };
}

/** The relation a set's round suggests when it names none: the same spiral is a twin, the same kind a cousin. */
function suggestedRelation(a: ResolvedSpiral, b: ResolvedSpiral, sa: SpiralEntry, sb: SpiralEntry): Relation {
  const same =
    "catalog" in a && "catalog" in b
      ? a.catalog === b.catalog
      : "traced" in a && "traced" in b && JSON.stringify(a.traced) === JSON.stringify(b.traced);
  return same ? "twin" : sa.kind === sb.kind ? "cousin" : "stranger";
}

const rms = (values: number[]) => Math.sqrt(values.reduce((sum, v) => sum + v * v, 0) / values.length);

function pickRelation(rng: Random): Relation {
  let u = rng.next();
  for (const [relation, odds] of RELATION_ODDS) if ((u -= odds) < 0) return relation;
  return "stranger";
}

/** Pools of B for each relation to A (a twin is A itself). */
const poolFor = (catalog: Catalog, a: SpiralEntry, relation: Relation): SpiralEntry[] =>
  relation === "twin"
    ? [a]
    : catalog.spirals.filter((s) => s.id !== a.id && (relation === "cousin" ? s.kind === a.kind : s.kind !== a.kind));

/**
 * The drawn relation, or the nearest one the catalog allows (a room narrowed to one kind has no
 * strangers; a kind with one entry has no cousins), so the cue never names a relation B lacks.
 */
function possibleRelation(catalog: Catalog, a: SpiralEntry, relation: Relation): Relation {
  const order: Relation[] =
    relation === "stranger"
      ? ["stranger", "cousin", "twin"]
      : relation === "cousin"
        ? ["cousin", "stranger", "twin"]
        : ["twin"];
  return order.find((r) => poolFor(catalog, a, r).length > 0)!;
}

function pickHidden(rng: Random, catalog: Catalog, a: SpiralEntry, relation: Relation): SpiralEntry {
  return relation === "twin" ? a : rng.pick(poolFor(catalog, a, relation));
}

/** The cue's shares are rounded to this step (5 %). */
export const CUE_SHARE_STEP = 0.05;
const roundShare = (v: number) => Math.round(v / CUE_SHARE_STEP) * CUE_SHARE_STEP;
/** A bump-size ratio as the cue states it: to 0.1 below 2, to whole numbers from 2 up. */
export function roundBumpRatio(ratio: number): number {
  return ratio < 1.95 ? Math.max(0.1, Math.round(ratio * 10) / 10) : Math.round(ratio);
}
/** Half the rounding step of a ratio the cue states: the most it may differ from the truth. */
export const bumpRatioTolerance = (stated: number) => (stated < 2 ? 0.05 : 0.5);

/** A rounded share as it travels: whole percents (0.15, not 0.15000000000000002). */
const wireShare = (v: number) => Math.round(v * 100) / 100;

/** What the cue states about B, before rounding (defaults: the longest sentence). */
export interface CueFacts {
  sharedStructure: number;
  bumpsKept: number;
  bumpRatio: number;
}

/**
 * The one-line cue about B that every player sees while tuning: what B is, how closely it
 * follows A's large-scale shape and what its bumps are like, in rounded numbers. Coarse on
 * purpose: nothing in it can rebuild B's points.
 */
export function cueFor(
  a: SpiralEntry,
  b: SpiralEntry,
  relation: Relation,
  facts: CueFacts = { sharedStructure: 1, bumpsKept: 0.55, bumpRatio: 1.5 },
): Cue {
  const sharedShare = roundShare(facts.sharedStructure);
  const bumpsKept = relation === "stranger" ? 0 : roundShare(facts.bumpsKept);
  const bumpRatio = roundBumpRatio(facts.bumpRatio);
  // A twin is named as "another <A>"; any other B by its own name (and the catalog's phrase for it).
  const named = relation === "twin" ? a : b;
  const view: DrawnCueView = {
    relation,
    name: named.name,
    ...(named.id === "traced" ? { nameTraced: true as const } : {}),
    kind: named.kind,
    sharedShare: wireShare(sharedShare),
    bumpsKept: wireShare(bumpsKept),
    bumpRatio,
  };
  return { relation, hiddenName: b.name, hiddenKind: b.kind, sharedShare, bumpsKept, bumpRatio, view };
}

function visibleTurns(spiral: SpiralEntry): number {
  return clamp(spiral.turns.value, VISIBLE_TURNS.min, VISIBLE_TURNS.max);
}

/**
 * The plain spiral: log r along the visible arm for the spiral's type and pitch, before
 * structure, bumps and noise. The scoring compares what A's fit and B have beyond their own.
 */
export function plainSpiral(spiral: SpiralEntry, turns: number): (t: number) => number {
  const sweep = 2 * Math.PI * turns;
  const tanPitch = detTan((spiral.pitchDeg.value * Math.PI) / 180);
  switch (spiral.spiralType) {
    // r = e^(bθ), b = tan(pitch): a line in (θ, log r), the same pitch all along.
    case "logarithmic":
      return (t) => tanPitch * sweep * t;
    // r ∝ θ0 + θ: the catalog pitch is the pitch where the visible arm starts, tan ψ = 1/θ0.
    case "archimedean": {
      const start = 1 / tanPitch;
      return (t) => detLog(start + sweep * t);
    }
    // r ∝ √(θ0 + θ): tan ψ = 1/(2θ0) where the visible arm starts.
    case "fermat": {
      const start = 1 / (2 * tanPitch);
      return (t) => 0.5 * detLog(start + sweep * t);
    }
  }
}

/** Bumps along the arm for a spiral: its catalog rate over the visible turns, squeezed on a log scale. */
function contourCycles(spiral: SpiralEntry, turns: number): number {
  const rate = clamp(spiral.contours.perTurn * turns, CONTOUR_RATE.lo, CONTOUR_RATE.hi);
  const u = detLog(rate / CONTOUR_RATE.lo) / detLog(CONTOUR_RATE.hi / CONTOUR_RATE.lo);
  return CONTOUR_CYCLES.min + u * (CONTOUR_CYCLES.max - CONTOUR_CYCLES.min);
}

function bumpSize(rng: Random, spiral: SpiralEntry): number {
  const size = clamp(spiral.contours.amplitude, CONTOUR_SIZE.lo, CONTOUR_SIZE.hi);
  const u = detLog(size / CONTOUR_SIZE.lo) / detLog(CONTOUR_SIZE.hi / CONTOUR_SIZE.lo);
  return (CONTOUR_AMPLITUDE.min + u * (CONTOUR_AMPLITUDE.max - CONTOUR_AMPLITUDE.min)) * rng.uniform(0.8, 1.25);
}

/** A standard normal draw (Box–Muller) with engine-independent arithmetic. */
function normal(rng: Random): number {
  const u = 1 - rng.next();
  return Math.sqrt(-2 * detLog(u)) * detCos(2 * Math.PI * rng.next());
}

function logUniform(rng: Random, lo: number, hi: number): number {
  return detExp(rng.uniform(detLog(lo), detLog(hi)));
}

/** A smooth random function: a few sine waves no faster than `bandwidth` cycles along the arm. */
function randomWaves(rng: Random, bandwidth: number, rms: number): (t: number) => number {
  const waves = Array.from({ length: 4 }, () => ({
    f: rng.uniform(0.25, 1) * bandwidth,
    phase: rng.uniform(0, 2 * Math.PI),
    c: normal(rng),
  }));
  const norm = Math.sqrt(waves.reduce((s, w) => s + w.c * w.c, 0) / 2) || 1;
  return (t) => (rms / norm) * waves.reduce((s, w) => s + w.c * detSin(2 * Math.PI * w.f * t + w.phase), 0);
}

/** A spiral's own bumps: a lopsided wave (fundamental + OVERTONE × its second harmonic), RMS `amp` over whole cycles. */
function contours(rng: Random, cycles: number, amp: number) {
  const phase = rng.uniform(0, 2 * Math.PI);
  const at = (t: number) => {
    const a = 2 * Math.PI * cycles * t + phase;
    return (amp * (detSin(a) + OVERTONE * detSin(2 * a))) / Math.sqrt((1 + OVERTONE * OVERTONE) / 2);
  };
  return { cycles, amp, at };
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
export function toPoints(
  t: number[],
  logr: number[],
  turns: number,
  rotation: number,
  maxLogr = Math.max(...logr),
): SpiralPoints {
  const theta = t.map((u) => 2 * Math.PI * turns * u);
  const x = theta.map((th, i) => detExp(logr[i] - maxLogr) * detCos(th + rotation));
  const y = theta.map((th, i) => detExp(logr[i] - maxLogr) * detSin(th + rotation));
  return { t, theta, logr, x, y };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
