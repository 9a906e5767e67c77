// Picture or data: whether the spiral's object is drawn behind its points, remembered in this
// browser ("shell-galaxy:spiral-view" = "picture" | "data"; pictures by default). Every view on the
// page follows a change at once.
import { readStored, writeStored } from "../../storage";

const KEY = "spiral-view";
const listeners = new Set<(shown: boolean) => void>();

export function picturesShown(): boolean {
  return readStored(KEY) !== "data";
}

export function setPicturesShown(shown: boolean): void {
  writeStored(KEY, shown ? "picture" : "data");
  for (const f of listeners) f(shown);
}

export function onPicturesShown(f: (shown: boolean) => void): void {
  listeners.add(f);
}

/** Tests slow the reveal's morph down (localStorage "shell-galaxy:morph-slow" = a factor) to photograph it. */
export function morphSlowdown(): number {
  const factor = Number(readStored("morph-slow"));
  return Number.isFinite(factor) && factor >= 1 ? Math.min(factor, 100) : 1;
}
