// The pictures of the spirals (issue 17) in real Chromium, served statically: every catalog
// entry's picture is drawn (the home page's gallery), none is blank and each differs from every
// other (pixel statistics and thumbnails of the canvases); in a practice round A's picture lies
// behind its points, the picture / data toggle changes the canvas and is remembered across a
// reload; at the reveal B appears as its object, then dissolves into its points with the fit
// (data-morph: object → dissolve → fit → done), and prefers-reduced-motion skips the morph.
// The contact sheet (docs/images/spirals.png) and a reveal mid-morph (docs/images/reveal-morph.png)
// are written to docs/images with UPDATE_README_IMAGES=1, else to test-results/screenshots/pictures.
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { hasChromium, launchChromium } from "./chromium";
import { buildClient, startStaticServer, type StaticServer } from "./static-server";
import { CATALOG } from "../../shared/spirals";

const SHOTS = resolve("test-results/screenshots/pictures");
const README_IMAGES = process.env.UPDATE_README_IMAGES === "1" ? resolve("docs/images") : SHOTS;
const HOW_TO_KEY = "shell-galaxy:how-to-seen";
const SEED = process.env.PICTURES_SEED ?? "pictures-1";

const phase = (page: Page, name: string) => page.locator(`[data-testid=phase][data-phase=${name}]`);

interface CanvasStats {
  id: string;
  kind: string;
  /** Standard deviation of the luminance (0–255). */
  lumaSd: number;
  /** Distinct colours after quantising each channel to 16 levels. */
  colours: number;
  /** Share of pixels that differ from the corner pixel by more than 24 in some channel. */
  drawn: number;
  /** A 24×24 RGB thumbnail (box-averaged), to compare pictures with each other. */
  thumb: number[];
}

/** Reads each gallery canvas's pixels in the page and sums them up. */
function galleryStats(): CanvasStats[] {
  const N = 24;
  return (Array.from(document.querySelectorAll("[data-testid=spiral-card]")) as HTMLElement[]).map((card) => {
    const canvas = card.querySelector("canvas.spiral-card-object") as HTMLCanvasElement;
    const { width: w, height: h } = canvas;
    const data = canvas.getContext("2d")!.getImageData(0, 0, w, h).data;
    let sum = 0,
      sum2 = 0,
      drawn = 0;
    const colours = new Set<number>();
    const thumb = new Array<number>(N * N * 3).fill(0);
    const [r0, g0, b0] = [data[0], data[1], data[2]];
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const i = 4 * (y * w + x);
        const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
        const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        sum += l;
        sum2 += l * l;
        colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
        if (Math.max(Math.abs(r - r0), Math.abs(g - g0), Math.abs(b - b0)) > 24) drawn++;
        const t = 3 * (Math.floor((y * N) / h) * N + Math.floor((x * N) / w));
        thumb[t] += r;
        thumb[t + 1] += g;
        thumb[t + 2] += b;
      }
    const n = w * h;
    const cell = n / (N * N);
    return {
      id: card.dataset.id!,
      kind: card.dataset.kind!,
      lumaSd: Math.sqrt(Math.max(0, sum2 / n - (sum / n) ** 2)),
      colours: colours.size,
      drawn: drawn / n,
      thumb: thumb.map((v) => v / cell),
    };
  });
}

/** Mean absolute difference of two thumbnails, per channel (0–255). */
const thumbDistance = (a: number[], b: number[]) => a.reduce((s, v, i) => s + Math.abs(v - b[i]), 0) / a.length;

/** The game canvas's pixels (the Canvas renderer in headless Chromium; WebGL is read through a copy). */
function spiralCanvasSignature(): { mean: number; thumb: number[] } {
  const source = document.querySelector<HTMLCanvasElement>("#spiral-view canvas")!;
  const copy = document.createElement("canvas");
  copy.width = 64;
  copy.height = 64;
  const ctx = copy.getContext("2d")!;
  ctx.drawImage(source, 0, 0, 64, 64);
  const data = ctx.getImageData(0, 0, 64, 64).data;
  const thumb: number[] = [];
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) {
    thumb.push(data[i], data[i + 1], data[i + 2]);
    sum += data[i] + data[i + 1] + data[i + 2];
  }
  return { mean: sum / (thumb.length || 1), thumb };
}

