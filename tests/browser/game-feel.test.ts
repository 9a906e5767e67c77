// Game feel in real Chromium (issue 6): the first-time "how to play" (skippable, remembered) and
// the remembered mute toggle; a round played with the keyboard only (Tab to the controls, arrows
// and number keys move the slider and the fit, Enter locks in, the reveal announced in the live
// region) on a 1366×768 Chromebook with nothing cut off; a phone round by touch in portrait
// (390×844) and landscape (844×390) with nothing wider than the screen, reduced motion honoured;
// the frame rate while tuning in a room of 60 players (59 SDK bots), against the same page idle;
// and a short match whose screenshots go to the README (UPDATE_README_IMAGES=1 writes
// docs/images; otherwise they land with the rest in test-results/screenshots/game-feel).
import { fitsScreen } from "./layout";
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { Client, type Room } from "@colyseus/sdk";
import { friendlyName } from "../../shared/friendly-names";
import { Random } from "../../shared/random";
import { cueFor } from "../../shared/round";
import { cueText } from "../../client/i18n/cue-text";
import { CATALOG } from "../../shared/spirals";
import { hasChromium, launchChromium } from "./chromium";
import { startAppServer, type AppServer } from "./app-server";

const SHOTS = resolve("test-results/screenshots/game-feel");
const README_IMAGES = process.env.UPDATE_README_IMAGES === "1" ? resolve("docs/images") : resolve(SHOTS, "readme");
const HOW_TO_KEY = "shell-galaxy:how-to-seen";

const phase = (page: Page, name: string) => page.locator(`[data-testid=phase][data-phase=${name}]`);
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.dataset.testid ?? el?.id ?? "";
  });

