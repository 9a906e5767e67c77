// The spiral catalog (assets/spirals.json), validated when it loads so a bad entry fails loudly,
// naming the entry and the field.
import { z } from "zod";

export const SPIRAL_KINDS = ["shell", "galaxy", "cyclone", "plant", "horn", "other"] as const;
export const SPIRAL_TYPES = ["logarithmic", "archimedean", "fermat"] as const;

const figure = (min: number, max: number) =>
  z.strictObject({
    value: z.number().finite().min(min).max(max),
    estimate: z.boolean(),
    note: z.string().max(200).optional(),
  });

const spiralSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case"),
  name: z.string().min(1).max(40),
  /** What it is, in one sentence of real facts: the caption beside its picture. */
  about: z.string().min(10).max(200),
  kind: z.enum(SPIRAL_KINDS),
  spiralType: z.enum(SPIRAL_TYPES),
  pitchDeg: figure(1, 80),
  turns: figure(0.5, 8),
  arms: z.number().int().min(1).max(100),
  contours: z.strictObject({
    what: z.string().min(1).max(120),
    perTurn: z.number().finite().min(0.5).max(60),
    amplitude: z.number().finite().min(0.005).max(0.3),
    estimate: z.boolean(),
    note: z.string().max(200).optional(),
  }),
  cue: z.string().min(1).max(60),
  source: z.strictObject({
    citation: z.string().min(10).max(400),
    url: z.string().url().optional(),
    figures: z.string().min(1).max(400),
  }),
});

export type SpiralEntry = z.infer<typeof spiralSchema>;
export type SpiralKind = SpiralEntry["kind"];
export interface Catalog {
  version: number;
  spirals: SpiralEntry[];
}

export class CatalogError extends Error {}

/** Validates raw catalog JSON. Errors name the entry (by id when it has one) and the field. */
export function parseCatalog(raw: unknown): Catalog {
  const top = z.strictObject({ version: z.literal(1), spirals: z.array(z.unknown()).min(2) }).safeParse(raw);
  if (!top.success) throw new CatalogError(`Spiral catalog: ${describe(top.error.issues[0])}`);

  const spirals: SpiralEntry[] = [];
  const seen = new Set<string>();
  top.data.spirals.forEach((entry, index) => {
    const id = typeof (entry as { id?: unknown })?.id === "string" ? (entry as { id: string }).id : `#${index}`;
    const parsed = spiralSchema.safeParse(entry);
    if (!parsed.success)
      throw new CatalogError(`Spiral catalog entry "${id}" (index ${index}): ${describe(parsed.error.issues[0])}`);
    if (seen.has(parsed.data.id))
      throw new CatalogError(`Spiral catalog entry "${id}" (index ${index}): field "id" repeats an earlier entry`);
    seen.add(parsed.data.id);
    spirals.push(parsed.data);
  });
  return { version: 1, spirals };
}

function describe(issue: z.core.$ZodIssue): string {
  const field = issue.path.length ? issue.path.join(".") : "(entry)";
  return `field "${field}": ${issue.message}`;
}