describe.skipIf(!hasChromium)("the pictures of the spirals", () => {
  let browser: Browser;
  let server: StaticServer;
  const problems: string[] = [];

  async function open(options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    await context.addInitScript((key) => localStorage.setItem(key, "1"), HOW_TO_KEY);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" && !/status of 404/.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    return page;
  }

  beforeAll(async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    mkdirSync(README_IMAGES, { recursive: true });
    console.log(`Screenshots of the pictures go to ${SHOTS}; the README's to ${README_IMAGES}`);
    server = await startStaticServer(await buildClient());
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("draws every catalog entry's picture: none blank, each different from every other", async () => {
    problems.length = 0;
    const page = await open({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.url);
    await phase(page, "home").waitFor();
    // The home page opens on the shell-to-galaxy morph.
    await page.locator("[data-testid=home-morph][data-morph=morph]").waitFor();
    await page.getByTestId("home-morph").screenshot({ path: `${SHOTS}/home-morph-middle.png` });
    await page.locator("[data-testid=home-morph][data-morph=done]").waitFor();
    await page.getByTestId("home-morph").screenshot({ path: `${SHOTS}/home-morph-end.png` });
    await page.getByTestId("open-spirals").click();
    await page.locator("[data-testid=spiral-gallery][data-ready=true]").waitFor();
    const stats = await page.evaluate(galleryStats);
    expect(stats.map((s) => s.id)).toEqual(CATALOG.spirals.map((s) => s.id));
    for (const s of stats)
      console.log(
        `  ${s.id.padEnd(24)} ${s.kind.padEnd(8)} luma sd ${s.lumaSd.toFixed(1).padStart(5)}, ` +
          `${String(s.colours).padStart(4)} colours, ${(100 * s.drawn).toFixed(0).padStart(3)}% drawn`,
      );
    for (const s of stats) {
      expect(s.lumaSd, `${s.id} is flat`).toBeGreaterThan(8);
      expect(s.colours, `${s.id} has too few colours`).toBeGreaterThan(16);
      expect(s.drawn, `${s.id} is mostly background`).toBeGreaterThan(0.05);
    }
    let closest = { d: Infinity, pair: "" };
    for (let i = 0; i < stats.length; i++)
      for (let j = i + 1; j < stats.length; j++) {
        const d = thumbDistance(stats[i].thumb, stats[j].thumb);
        if (d < closest.d) closest = { d, pair: `${stats[i].id} / ${stats[j].id}` };
        expect(d, `${stats[i].id} and ${stats[j].id} look the same`).toBeGreaterThan(4);
      }
    console.log(`the two most alike: ${closest.pair} (mean difference ${closest.d.toFixed(1)} of 255 per channel)`);
    // The contact sheet: every picture side by side, with its name (the captions' facts hidden).
    await page.addStyleTag({
      content:
        ".spiral-card-facts, .spiral-card figcaption span, .spiral-card figcaption br { display: none }" +
        "#spiral-gallery { position: absolute; left: 0; top: 0; width: 1360px; margin: 0; padding: 12px;" +
        " background: #040a1a; z-index: 100 } .spiral-gallery-grid { grid-template-columns: repeat(7, 1fr) }",
    });
    await page.getByTestId("spiral-gallery").screenshot({ path: `${README_IMAGES}/spirals.png` });
    await page.getByTestId("spiral-gallery").screenshot({ path: `${SHOTS}/gallery.png` });
    expect(problems).toEqual([]);
  });

  it(
    "in a round: A's picture behind its points, the toggle remembered, B's reveal morph",
    { timeout: 240_000 },
    async () => {
      problems.length = 0;
      const page = await open();
      // A fixed practice round (the same A and B every run, so the README's picture stays put).
      await page.goto(new URL(`/?practice=${SEED}`, server.url).href);
      await phase(page, "tuning").waitFor();
      const view = page.locator("#spiral-view");
      await expect.poll(() => view.getAttribute("data-picture")).toMatch(/^(shell|galaxy|cyclone|plant|horn|other)$/);
      expect(await view.getAttribute("data-picture-shown")).toBe("true");
      const name = await page.evaluate(
        () =>
          JSON.parse(document.querySelector<HTMLElement>("[data-testid=practice-data]")!.dataset.round!).a
            .name as string,
      );
      await expect.poll(() => page.getByTestId("spiral-caption").textContent()).toContain(name);
      await page.waitForTimeout(300);
      const withPicture = await page.evaluate(spiralCanvasSignature);
      await page.screenshot({ path: `${SHOTS}/tuning-picture.png` });

      // The toggle: data only changes the canvas, and is remembered across a reload.
      const toggle = page.getByTestId("picture-toggle");
      expect(await toggle.getAttribute("aria-pressed")).toBe("true");
      await toggle.click();
      expect(await view.getAttribute("data-picture-shown")).toBe("false");
      await page.waitForTimeout(300);
      const dataOnly = await page.evaluate(spiralCanvasSignature);
      expect(thumbDistance(withPicture.thumb, dataOnly.thumb), "the picture changed nothing").toBeGreaterThan(4);
      await page.screenshot({ path: `${SHOTS}/tuning-data.png` });
      await page.reload();
      await phase(page, "tuning").waitFor();
      expect(await page.getByTestId("picture-toggle").getAttribute("aria-pressed")).toBe("false");
      expect(await page.evaluate(() => localStorage.getItem("shell-galaxy:spiral-view"))).toBe("data");
      await page.getByTestId("picture-toggle").click();
      expect(await view.getAttribute("data-picture-shown")).toBe("true");

      // The reveal, slowed down eight times so each stage can be seen: object, dissolve, fit, done.
      await page.evaluate(() => {
        localStorage.setItem("shell-galaxy:morph-slow", "8");
        const w = window as unknown as { __morph: string[] };
        w.__morph = [];
        const box = document.getElementById("spiral-view")!;
        new MutationObserver(() => {
          const m = box.dataset.morph ?? "";
          if (w.__morph[w.__morph.length - 1] !== m) w.__morph.push(m);
        }).observe(box, { attributes: true, attributeFilter: ["data-morph"] });
      });
      await page.getByTestId("lock-in").click();
      await page.locator("#spiral-view[data-morph=object]").waitFor();
      await page.waitForTimeout(3000);
      await view.screenshot({ path: `${SHOTS}/reveal-object.png` });
      await page.locator("#spiral-view[data-morph=dissolve]").waitFor();
      await page.waitForTimeout(2600);
      await page.locator("#spiral-view").screenshot({ path: `${README_IMAGES}/reveal-morph.png` });
      await page.locator("#spiral-view[data-morph=done]").waitFor({ timeout: 60_000 });
      await page.screenshot({ path: `${SHOTS}/reveal-done.png` });
      const stages = await page.evaluate(() => (window as unknown as { __morph: string[] }).__morph);
      expect(stages.filter((s) => s !== "done")).toEqual(["object", "dissolve", "fit"]);
      await expect.poll(() => page.getByTestId("reveal-caption").textContent()).toMatch(/B: /);
      expect(problems).toEqual([]);
    },
  );

  it("prefers-reduced-motion skips the morph: B's points and fit at once", { timeout: 240_000 }, async () => {
    problems.length = 0;
    const page = await open({ reducedMotion: "reduce" });
    await page.goto(server.url);
    // The home page's opening shows its last frame at once (its first drawn frame is the last).
    await page.locator("[data-testid=home-morph][data-morph]").waitFor();
    expect(await page.getByTestId("home-morph").getAttribute("data-morph")).toBe("done");
    await page.getByTestId("practice").click();
    await phase(page, "tuning").waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { __morph: string[] };
      w.__morph = [];
      const box = document.getElementById("spiral-view")!;
      new MutationObserver(() => w.__morph.push(box.dataset.morph ?? "")).observe(box, {
        attributes: true,
        attributeFilter: ["data-morph"],
      });
    });
    await page.getByTestId("lock-in").click();
    await phase(page, "reveal").waitFor();
    await page.locator("#spiral-view[data-morph=done]").waitFor();
    await page.waitForTimeout(500);
    const stages = await page.evaluate(() => (window as unknown as { __morph: string[] }).__morph);
    expect(
      stages.every((s) => s === "done"),
      `stages seen: ${stages.join(", ")}`,
    ).toBe(true);
    expect(problems).toEqual([]);
  });
});
