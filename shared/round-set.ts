// Round sets: a teacher's named list of rounds, each A and B taken from the catalog or from a
// traced spiral (shared/tracer.ts), with a relation and a cue. The zod schemas here are the checks
// the server applies (POST /api/sets, a room's create option `set`) and the page applies before
// sending; docs/round-set.schema.json is published from `roundSetSchema` (z.toJSONSchema).
// A round from a set is played by the same generator as a catalog round (shared/round.ts, with
// `SetRoundSpec`): B stays on the server until the reveal.
import { z } from "zod";
import { SPIRAL_KINDS } from "./catalog";
import { CATALOG } from "./spirals";
import { TRACE_LIMITS, fitSpiral, type PolarArm } from "./tracer";
import { issueProblem, type Problem, type ProblemParams } from "./problems";

export const RELATIONS = ["twin", "cousin", "stranger"] as const;
export type Relation = (typeof RELATIONS)[number];

/** Limits of one set, and per teacher key. */
export const SET_LIMITS = {
  /** Rounds in a set (a room plays them in order; ROUNDS.max). */
  maxRounds: 20,
  /** Traced spirals in a set. */
  maxSpirals: 12,
  /** Bytes of a set's JSON (the body of POST /api/sets). */
  maxBytes: 96 * 1024,
  /** Sets one teacher key keeps. */
  perKey: 50,
  /** Bytes of all of one key's sets together. */
  bytesPerKey: 2 * 1024 * 1024,
} as const;

/** A set's file format version. */
export const ROUND_SET_VERSION = 1;

/** No markup, no control characters: text shown as it is, on a page or a projector. */
export const plainText = (min: number, max: number) =>
  z
    .string()
    .min(min, "text-too-short")
    .max(max, "text-too-long")
    .refine((s) => !/[\p{Cc}\p{Cf}]/u.test(s), "text-control-characters")
    .refine((s) => !/[<>]/.test(s), "text-markup")
    .refine((s) => s.trim().length >= min, "text-only-spaces")
    .transform((s) => s.trim().replace(/\s+/g, " "));

const MAX_THETA = 2 * Math.PI * TRACE_LIMITS.maxTurns + 1;

/** A measured value as a refusal's parameter: rounded as it is shown (a non-finite one as text, which JSON keeps). */
const round = (x: number, digits: number): number | string =>
  Number.isFinite(x) ? Number(x.toFixed(digits)) : String(x);

/** A traced arm as a set stores it: θ from 0 strictly increasing, log r from its first point. */
export const tracedSpiralSchema = z
  .strictObject({
    name: plainText(1, 40),
    kind: z.enum(SPIRAL_KINDS),
    /** What the player is told it is, e.g. "a snail shell from the school garden". */
    cue: plainText(1, 60),
    about: plainText(0, 200).optional(),
    theta: z.array(z.number().finite().min(0).max(MAX_THETA)).min(TRACE_LIMITS.minPoints).max(TRACE_LIMITS.maxPoints),
    logr: z.array(z.number().finite().min(-20).max(20)).min(TRACE_LIMITS.minPoints).max(TRACE_LIMITS.maxPoints),
  })
  .superRefine((s, ctx) => {
    if (s.logr.length !== s.theta.length)
      return void ctx.addIssue({ code: "custom", path: ["logr"], message: "logr-length-mismatch" });
    if (s.theta[0] !== 0) ctx.addIssue({ code: "custom", path: ["theta", 0], message: "arm-starts-at-zero" });
    for (let i = 1; i < s.theta.length; i++)
      if (!(s.theta[i] > s.theta[i - 1]))
        return void ctx.addIssue({ code: "custom", path: ["theta", i], message: "arm-theta-not-increasing" });
    const fit = fitSpiral(s);
    const L = TRACE_LIMITS;
    if (fit.turns < L.minTurns || fit.turns > L.maxTurns)
      ctx.addIssue({
        code: "custom",
        path: ["theta"],
        message: "arm-turns-out-of-range",
        params: { turns: round(fit.turns, 2), min: L.minTurns, max: L.maxTurns },
      });
    if (!(fit.pitchDeg >= L.minPitchDeg && fit.pitchDeg <= L.maxPitchDeg))
      ctx.addIssue({
        code: "custom",
        path: ["logr"],
        message: "arm-pitch-out-of-range",
        params: { pitch: round(fit.pitchDeg, 1), min: L.minPitchDeg, max: L.maxPitchDeg },
      });
  });
export type TracedSpiral = z.infer<typeof tracedSpiralSchema>;

const catalogIds = new Set(CATALOG.spirals.map((s) => s.id));