/** Presses Tab until the element with that test id (or id) has the focus; returns the presses. */
async function tabTo(page: Page, id: string, max = 60): Promise<number> {
  for (let i = 0; i <= max; i++) {
    if ((await focused(page)) === id) return i;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${id} (focus is on ${await focused(page)})`);
}

/** A bot with the SDK: a player's phone without a screen (it ignores what the room tells it). */
async function bot(url: string, code: string, name: string): Promise<Room> {
  const room = await new Client(url).joinById(code, { name });
  for (const type of ["round", "reveal", "pickCounts", "podium", "error"]) room.onMessage(type, () => undefined);
  return room;
}

/** The longest cue any pair in the catalog can give (the round's spirals are random). */
const LONGEST_CUE = CATALOG.spirals
  .flatMap((a) =>
    CATALOG.spirals.map((b) =>
      cueText(cueFor(a, b, a.id === b.id ? "twin" : a.kind === b.kind ? "cousin" : "stranger").view),
    ),
  )
  .reduce((x, y) => (y.length > x.length ? y : x));

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];

describe.skipIf(!hasChromium)("game feel in Chromium", () => {
  let browser: Browser;
  let app: AppServer;
  const problems: string[] = [];

  async function open(who: string, options: BrowserContextOptions = {}, seenHowTo = true): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
    if (seenHowTo) await context.addInitScript((key) => localStorage.setItem(key, "1"), HOW_TO_KEY);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on("pageerror", (e) => problems.push(`${who}: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`${who} console: ${m.text()}`);
    });
    return page;
  }
  const shoot = (page: Page, what: string, fullPage = true) =>
    page.screenshot({ path: `${SHOTS}/${what}.png`, fullPage });

  async function createRoom(
    page: Page,
    name: string,
    settings: { rounds?: number; seconds?: number } = {},
  ): Promise<string> {
    await page.goto(app.url);
    await page.getByTestId("name-input").fill(name);
    await page.getByTestId("create-room").click();
    await phase(page, "lobby").waitFor();
    if (settings.rounds) await page.getByTestId("rounds-input").fill(String(settings.rounds));
    if (settings.seconds) await page.getByTestId("tuning-seconds-input").fill(String(settings.seconds));
    await page.getByTestId("rounds-input").blur();
    return (await page.getByTestId("room-code").textContent())!.trim();
  }

  beforeAll(async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    mkdirSync(README_IMAGES, { recursive: true });
    console.log(`Screenshots of the game-feel tests go to ${SHOTS}; the README's pictures to ${README_IMAGES}`);
    app = await startAppServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    console.log(`Screenshots of the game-feel tests are in ${SHOTS}`);
    await browser?.close();
    app?.stop();
  });

  it("shows how to play the first time (interactive, skippable, remembered) and remembers mute", async () => {
    problems.length = 0;
    const page = await open("First", { viewport: { width: 1280, height: 800 } }, false);
    await page.goto(app.url);
    const howTo = page.getByTestId("how-to-play");
    await howTo.waitFor();
    await shoot(page, "01-how-to-step-1");
    // Interactive: the toy's slider moves the fit; Reveal B scores the level on B.
    const before = await page.locator(".how-to-fit").getAttribute("d");
    await page.locator("#how-to-slider").focus();
    for (let i = 0; i < 9; i++) await page.keyboard.press("ArrowRight");
    expect(await page.locator(".how-to-fit").getAttribute("d")).not.toBe(before);
    expect(await page.locator("#how-to-text").textContent()).toContain("level 10");
    await page.getByTestId("how-to-next").click();
    await expect.poll(() => page.locator("#how-to-text").textContent()).toMatch(/level 10 → \d+ points/);
    const overfit = Number(/→ (\d+) points/.exec((await page.locator("#how-to-text").textContent())!)![1]);
    await page.locator("#how-to-slider").focus();
    for (let i = 0; i < 7; i++) await page.keyboard.press("ArrowLeft");
    const shape = Number(/→ (\d+) points/.exec((await page.locator("#how-to-text").textContent())!)![1]);
    expect(shape).toBeGreaterThan(overfit); // the lesson: the shape beats the noise
    await page.waitForTimeout(700);
    await shoot(page, "02-how-to-step-2-B-revealed");
    await page.getByTestId("how-to-next").click();
    await page.getByTestId("how-to-next").click(); // "Let's play"
    await howTo.waitFor({ state: "hidden" });
    await page.reload();
    await page.getByTestId("name-input").waitFor();
    expect(await howTo.isVisible()).toBe(false);
    // The home screen's "How to play" opens it again; Skip closes it.
    await page.locator("#open-how-to").click();
    await howTo.waitFor();
    await page.getByTestId("skip-how-to").click();
    await howTo.waitFor({ state: "hidden" });

    // The mute toggle: pressed = muted, remembered across reloads.
    const mute = page.getByTestId("mute-toggle");
    expect(await mute.getAttribute("aria-pressed")).toBe("false");
    expect(await mute.getAttribute("aria-label")).toBeTruthy();
    await mute.click();
    expect(await mute.getAttribute("aria-pressed")).toBe("true");
    await page.reload();
    await expect.poll(() => mute.getAttribute("aria-pressed")).toBe("true");
    await mute.click();
    expect(await mute.getAttribute("aria-pressed")).toBe("false");

    // A fresh visitor can skip straight away.
    const other = await open("Skipper", { viewport: { width: 390, height: 844 } }, false);
    await other.goto(app.url);
    await other.getByTestId("how-to-play").waitFor();
    await shoot(other, "03-how-to-phone");
    await fitsScreen(other, "how to play on a phone");
    await other.getByTestId("skip-how-to").click();
    await other.getByTestId("how-to-play").waitFor({ state: "hidden" });
    expect(await other.evaluate((k) => localStorage.getItem(k), HOW_TO_KEY)).toBe("1");
    expect(problems).toEqual([]);
  });

  it("plays a round with the keyboard only on a 1366×768 Chromebook", { timeout: 120_000 }, async () => {
    problems.length = 0;
    const page = await open("Kay", { viewport: { width: 1366, height: 768 } }, false);
    await page.goto(app.url);
    await page.getByTestId("how-to-play").waitFor();
    // Skip the how-to from the keyboard; the focus lands in the name field.
    await tabTo(page, "skip-how-to");
    await page.keyboard.press("Enter");
    await page.getByTestId("how-to-play").waitFor({ state: "hidden" });
    expect(await focused(page)).toBe("name-input");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Kay");
    await tabTo(page, "create-room");
    await page.keyboard.press("Enter");
    await phase(page, "lobby").waitFor();
    await tabTo(page, "rounds-input");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("1");
    await tabTo(page, "start-match");
    await page.keyboard.press("Enter");
    await phase(page, "tuning").waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId("announcer").textContent()).toContain("tuning");

    // Tab to the controls from the top of the page.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const presses = await tabTo(page, "detail-slider");
    console.log(`keyboard: ${presses} Tab presses from the top of the page to the detail slider`);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline, "a visible focus on the slider").not.toBe("none");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("lock-in"); // the next stop after the slider
    await page.keyboard.press("Shift+Tab");
    expect(await focused(page)).toBe("detail-slider");

    const level = () => page.locator("#level-out").textContent();
    const validation = () => page.locator("#validation-error").textContent();
    const v1 = await validation();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    expect(await level()).toBe("3");
    expect(await validation()).not.toBe(v1); // the fit follows
    expect(await page.getByTestId("detail-slider").inputValue()).toBe("3");
    for (const [key, want] of [
      ["7", "7"],
      ["0", "10"],
      ["Shift+Digit1", "11"],
      ["Shift+Digit2", "12"],
      ["-", "11"],
      ["+", "12"],
      ["Home", "1"],
      ["End", "12"],
      ["ArrowLeft", "11"],
      ["4", "4"],
    ] as const) {
      await page.keyboard.press(key);
      expect(await level(), `after ${key}`).toBe(want);
    }
    await page.waitForTimeout(300); // the fit's morph settles
    await shoot(page, "10-keyboard-tuning-1366x768", false);
    await fitsScreen(page, "tuning at 1366×768", ["spiral-view", "detail-slider", "lock-in", "cue"]);

    // Enter locks in; alone in the room, the reveal follows at once and is announced.
    await page.keyboard.press("Enter");
    await phase(page, "reveal").waitFor();
    await expect
      .poll(() => page.getByTestId("announcer").textContent())
      .toMatch(/Reveal: B was .+ You picked level 4: \d+ points/);
    console.log(`announced: ${await page.getByTestId("announcer").textContent()}`);
    await expect
      .poll(() => page.locator("#points-burst").textContent())
      .toBe(`+${await page.locator("#points-burst").getAttribute("data-value")}`);
    await shoot(page, "11-keyboard-reveal-1366x768", false);
    await fitsScreen(page, "reveal at 1366×768", ["spiral-view", "my-result"]);
    await shoot(page, "12-keyboard-reveal-1366x768-full");

    // The host's Next, from the keyboard: the podium, announced.
    await tabTo(page, "next-round");
    await page.keyboard.press("Enter");
    await phase(page, "podium").waitFor();
    await expect.poll(() => page.getByTestId("announcer").textContent()).toMatch(/Match over\. You finished 1st of 1/);
    await shoot(page, "13-keyboard-podium-1366x768");
    await fitsScreen(page, "podium at 1366×768");
    expect(problems).toEqual([]);
  });

  it(
    "plays by touch on a phone: portrait 390×844 and landscape 844×390, with reduced motion",
    { timeout: 150_000 },
    async () => {
      problems.length = 0;
      const page = await open("Pia", {
        viewport: { width: 390, height: 844 },
        hasTouch: true,
        isMobile: true,
        deviceScaleFactor: 2,
      });
      await createRoom(page, "Pia", { rounds: 2, seconds: 60 });
      await shoot(page, "20-phone-lobby");
      await fitsScreen(page, "lobby on a phone");
      await page.getByTestId("start-match").tap();
      await phase(page, "training").waitFor();
      await shoot(page, "21-phone-training");
      await phase(page, "tuning").waitFor({ timeout: 60_000 });

      // Portrait: the spiral, the slider and Lock in on the first screen, reachable by a thumb.
      await page.getByTestId("level-up").tap();
      await page.getByTestId("level-up").tap();
      await expect.poll(() => page.locator("#level-out").textContent()).toBe("3");
      await page.getByTestId("level-down").tap();
      await expect.poll(() => page.locator("#level-out").textContent()).toBe("2");
      // A tap on the slider's track jumps there (about three quarters along: level 9).
      const box = (await page.getByTestId("detail-slider").boundingBox())!;
      await page.touchscreen.tap(box.x + box.width * (8 / 11) * 0.94 + 15, box.y + box.height / 2);
      await expect.poll(async () => Number(await page.locator("#level-out").textContent())).toBeGreaterThanOrEqual(7);
      await page.waitForTimeout(300);
      await page.evaluate(() => scrollTo(0, 0)); // the first screen, as the round opens
      await fitsScreen(page, "tuning on a phone (portrait)", ["spiral-view", "detail-slider", "lock-in", "cue"]);
      await shoot(page, "22-phone-tuning-portrait", false);
      await shoot(page, "22-phone-tuning-portrait-full");
      // Whatever this round's spirals: the longest cue in the catalog still leaves Lock in in view.
      const showCue = async (text: string) => {
        await page.evaluate((t) => {
          document.getElementById("cue")!.textContent = t;
          dispatchEvent(new Event("resize"));
        }, text);
        await page.waitForTimeout(100); // the stage re-measures on the next frame
      };
      const cue = (await page.locator("#cue").textContent())!;
      await showCue(LONGEST_CUE);
      await fitsScreen(page, `tuning on a phone (portrait) with a ${LONGEST_CUE.length}-character cue`, [
        "spiral-view",
        "detail-slider",
        "lock-in",
        "cue",
      ]);
      await shoot(page, "22-phone-tuning-portrait-longest-cue", false);
      await showCue(cue);
      await page.getByTestId("lock-in").tap();
      await phase(page, "reveal").waitFor();
      await page.waitForTimeout(2600); // B fades in, the fit slides, the gaps light up, the points count up
      await fitsScreen(page, "reveal on a phone (portrait)");
      await shoot(page, "23-phone-reveal-portrait");

      // Landscape, and now with reduced motion: no tweens, no count-up.
      await page.setViewportSize({ width: 844, height: 390 });
      await page.emulateMedia({ reducedMotion: "reduce" });
      await page.locator("#next-round").tap();
      await phase(page, "tuning").waitFor({ timeout: 60_000 });
      await page.waitForTimeout(200); // the stage scrolls into view
      await fitsScreen(page, "tuning on a phone (landscape)", ["spiral-view", "detail-slider", "lock-in"]);
      await shoot(page, "24-phone-tuning-landscape", false);
      await page.getByTestId("level-up").tap();
      await expect.poll(() => page.locator("#level-out").textContent()).toBe("2");
      await page.getByTestId("lock-in").tap();
      await phase(page, "reveal").waitFor();
      const burst = page.locator("#points-burst");
      await expect.poll(() => burst.getAttribute("data-value")).toMatch(/^\d+$/);
      expect(await burst.textContent()).toBe(`+${await burst.getAttribute("data-value")}`); // at once
      await fitsScreen(page, "reveal on a phone (landscape)");
      await shoot(page, "25-phone-reveal-landscape", false);
      await shoot(page, "25-phone-reveal-landscape-full");
      await page.locator("#next-round").tap();
      await phase(page, "podium").waitFor();
      await fitsScreen(page, "podium on a phone (landscape)");
      await shoot(page, "26-phone-podium-landscape");
      expect(problems).toEqual([]);
    },
  );

  it("keeps the frame rate while tuning in a room of 60 players", { timeout: 180_000 }, async () => {
    problems.length = 0;
    const page = await open("Host", { viewport: { width: 1366, height: 768 } });
    const code = await createRoom(page, "Host", { rounds: 1, seconds: 120 });
    const random = new Random("game-feel-bots");
    const bots: Room[] = [];
    for (let i = 0; i < 59; i++) bots.push(await bot(app.url, code, friendlyName(random)));
    await expect.poll(() => page.getByTestId("player-list").locator("li").count()).toBe(60);
    await page.getByTestId("start-match").click();
    await phase(page, "tuning").waitFor({ timeout: 60_000 });

    // The bots tune like people: a pick every second or two; a third lock in along the way.
    let stop = false;
    const tuners = bots.map(async (b, i) => {
      const rng = new Random(`bot-${i}`);
      let picks = 0;
      while (!stop) {
        await new Promise((r) => setTimeout(r, 700 + rng.uniform(0, 1300)));
        if (stop) break;
        b.send("pick", { level: 1 + Math.floor(rng.uniform(0, 12)) });
        if (++picks === 3 + (i % 6) && i % 3 === 0) {
          b.send("lockIn", {});
          break;
        }
      }
    });

    // A spectator's page forced onto WebGL, to compare with the renderer the page picks itself.
    const webgl = await open("WebGL spectator", { viewport: { width: 1366, height: 768 } });
    await webgl.addInitScript(() => localStorage.setItem("shell-galaxy:renderer", "webgl"));
    await webgl.goto(app.url);
    await webgl.getByTestId("name-input").fill("Watcher");
    await webgl.getByTestId("code-input").fill(code);
    await webgl.locator("#spectate").check();
    await webgl.getByTestId("join-room").click();
    await phase(webgl, "tuning").waitFor();

    /** Frame times (ms) over `ms`; with `tune`, the slider moves a level every 60 ms meanwhile. */
    const measure = (tune: boolean, on = page) =>
      on.evaluate(
        ({ tune, ms }) =>
          new Promise<number[]>((done) => {
            const slider = document.querySelector<HTMLInputElement>("[data-testid=detail-slider]")!;
            const times: number[] = [];
            let last = performance.now();
            const end = last + ms;
            let dir = 1;
            const mover = tune
              ? setInterval(() => {
                  let v = Number(slider.value) + dir;
                  if (v > 12 || v < 1) {
                    dir = -dir;
                    v += 2 * dir;
                  }
                  slider.value = String(v);
                  slider.dispatchEvent(new Event("input", { bubbles: true }));
                }, 60)
              : undefined;
            const frame = (now: number) => {
              times.push(now - last);
              last = now;
              if (now < end) requestAnimationFrame(frame);
              else {
                clearInterval(mover);
                done(times.slice(1));
              }
            };
            requestAnimationFrame(frame);
          }),
        { tune, ms: 6000 },
      );

    await page.waitForTimeout(1000);
    const idle = await measure(false);
    const tuning = await measure(true);
    const forcedWebgl = await measure(true, webgl);
    stop = true;
    await Promise.all(tuners);
    const stats = (times: number[]) => {
      const sorted = [...times].sort((a, b) => a - b);
      return {
        frames: times.length,
        medianFps: +(1000 / quantile(sorted, 0.5)).toFixed(1),
        p5Fps: +(1000 / quantile(sorted, 0.95)).toFixed(1),
        worstMs: +sorted[sorted.length - 1].toFixed(1),
      };
    };
    const idleStats = stats(idle);
    const tuningStats = stats(tuning);
    const webglStats = stats(forcedWebgl);
    const locked = await page.locator("#locked-count").textContent();
    const picked = await page.locator("#spiral-view").getAttribute("data-renderer");
    expect(await webgl.locator("#spiral-view").getAttribute("data-renderer")).toBe("webgl");
    const line = (what: string, x: ReturnType<typeof stats>) =>
      `  ${what.padEnd(48)} median ${x.medianFps} fps, 5th percentile ${x.p5Fps} fps, worst frame ${x.worstMs} ms (${x.frames} frames)`;
    console.log(`fps in a room of 60 players (${locked}), 1366×768, headless Chromium (SwiftShader, no GPU):`);
    console.log(line("idle page (baseline)", idleStats));
    console.log(line(`tuning, slider moving every 60 ms (${picked})`, tuningStats));
    console.log(line("the same, WebGL forced (software-rendered)", webglStats));
    console.log(
      JSON.stringify({
        fps: { players: 60, renderer: picked, idle: idleStats, tuning: tuningStats, forcedWebgl: webglStats },
      }),
    );
    await shoot(page, "30-tuning-60-players", false);
    expect(tuningStats.medianFps).toBeGreaterThanOrEqual(30); // a loose floor: a real laptop's GPU does far better
    await Promise.all(bots.map((b) => b.leave(true)));
    expect(problems).toEqual([]);
  });

  it("plays a short match for the README's pictures: home, tuning, reveal, podium", { timeout: 150_000 }, async () => {
    problems.length = 0;
    const readme = (page: Page, name: string) => page.screenshot({ path: `${README_IMAGES}/${name}.png` });
    const page = await open("Ada", { viewport: { width: 1280, height: 800 } }, false);
    await page.goto(app.url);
    await page.getByTestId("how-to-play").waitFor();
    await page.locator("#how-to-slider").fill("3");
    await page.getByTestId("how-to-next").click();
    await page.waitForTimeout(800);
    await readme(page, "home");
    await shoot(page, "40-readme-home");
    await page.getByTestId("skip-how-to").click();

    const code = await createRoom(page, "Ada", { rounds: 2, seconds: 60 });
    const random = new Random("readme-bots");
    const names = ["Curious Nautilus", "Bea", "Spiral Sam", "Galaxy Gus"];
    const bots: Room[] = [];
    for (const name of names) bots.push(await bot(app.url, code, name));
    await expect.poll(() => page.getByTestId("player-list").locator("li").count()).toBe(5);
    await shoot(page, "41-readme-lobby");
    await page.getByTestId("start-match").click();
    for (let round = 1; round <= 2; round++) {
      await phase(page, "tuning").waitFor({ timeout: 60_000 });
      for (const b of bots) {
        b.send("pick", { level: 1 + Math.floor(random.uniform(0, 12)) });
        b.send("lockIn", {});
      }
      await page.getByTestId("detail-slider").fill(round === 1 ? "4" : "6");
      await page.waitForTimeout(400);
      if (round === 1) {
        await readme(page, "tuning");
        await shoot(page, "42-readme-tuning");
      }
      await page.getByTestId("lock-in").click();
      await phase(page, "reveal").waitFor();
      await page.waitForTimeout(2800); // the reveal's moment plays out
      if (round === 1) {
        await page.evaluate(() => scrollTo(0, 0));
        await readme(page, "reveal");
        await shoot(page, "43-readme-reveal", false);
        await page.locator("#u-curve").scrollIntoViewIfNeeded();
        await page.waitForTimeout(300);
        await readme(page, "u-curve");
        await shoot(page, "44-readme-u-curve", false);
      }
      await page.locator("#next-round").click();
    }
    await phase(page, "podium").waitFor();
    await page.waitForTimeout(1500);
    await page.evaluate(() => scrollTo(0, 0));
    await readme(page, "podium");
    await shoot(page, "45-readme-podium");

    // The phone's tuning screen too.
    const phone = await open("Bea phone", { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const phoneCode = await createRoom(phone, "Bea", { rounds: 1, seconds: 60 });
    expect(phoneCode).toMatch(/^[A-Z2-9]{5}$/);
    await phone.getByTestId("start-match").tap();
    await phase(phone, "tuning").waitFor({ timeout: 60_000 });
    await phone.getByTestId("detail-slider").fill("5");
    await phone.waitForTimeout(400);
    await readme(phone, "phone-tuning");
    await shoot(phone, "46-readme-phone-tuning", false);
    await Promise.all(bots.map((b) => b.leave(true)));
    console.log(`README pictures written to ${README_IMAGES}`);
    expect(problems).toEqual([]);
  });
});
