// Solo practice in real Chromium, with the built page served by a plain static file server and
// no game server anywhere: the whole round loop (training with a progress bar, tuning, lock in,
// reveal with the U-curve and "what would have been best", next round, back home) runs in the
// page, and its fits equal the ones Node computes for the same seed (wasm on both sides; the
// round message rounds its numbers, and the rounded values must be identical). While the model
// trains (in a Web Worker) the page keeps painting frames.
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { hasChromium, launchChromium } from "./chromium";
import { buildClient, startStaticServer, type StaticServer } from "./static-server";
import { loadTf } from "../../server/tf";
import { practiceOpening } from "../../shared/round-key";
import { roundOf } from "../../shared/round-proof";
import { fitRound, type HiddenFit } from "../../shared/round-ladder";
import { fromWire, roundMessage } from "../../shared/round-messages";
import { scoreRound } from "../../shared/match";
import { pointsArithmetic } from "../../shared/scoring";
import type { RoundMessage } from "../../shared/protocol";
import type { RevealView } from "../../shared/reveal-view";

const SHOTS = resolve("test-results/screenshots/practice");
const SEED = "practice-7";

const phase = (page: Page, name: string) => page.locator(`[data-testid=phase][data-phase=${name}]`);

/** What Node computes for a seed: the round message a match room would send, and the hidden errors. */
async function nodeRound(seed: string, roundNumber: number): Promise<{ message: RoundMessage; hidden: HiddenFit[] }> {
  const opening = practiceOpening(seed);
  const round = roundOf(opening);
  const { fits, hidden } = fitRound(await loadTf(), round);
  return { message: fromWire(roundMessage(roundNumber, round, fits, opening)), hidden: hidden! }; // as the page holds it
}

/** Paths where two JSON values differ (the first few), so a failure says where, not 6,000 numbers. */
function differences(a: unknown, b: unknown, path = "", out: string[] = []): string[] {
  if (out.length >= 8) return out;
  if (typeof a === "object" && a && typeof b === "object" && b) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys)
      differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out);
  } else if (a !== b) {
    // (=== on purpose: JSON turns the -0 that rounding makes into 0)
    out.push(`${path}: page ${JSON.stringify(a)} · node ${JSON.stringify(b)}`);
  }
  return out;
}

async function pageRound(page: Page): Promise<{ seed: string; round: RoundMessage }> {
  const data = page.getByTestId("practice-data");
  const round = JSON.parse((await data.getAttribute("data-round"))!) as RoundMessage;
  return { seed: (await data.getAttribute("data-seed"))!, round };
}

