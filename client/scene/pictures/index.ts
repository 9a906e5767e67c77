// The picture of a spiral: the painter for its kind, given the round's own points and the
// entry's facts. `entryFor` finds a round's entry in the catalog by the name the round sends.
import type { SpiralEntry } from "../../../shared/catalog";
import { CATALOG } from "../../../shared/spirals";
import { painting, type PictureSpec } from "./common";
import { paintCyclone } from "./cyclone";
import { paintGalaxy } from "./galaxy";
import { paintHorn } from "./horn";
import { paintOther } from "./other";
import { paintPlant } from "./plant";
import { paintShell } from "./shell";

export type { PictureSpec } from "./common";

const PAINTERS = {
  shell: paintShell,
  galaxy: paintGalaxy,
  cyclone: paintCyclone,
  plant: paintPlant,
  horn: paintHorn,
  other: paintOther,
} as const;

/** Paints the picture into its square (clipped to it). */
export function paintPicture(ctx: CanvasRenderingContext2D, spec: PictureSpec): void {
  if (spec.x.length < 2) return;
  const { left, top, side } = spec.box;
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, side, side);
  ctx.clip();
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
  PAINTERS[spec.kind](painting(ctx, spec));
  ctx.restore();
}

/** The catalog entry a round names (by its name, else undefined). */
export function entryFor(name: string | undefined): SpiralEntry | undefined {
  return name === undefined ? undefined : CATALOG.spirals.find((s) => s.name === name);
}

export const isKind = (kind: string): kind is PictureSpec["kind"] => kind in PAINTERS;
