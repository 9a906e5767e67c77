// Layout checks shared by the browser tests: nothing wider than the window, named elements in view,
// a projector that neither scrolls nor clips.
import type { Page } from "playwright-core";
import { expect } from "vitest";

/** Nothing wider than the window, and each named element wholly inside the window now. */
export async function fitsScreen(page: Page, what: string, inView: string[] = []): Promise<void> {
  const m = await page.evaluate((ids) => {
    const wide: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>("body *"))) {
      if (el.offsetParent === null || el.closest(".sr-only")) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.right > innerWidth + 1 || r.left < -1))
        wide.push(`${el.tagName.toLowerCase()}#${el.id}.${el.className}: ${Math.round(r.left)}–${Math.round(r.right)}`);
    }
    const out: string[] = [];
    for (const id of ids) {
      const el = document.querySelector<HTMLElement>(`[data-testid="${id}"], #${id}`);
      const r = el?.getBoundingClientRect();
      if (!r || r.width === 0 || r.top < -1 || r.left < -1 || r.bottom > innerHeight + 1 || r.right > innerWidth + 1) {
        out.push(
          `${id}: ${r ? `${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}` : "missing"} in ${innerWidth}×${innerHeight}`,
        );
      }
    }
    return { sw: document.documentElement.scrollWidth, w: innerWidth, wide: wide.slice(0, 8), out };
  }, inView);
  expect(m.sw, `${what}: the page is wider than the window`).toBeLessThanOrEqual(m.w);
  expect(m.wide, `${what}: elements wider than the window`).toEqual([]);
  expect(m.out, `${what}: cut off or out of view`).toEqual([]);
}

/** The projector neither scrolls nor clips: no overflow of the document, nor inside the panels `inside` names. */
export async function projectorFits(page: Page, what: string, inside: string[]): Promise<void> {
  const m = await page.evaluate(
    (selectors) => {
      const clipped: string[] = [];
      for (const el of Array.from(document.querySelectorAll<HTMLElement>(selectors))) {
        if (el.closest("[hidden]") || el.offsetParent === null) continue;
        if (el.scrollHeight > el.clientHeight + 2 || el.scrollWidth > el.clientWidth + 2) {
          clipped.push(
            `${el.id || el.className}: ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`,
          );
        }
      }
      const doc = document.documentElement;
      return { sw: doc.scrollWidth, sh: doc.scrollHeight, w: innerWidth, h: innerHeight, clipped };
    },
    inside.map((panel) => `#projector ${panel}`).join(", "),
  );
  expect(m.sw, `${what}: wider than the window`).toBeLessThanOrEqual(m.w);
  expect(m.sh, `${what}: taller than the window`).toBeLessThanOrEqual(m.h);
  expect(m.clipped, `${what}: content cut off`).toEqual([]);
}