/** A or B of a round: a catalog spiral by id, or a traced spiral of the set by its index. */
export const spiralRefSchema = z.union([
  z.strictObject({
    catalog: z
      .string()
      .max(60)
      .refine((id) => catalogIds.has(id), "catalog-unknown"),
  }),
  z.strictObject({
    traced: z
      .number()
      .int()
      .min(0)
      .max(SET_LIMITS.maxSpirals - 1),
  }),
]);
export type SpiralRef = z.infer<typeof spiralRefSchema>;

export const setRoundSchema = z.strictObject({
  a: spiralRefSchema,
  b: spiralRefSchema,
  /** How B relates to A (its share of A's shape is drawn as for catalog rounds); default: suggested. */
  relation: z.enum(RELATIONS).optional(),
  /** The cue players read while tuning; default: the suggested one (`suggestedCue`). */
  cue: plainText(1, 160).optional(),
});
export type SetRound = z.infer<typeof setRoundSchema>;

export const roundSetSchema = z
  .strictObject({
    version: z.literal(ROUND_SET_VERSION),
    name: plainText(1, 60),
    spirals: z.array(tracedSpiralSchema).max(SET_LIMITS.maxSpirals),
    rounds: z.array(setRoundSchema).min(1).max(SET_LIMITS.maxRounds),
  })
  .superRefine((set, ctx) => {
    set.rounds.forEach((round, i) => {
      for (const side of ["a", "b"] as const) {
        const ref = round[side];
        if ("traced" in ref && ref.traced >= set.spirals.length)
          ctx.addIssue({
            code: "custom",
            path: ["rounds", i, side, "traced"],
            message: "traced-index-missing",
            params: { traced: ref.traced, spirals: set.spirals.length },
          });
      }
    });
  });
export type RoundSet = z.infer<typeof roundSetSchema>;
export type RoundSetInput = z.input<typeof roundSetSchema>;

/** A refusal: the code `invalid-set`, with the field (a dotted path, e.g. "rounds.1.b.catalog") and the reason in params. */
export interface SetProblem extends Problem {
  error: string;
  params: ProblemParams;
  field: string;
}

/**
 * Checks a set: the value, or the first problem as codes (`{ error: "invalid-set", params: { field,
 * reason, ...facts }, field }`; the client words it with describeProblem).
 */
export function checkSet(raw: unknown): { ok: true; set: RoundSet } | ({ ok: false } & SetProblem) {
  const parsed = roundSetSchema.safeParse(raw);
  if (parsed.success) return { ok: true, set: parsed.data };
  const { error, params = {}, field } = issueProblem(parsed.error, "(set)", "invalid-set");
  return { ok: false, error, params, field };
}

/** One side of a round as the generator takes it: a catalog id, or the traced spiral itself. */
export type ResolvedSpiral = { catalog: string } | { traced: TracedSpiral };

/** Everything a round from a set is made of, beside its key: it travels in the opening (server only until the reveal). */
export interface SetRoundSpec {
  a: ResolvedSpiral;
  b: ResolvedSpiral;
  relation?: Relation;
  cue?: string;
}

/** The rounds of a set as the generator takes them (traced references replaced by the spirals). */
export function setRoundSpecs(set: RoundSet): SetRoundSpec[] {
  const resolve = (ref: SpiralRef): ResolvedSpiral =>
    "catalog" in ref ? { catalog: ref.catalog } : { traced: set.spirals[ref.traced] };
  const kindOf = (ref: SpiralRef) =>
    "catalog" in ref ? CATALOG.spirals.find((s) => s.id === ref.catalog)!.kind : set.spirals[ref.traced].kind;
  return set.rounds.map((r) => ({
    a: resolve(r.a),
    b: resolve(r.b),
    relation: r.relation ?? suggestedRelation(r.a, r.b, kindOf(r.a), kindOf(r.b)),
    ...(r.cue ? { cue: r.cue } : {}),
  }));
}

/** The relation a round suggests when it names none: the same spiral is a twin, the same kind a cousin. */
export function suggestedRelation(a: SpiralRef, b: SpiralRef, kindA: string, kindB: string): Relation {
  if (JSON.stringify(a) === JSON.stringify(b)) return "twin";
  return kindA === kindB ? "cousin" : "stranger";
}

/** The arm of a traced spiral (θ, log r), for the tracer's helpers. */
export const armOf = (s: TracedSpiral): PolarArm => ({ theta: s.theta, logr: s.logr });

/** A set's summary, as the teacher's list shows it. */
export interface SetSummary {
  id: string;
  name: string;
  rounds: number;
  spirals: number;
  bytes: number;
  createdAt: string;
  /** The share link's token when the set is shared (for teacher keys only: see SECURITY.md). */
  share?: string;
}

/** The page that imports a shared set (it asks for a teacher key before it opens the set). */
export const sharedSetPath = (token: string) => `/create?shared=${encodeURIComponent(token)}`;
/** A share token: 18 random bytes, base64url. */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{24}$/;