/** Counts animation frames and notes every training-progress change, from before the page's own scripts run. */
function recordFrames(): void {
  const w = window as unknown as { __frames: number[]; __progress: { value: number; frames: number; at: number }[] };
  w.__frames = [];
  w.__progress = [];
  const tick = (t: number) => {
    if (w.__frames.length < 20_000) w.__frames.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  document.addEventListener("DOMContentLoaded", () => {
    const bar = document.getElementById("training-bar");
    if (!bar) return;
    new MutationObserver(() => {
      w.__progress.push({
        value: Number(bar.getAttribute("aria-valuenow")),
        frames: w.__frames.length,
        at: performance.now(),
      });
    }).observe(bar, { attributes: true, attributeFilter: ["aria-valuenow"] });
  });
}

function watchProblems(page: Page, problems: string[]): void {
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  // A missing file shows up as a console error too; the static server's log says which (see `notFiles`).
  page.on("console", (m) => {
    if (m.type() === "error" && !/status of 404/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on("websocket", (ws) => problems.push(`opened a WebSocket to ${ws.url()}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
}

async function noWiderThanViewport(page: Page, what: string): Promise<void> {
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll, `${what} is wider than the viewport`).toBeLessThanOrEqual(inner);
}

describe.skipIf(!hasChromium)("solo practice, served statically, no game server", () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    console.log(`Screenshots of solo practice go to ${SHOTS}`);
    server = await startStaticServer(await buildClient());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    "plays whole rounds from the home screen; the page keeps painting while it trains; the fits equal Node's",
    { timeout: 180_000 },
    async () => {
      const problems: string[] = [];
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.setDefaultTimeout(60_000);
      watchProblems(page, problems);
      await page.addInitScript(recordFrames);
      await page.goto(server.url);
      await phase(page, "home").waitFor();
      await page.screenshot({ path: `${SHOTS}/home.png`, fullPage: true });

      // Practice: training first, with a moving progress bar.
      await page.getByTestId("practice").click();
      await phase(page, "training").waitFor();
      expect(new URL(page.url()).searchParams.get("practice")).toMatch(/^p-/);
      await phase(page, "tuning").waitFor(); // (no screenshot meanwhile: taking one holds frames back; round 2 has it)

      // The page kept painting while the worker trained: frames between the progress updates, no long stall.
      const { progress, frames } = await page.evaluate(() => {
        const w = window as unknown as {
          __frames: number[];
          __progress: { value: number; frames: number; at: number }[];
        };
        return { progress: w.__progress, frames: w.__frames };
      });
      const values = progress.map((p) => p.value);
      console.log(`progress seen: ${values.join(" ")}`);
      expect(
        values.some((v) => v > 0 && v < 100),
        "the bar moved through intermediate values",
      ).toBe(true);
      expect(values.at(-1)).toBe(100);
      expect([...values].sort((a, b) => a - b)).toEqual(values);
      const first = progress.find((p) => p.value > 0)!;
      const last = progress.at(-1)!;
      const during = frames.filter((t) => t >= first.at - 1 && t <= last.at + 1);
      let maxGap = 0;
      for (let i = 1; i < during.length; i++) maxGap = Math.max(maxGap, during[i] - during[i - 1]);
      console.log(
        `while training (${Math.round(last.at - first.at)} ms of progress): ${last.frames - first.frames} frames painted, longest gap between frames ${Math.round(maxGap)} ms`,
      );
      expect(last.frames - first.frames, "frames were painted while the progress bar moved").toBeGreaterThanOrEqual(3);
      expect(maxGap, "the main thread never stalled for a second while training").toBeLessThan(1000);

      // Tuning: the same controls as a match, and the page's fits equal Node's for the seed.
      const { seed, round } = await pageRound(page);
      const node = await nodeRound(seed, round.round);
      expect(differences(round, node.message), `seed ${seed}: the page's round message against Node's`).toEqual([]);
      console.log(`seed ${seed}: the page's 12 fits equal Node's (A: ${round.a.name})`);
      const slider = page.getByTestId("detail-slider");
      for (const level of [1, 7, 3]) {
        await slider.fill(String(level));
        await expect
          .poll(() => page.locator("#validation-error").textContent())
          .toBe(node.message.fits[level - 1].validationError.toFixed(4));
      }
      await expect.poll(() => page.locator("#timer").textContent()).toBe("No time limit");
      await page.screenshot({ path: `${SHOTS}/2-tuning.png`, fullPage: true });

      // Lock in: the reveal scores the pick as a room would, with the U-curve and the best level.
      await page.getByTestId("lock-in").click();
      await phase(page, "reveal").waitFor();
      const reveal = JSON.parse((await page.getByTestId("practice-data").getAttribute("data-reveal"))!) as RevealView;
      const scored = scoreRound(node.hidden, [{ sessionId: "practice", name: "You", level: 3 }]);
      expect(reveal.bestLevel).toBe(scored.bestLevel);
      expect(reveal.results[0]).toMatchObject({ level: 3, points: scored.results[0].points });
      reveal.hidden.forEach((h, i) =>
        expect(Math.abs(h.error - node.hidden[i].error) / node.hidden[i].error).toBeLessThan(1e-9),
      );
      await expect
        .poll(() => page.getByTestId("my-points").getAttribute("data-points"))
        .toBe(String(scored.results[0].points));
      await expect
        .poll(() => page.getByTestId("practice-best").textContent())
        .toContain(`Level ${scored.bestLevel} (hidden error`);
      await expect(page.locator("#u-curve canvas").isVisible()).resolves.toBe(true);
      await expect
        .poll(() => page.locator("#arithmetic").textContent())
        .toContain(pointsArithmetic(scored.results[0].sum));
      await page.screenshot({ path: `${SHOTS}/3-reveal.png`, fullPage: true });

      // Next round: a new seed, the total carries on.
      await page.getByRole("button", { name: "Next practice round" }).click();
      await phase(page, "training").waitFor();
      await page.waitForFunction(
        () => {
          const v = Number(document.getElementById("training-bar")?.getAttribute("aria-valuenow"));
          return (
            (v >= 40 && v < 100) ||
            document.querySelector("[data-testid=phase]")?.getAttribute("data-phase") !== "training"
          );
        },
        undefined,
        { polling: "raf" },
      );
      await page.screenshot({ path: `${SHOTS}/1-training.png`, fullPage: true });
      await phase(page, "tuning").waitFor();
      const second = await pageRound(page);
      expect(second.seed).not.toBe(seed);
      expect(new URL(page.url()).searchParams.get("practice")).toBe(second.seed);
      await slider.fill("12");
      await page.getByTestId("lock-in").click();
      await phase(page, "reveal").waitFor();
      const reveal2 = JSON.parse((await page.getByTestId("practice-data").getAttribute("data-reveal"))!) as RevealView;
      await expect
        .poll(() => page.getByTestId("my-points").getAttribute("data-points"))
        .toBe(String(scored.results[0].points + reveal2.results[0].points));
      await page.screenshot({ path: `${SHOTS}/4-second-reveal.png`, fullPage: true });

      // Back home (the browser's Back button too).
      await page.getByTestId("practice-home").click();
      await phase(page, "home").waitFor();
      expect(new URL(page.url()).search).toBe("");
      await page.goBack();
      await phase(page, "tuning").waitFor({ timeout: 60_000 }); // forward into the practice link again: it replays that round
      await page.goBack();
      await phase(page, "home").waitFor();

      expect(problems).toEqual([]);
      // The browser asks for /favicon.ico by itself; everything else the page asked for was a built file.
      const notFiles = server.requests.filter((r) => !r.startsWith("200 GET ") && r !== "404 GET /favicon.ico");
      expect(notFiles, "the page asked only for built files (no game server, no WebSocket)").toEqual([]);
      await page.close();
    },
  );

  it(
    "replays a round from /?practice=SEED on a phone, with the same fits as Node's",
    { timeout: 120_000 },
    async () => {
      const problems: string[] = [];
      const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      page.setDefaultTimeout(60_000);
      watchProblems(page, problems);
      await page.goto(`${server.url}/?practice=${SEED}`);
      await phase(page, "tuning").waitFor();
      const { seed, round } = await pageRound(page);
      expect(seed).toBe(SEED);
      const node = await nodeRound(SEED, round.round);
      expect(differences(round, node.message), `seed ${SEED}: the page's round message against Node's`).toEqual([]);
      await noWiderThanViewport(page, "practice tuning on a phone");
      await page.screenshot({ path: `${SHOTS}/phone-tuning.png`, fullPage: true });

      await page.getByTestId("detail-slider").fill("12");
      await page.getByTestId("lock-in").click();
      await phase(page, "reveal").waitFor();
      const best = scoreRound(node.hidden, [{ sessionId: "practice", name: "You", level: 12 }]);
      await expect
        .poll(() => page.getByTestId("my-points").getAttribute("data-points"))
        .toBe(String(best.results[0].points));
      await expect
        .poll(() => page.getByTestId("practice-summary").getAttribute("data-best-level"))
        .toBe(String(best.bestLevel));
      if (best.bestLevel < 12)
        await expect.poll(() => page.getByTestId("practice-summary").textContent()).toContain("Too much detail");
      await noWiderThanViewport(page, "practice reveal on a phone");
      await page.screenshot({ path: `${SHOTS}/phone-reveal.png`, fullPage: true });
      expect(problems).toEqual([]);
      await page.close();
    },
  );
});
