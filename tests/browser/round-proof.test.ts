// Round proofs and the reveal's lesson in real Chromium (issue 12, parts 1 and 5), against the
// real server: at a match's reveal every page checks the published opening against the round's
// commitment and the B it was shown ("✓ Verified", data-verified="yes") and shows the two gaps
// (training → validation, validation → hidden) of the pick and of the best level, on a desktop,
// a phone (390×844: nothing wider than the screen, the gaps box wholly in view when scrolled to)
// and the projector (1920×1080 and 1280×720: nothing cut off). The replay link plays the very
// same round in solo practice (same A, same B, the same gap sentences for the same level); a
// damaged link says so and goes home. The daily says when its values come; the leaderboard
// replays a past day's round and checks the B this browser kept against the published values.
// Screenshots go to test-results/screenshots/round-proof.
import { fitsScreen, projectorFits } from "./layout";
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { Client } from "@colyseus/sdk";
import { hasChromium, launchChromium, closeChromium } from "./chromium";
import { startAppServer, type AppServer } from "./app-server";
import { commitmentOf, parseReplayToken, type RoundOpening } from "../../shared/round-key";
import { roundOf } from "../../shared/round-proof";
import { COORDINATE_SCALE } from "../../shared/round-messages";
import { bumpsSentence, gapRows, noiseSentence, mostPicked } from "../../client/reveal-lesson";

const SHOTS = resolve("test-results/screenshots/round-proof");
const HOW_TO_KEY = "shell-galaxy:how-to-seen";
const DAMAGED = "This replay link is damaged or incomplete";

const phase = (page: Page, name: string) => page.locator(`[data-testid=phase][data-phase=${name}]`);
const inPhase = (page: Page, name: string) => phase(page, name).waitFor({ state: "attached" });
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const tokenOf = (href: string) => decodeURIComponent(new URL(href, "http://x").searchParams.get("replay") ?? "");

/** The projector neither scrolls nor clips: no overflow of the document, nor inside its panels (the gaps box too). */
const PROJECTOR_PANELS = [".pj-body", ".pj-col", ".pj-head", ".pj-board", ".pj-gaps", ".gap-row", ".pj-proof"];

interface GapsSeen {
  rows: { kind: string; level: number; title: string; noise: string; bumps: string }[];
}

/** The gaps box as shown: its rows (kind, level, title) and each row's two sentences. */
async function gapsOf(page: Page, testid = "reveal-gaps"): Promise<GapsSeen> {
  const box = page.getByTestId(testid);
  await box.waitFor();
  const rows = await box.locator(".gap-row").evaluateAll((els) =>
    els.map((el) => ({
      kind: el.getAttribute("data-kind")!,
      level: Number(el.getAttribute("data-level")),
      title: el.querySelector(".gap-head")?.textContent ?? "",
      noise: el.querySelector("[data-gap=noise]")?.textContent ?? "",
      bumps: el.querySelector("[data-gap=bumps]")?.textContent ?? "",
    })),
  );
  return { rows };
}

/** Both sentences, for the pick and the best level (one row when they are the same); `short`: without the values (the projector). */
function expectBothGaps(gaps: GapsSeen, pick: number | undefined, what: string, short = false): void {
  const kinds = gaps.rows.map((r) => r.kind);
  if (pick === undefined) expect(kinds, what).toEqual(["best"]);
  else
    expect(kinds.includes("both") ? ["both"] : kinds, what).toEqual(
      kinds.includes("both") ? ["both"] : ["pick", "best"],
    );
  if (pick !== undefined) expect(gaps.rows[0].level, what).toBe(pick);
  for (const r of gaps.rows) {
    const value = short ? "" : " \\d\\.\\d{4}";
    expect(r.noise, `${what}: level ${r.level}'s training → validation sentence`).toMatch(
      new RegExp(`^Training${value} → validation${value}: .+\\.$`),
    );
    expect(r.bumps, `${what}: level ${r.level}'s validation → hidden sentence`).toMatch(
      new RegExp(`^Validation${value} → hidden${value}: .+\\.$`),
    );
  }
}

describe("the reveal's words (no browser)", () => {
  it("names each gap right when it is big, small, about nothing or negative", () => {
    expect(noiseSentence(0.021, 0.048)).toBe("Training 0.0210 → validation 0.0480: it copied A's noise (gap 0.0270).");
    expect(noiseSentence(0.04, 0.045)).toBe(
      "Training 0.0400 → validation 0.0450: it copied a little of A's noise (gap 0.0050).",
    );
    expect(noiseSentence(0.05, 0.051)).toBe(
      "Training 0.0500 → validation 0.0510: almost no gap — it did not copy A's noise.",
    );
    expect(noiseSentence(0.1377, 0.1163)).toBe(
      "Training 0.1377 → validation 0.1163: validation is even lower (by 0.0214) — no sign it copied A's noise.",
    );
    expect(bumpsSentence(0.048, 0.093)).toBe(
      "Validation 0.0480 → hidden 0.0930: A's own bumps, which B lacks, cost another 0.0450.",
    );
    expect(bumpsSentence(0.04, 0.046)).toBe(
      "Validation 0.0400 → hidden 0.0460: A's own bumps, which B lacks, cost a little more (0.0060).",
    );
    expect(bumpsSentence(0.04, 0.0395)).toBe(
      "Validation 0.0400 → hidden 0.0395: almost no gap — what it learned from A held on B.",
    );
    expect(bumpsSentence(0.0615, 0.0337)).toBe(
      "Validation 0.0615 → hidden 0.0337: B came out 0.0278 lower — B has none of A's noise, which outweighed what A's own bumps cost.",
    );
    expect(noiseSentence(0.021, 0.048, true)).toBe("Training → validation: it copied A's noise (gap 0.0270).");
    expect(bumpsSentence(0.048, 0.093, true)).toBe(
      "Validation → hidden: A's own bumps, which B lacks, cost another 0.0450.",
    );
    expect(bumpsSentence(0.0615, 0.0337, true)).toBe(
      "Validation → hidden: B came out 0.0278 lower — B has none of A's noise.",
    );
  });

  it("gives the pick and the best level a row each, or one row when they are the same", () => {
    const round = {
      fits: [1, 2, 3].map((level) => ({
        level,
        trainError: 0.01 * level,
        validationError: 0.02 * level,
        x: [],
        y: [],
      })),
    };
    const reveal = {
      bestLevel: 2,
      hidden: [1, 2, 3].map((level) => ({ level, error: 0.03 * level, validationError: 0.02 * level })),
    };
    const two = gapRows(round, reveal, { level: 3, label: "Your level" });
    expect(two.map((r) => [r.kind, r.level, r.title])).toEqual([
      ["pick", 3, "Your level 3"],
      ["best", 2, "Best level 2"],
    ]);
    expect(two[0].noise).toContain("Training 0.0300 → validation 0.0600");
    expect(two[0].bumps).toContain("Validation 0.0600 → hidden 0.0900");
    expect(gapRows(round, reveal, { level: 2, label: "Your level" }).map((r) => r.title)).toEqual([
      "Your level 2 — the best level",
    ]);
    expect(gapRows(round, reveal).map((r) => r.kind)).toEqual(["best"]);
    expect(gapRows(undefined, reveal).map((r) => [r.noise, r.bumps.slice(0, 10)])).toEqual([[undefined, "Validation"]]); // no round message: no training error
    expect(mostPicked([4, 9, 9, 4, 2])).toEqual({ level: 4, count: 2 });
  });
});

describe.skipIf(!hasChromium)("round proofs and the reveal's gaps in Chromium", () => {
  let browser: Browser;
  let app: AppServer;
  const problems: string[] = [];

  async function open(who: string, options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
    // (A tab the page opens starts at about:blank, where storage is off limits.)
    await context.addInitScript((key) => {
      try {
        localStorage.setItem(key, "1");
      } catch {
        /* about:blank */
      }
    }, HOW_TO_KEY);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    page.on("pageerror", (e) => problems.push(`${who}: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" && !/status of 403/.test(m.text())) problems.push(`${who} console: ${m.text()}`);
    });
    return page;
  }
  const shoot = (page: Page, what: string, fullPage = true) =>
    page.screenshot({ path: `${SHOTS}/${what}.png`, fullPage });

  beforeAll(async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    console.log(`Screenshots of the round proofs go to ${SHOTS}`);
    app = await startAppServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    console.log(`Screenshots of the round proofs are in ${SHOTS}`);
    await closeChromium(browser);
    app?.stop();
  });

  it(
    "verifies a match's reveal, shows both gaps on desktop, phone and projector, and replays the round",
    { timeout: 300_000 },
    async () => {
      problems.length = 0;
      const ada = await open("Ada", { viewport: { width: 1280, height: 800 } });
      const bea = await open("Bea", {
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 2,
      });
      await ada.goto(app.url);
      await ada.getByTestId("name-input").fill("Ada");
      await ada.getByTestId("create-room").click();
      await phase(ada, "lobby").waitFor();
      const code = (await ada.getByTestId("room-code").textContent())!.trim();
      await ada.getByTestId("rounds-input").fill("1");
      await ada.getByTestId("tuning-seconds-input").fill("60");
      await ada.getByTestId("tuning-seconds-input").blur();
      await bea.goto(`${app.url}/?room=${code}`);
      await bea.getByTestId("name-input").fill("Bea");
      await bea.getByTestId("join-room").click();
      await phase(bea, "lobby").waitFor();
      // Two projectors watch as spectators: a classroom's 1920×1080 and an old 1280×720 beamer.
      const projectors = [
        { size: "1920", page: await open("Projector 1920", { viewport: { width: 1920, height: 1080 } }) },
        {
          size: "1280",
          page: await open("Projector 1280", { viewport: { width: 1280, height: 720 }, reducedMotion: "reduce" }),
        },
      ];
      for (const { page } of projectors) {
        await page.goto(`${app.url}/host?room=${code}`);
        await page.getByTestId("projector").waitFor();
      }
      // A third player without a screen picks Ada's level: the projector explains the most common pick.
      const cyd = await new Client(app.url).joinById(code, { name: "Cyd" });
      for (const type of ["round", "reveal", "pickCounts", "podium", "error"]) cyd.onMessage(type, () => undefined);
      await expect.poll(() => ada.getByTestId("player-list").locator("li").count()).toBe(3);
      await ada.getByTestId("start-match").click();

      await Promise.all([ada, bea].map((p) => phase(p, "tuning").waitFor()));
      const aName = (await ada.locator("#round-label").textContent())!.replace(/^.* · A: /, "");
      expect(aName).not.toMatch(/…$/);
      await ada.getByTestId("detail-slider").fill("9");
      await bea.getByTestId("detail-slider").fill("3");
      await expect.poll(() => bea.locator("#level-out").textContent()).toBe("3");
      cyd.send("pick", { level: 9 });
      cyd.send("lockIn", {});
      await ada.getByTestId("lock-in").click();
      await bea.getByTestId("lock-in").click();
      await Promise.all([ada, bea].map((p) => phase(p, "reveal").waitFor()));

      // Every player's page checks the reveal: the published values hash to the commitment and make the B it was shown.
      for (const [page, level] of [
        [ada, 9],
        [bea, 3],
      ] as const) {
        const verified = page.getByTestId("reveal-verified");
        await expect.poll(() => verified.getAttribute("data-verified")).toBe("yes");
        expect(await verified.textContent()).toBe("✓ Verified: B was fixed before anyone picked");
        expect(await verified.getAttribute("title")).toMatch(/commitment: [0-9a-f]{64}\.$/);
        expect(await page.locator("#reveal-proof .proof-how summary").textContent()).toBe("how?");
        const link = page.getByTestId("replay-link");
        expect(await link.textContent()).toBe("Replay this round");
        expect(await link.getAttribute("target")).toBe("_blank"); // the seat in the room stays where it is
        expectBothGaps(await gapsOf(page), level, `${level === 9 ? "Ada" : "Bea"}'s reveal`);
      }
      const href = (await ada.getByTestId("replay-link").getAttribute("href"))!;
      expect(href).toMatch(/^\/\?replay=/);
      expect(await bea.getByTestId("replay-link").getAttribute("href")).toBe(href);
      const opening = parseReplayToken(tokenOf(href))!;
      expect(opening, `the replay link ${href} holds a round`).toBeDefined();
      const commitment = commitmentOf(opening);
      expect(await ada.getByTestId("reveal-verified").getAttribute("title")).toContain(commitment);
      const bName = (await ada.locator("#cue").textContent())!.replace(/^B was (.*) \(.*\)\.$/, "$1");
      const adaGaps = await gapsOf(ada);
      const beaGaps = await gapsOf(bea);
      console.log(
        `round ${commitment.slice(0, 12)}…: A ${aName} → B ${bName}; Ada's gaps:\n  ${adaGaps.rows.map((r) => `${r.title}: ${r.noise} ${r.bumps}`).join("\n  ")}`,
      );
      expect(adaGaps.rows[0].title).toMatch(/^Your level 9/);

      // The screenshots: the desktop with the gaps and the proof in view, the phone whole and at the gaps.
      await ada.waitForTimeout(2600); // the reveal's moment plays out
      await ada.getByTestId("reveal-gaps").scrollIntoViewIfNeeded();
      await shoot(ada, "1-reveal-desktop-gaps-in-view", false);
      await shoot(ada, "1-reveal-desktop-full");
      await bea.waitForTimeout(300);
      await fitsScreen(bea, "the reveal on a phone");
      await bea.getByTestId("reveal-gaps").evaluate((el) => el.scrollIntoView({ block: "start" }));
      await bea.waitForTimeout(200);
      await fitsScreen(bea, "the reveal on a phone, scrolled to the gaps", [
        "reveal-gaps",
        "reveal-verified",
        "replay-link",
      ]);
      const clipped = await bea.getByTestId("reveal-gaps").evaluate((box) =>
        Array.from(box.querySelectorAll<HTMLElement>("*"))
          .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== "visible")
          .map((el) => el.className),
      );
      expect(clipped, "nothing inside the gaps box is cut off on a phone").toEqual([]);
      await shoot(bea, "2-reveal-phone-gaps-in-view", false);
      await shoot(bea, "2-reveal-phone-full");

      // The projectors: the proof line and the class's gaps under B, nothing cut off.
      for (const { size, page } of projectors) {
        await inPhase(page, "reveal");
        await expect.poll(() => page.getByTestId("pj-reveal-verified").getAttribute("data-verified")).toBe("yes");
        expect(await page.getByTestId("pj-reveal-verified").textContent()).toBe(
          "✓ Verified: B was fixed before anyone picked",
        );
        // Ada and Cyd picked 9, Bea 3: the class's pick is level 9, beside the best level (or both in one).
        const gaps = await gapsOf(page, "pj-reveal-gaps");
        expectBothGaps(gaps, 9, `the projector at ${size}`, true);
        expect(gaps.rows[0].title).toMatch(/^Most picked \(2 players\): level 9/);
        // The same words as Ada's, without the values (the bars beside show them).
        const shortened = (t: string) =>
          t
            .replace(/^(Training|Validation) [\d.]+ → (validation|hidden) [\d.]+/, "$1 → $2")
            .replace(", which outweighed what A's own bumps cost.", ".");
        expect(gaps.rows.map(({ noise, bumps, level }) => ({ noise, bumps, level }))).toEqual(
          adaGaps.rows.map(({ noise, bumps, level }) => ({ noise: shortened(noise), bumps: shortened(bumps), level })),
        );
        await page.waitForTimeout(1500);
        await shoot(page, `3-reveal-projector-${size}`);
        await projectorFits(page, `the reveal on the projector at ${size}`, PROJECTOR_PANELS);
      }

      // The replay link: a new tab plays the very same round in solo practice.
      const [replay] = await Promise.all([ada.context().waitForEvent("page"), ada.getByTestId("replay-link").click()]);
      replay.setDefaultTimeout(90_000);
      replay.on("pageerror", (e) => problems.push(`replay: ${e.message}`));
      await phase(replay, "tuning").waitFor();
      expect(tokenOf(replay.url())).toBe(tokenOf(href));
      expect(await replay.getByTestId("practice-kind").textContent()).toBe("Replay of a finished round");
      expect(await replay.locator("#practice-where").textContent()).toContain(`commitment ${commitment.slice(0, 12)}…`);
      expect(tokenOf((await replay.getByTestId("practice-link").getAttribute("href"))!)).toBe(tokenOf(href));
      const data = replay.getByTestId("practice-data");
      expect(JSON.parse((await data.getAttribute("data-round"))!).a.name).toBe(aName);
      expect(JSON.parse((await data.getAttribute("data-round"))!).commitment).toBe(commitment);
      await replay.getByTestId("detail-slider").fill("9");
      await replay.getByTestId("lock-in").click();
      await phase(replay, "reveal").waitFor();
      expect(JSON.parse((await data.getAttribute("data-reveal"))!).b.name).toBe(bName);
      const replayGaps = await gapsOf(replay);
      expectBothGaps(replayGaps, 9, "the replay's reveal");
      expect(replayGaps, "the replay's gaps are the match's, word for word (same fits, same hidden errors)").toEqual(
        adaGaps,
      );
      expect(await replay.locator("#reveal-proof").isVisible()).toBe(false); // practice's B is its own: nothing to prove
      const levels = replay.getByTestId("practice-levels");
      expect(await levels.getAttribute("open")).not.toBeNull();
      expect(await levels.locator("tbody tr").count()).toBe(12);
      expect(await levels.locator("summary").textContent()).toContain(`A ${aName}`);
      expect(await levels.locator("summary").textContent()).toContain(`B ${bName}`);
      await replay.waitForTimeout(2600);
      await replay.getByTestId("reveal-gaps").scrollIntoViewIfNeeded();
      await shoot(replay, "4-replay-reveal-gaps-in-view", false);
      await shoot(replay, "4-replay-reveal-full");

      // Back home and Back again: the replay opens once more (as practice links do).
      await replay.getByTestId("practice-home").click();
      await phase(replay, "home").waitFor();
      expect(new URL(replay.url()).search).toBe("");
      await replay.goBack();
      await phase(replay, "tuning").waitFor();
      expect(await replay.getByTestId("practice-kind").textContent()).toBe("Replay of a finished round");

      // "Next practice round": random practice goes on.
      await replay.getByTestId("lock-in").click();
      await phase(replay, "reveal").waitFor();
      await replay.getByRole("button", { name: "Next practice round" }).click();
      await phase(replay, "training").waitFor();
      expect(new URL(replay.url()).searchParams.get("practice")).toMatch(/^p-/);
      expect(await replay.getByTestId("practice-kind").textContent()).toBe("Solo practice");
      expect(await replay.locator("#practice-where").textContent()).toMatch(/seed p-/);
      await phase(replay, "tuning").waitFor();
      await replay.getByTestId("lock-in").click();
      await phase(replay, "reveal").waitFor();
      expectBothGaps(await gapsOf(replay), 1, "a practice round's reveal");

      // The replay on a phone.
      const phone = await open("Replay phone", {
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      });
      await phone.goto(`${app.url}${href}`);
      await phase(phone, "tuning").waitFor({ timeout: 90_000 });
      await phone.getByTestId("detail-slider").fill("3");
      await phone.getByTestId("lock-in").tap();
      await phase(phone, "reveal").waitFor();
      expect(await gapsOf(phone)).toEqual(beaGaps); // Bea picked 3 in the match
      await phone.waitForTimeout(600);
      await fitsScreen(phone, "the replay's reveal on a phone");
      await phone.getByTestId("reveal-gaps").evaluate((el) => el.scrollIntoView({ block: "start" }));
      await fitsScreen(phone, "the replay's reveal on a phone, at the gaps", ["reveal-gaps"]);
      await shoot(phone, "5-replay-phone-gaps-in-view", false);
      await cyd.leave(true);
      expect(problems).toEqual([]);
    },
  );

  it("a damaged replay link says so and goes home", { timeout: 60_000 }, async () => {
    problems.length = 0;
    const page = await open("Damaged", { viewport: { width: 390, height: 844 } });
    const whole = `${"ab".repeat(32)}~normal~nautilus~some-id`;
    for (const token of ["garbage", whole.slice(0, 40), `${"ab".repeat(32)}~impossible~nautilus~x`, ""]) {
      await page.goto(`${app.url}/?replay=${encodeURIComponent(token)}`);
      await expect.poll(() => page.getByTestId("error").textContent()).toContain(DAMAGED);
      expect(await page.getByTestId("error").isVisible()).toBe(true);
      await phase(page, "home").waitFor();
      expect(new URL(page.url()).search).toBe("");
      expect(await page.getByTestId("practice-bar").count()).toBe(0);
    }
    await shoot(page, "6-damaged-replay-link");
    expect(problems).toEqual([]);
  });

  it(
    "the daily waits for its day's end; the leaderboard replays a past day and checks the B this browser kept",
    { timeout: 240_000 },
    async () => {
      problems.length = 0;
      const page = await open("Dana", { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      await page.goto(app.url);
      await page.getByTestId("name-input").fill("Dana");
      await page.getByTestId("daily-challenge").click();
      await phase(page, "tuning").waitFor();
      await page.getByTestId("detail-slider").fill("6");
      await page.getByTestId("lock-in").tap();
      await phase(page, "reveal").waitFor();
      const verified = page.getByTestId("reveal-verified");
      await expect.poll(() => verified.getAttribute("data-verified")).toBe("pending");
      const today = day(0);
      expect(await verified.textContent()).toMatch(
        /^B's values are published when the day ends \(.+\) — check it then on the leaderboard\.$/,
      );
      expect(await verified.locator("a").getAttribute("href")).toBe(`/leaderboard?date=${today}`);
      expect(await page.getByTestId("replay-link").count()).toBe(0);
      expectBothGaps(await gapsOf(page), 6, "the daily's reveal");
      const kept = await page.evaluate((d) => localStorage.getItem(`shell-galaxy:daily-proof:${d}`), today);
      expect(JSON.parse(kept!)).toMatchObject({ date: today, commitment: expect.stringMatching(/^[0-9a-f]{64}$/) });
      await page.getByTestId("reveal-gaps").evaluate((el) => el.scrollIntoView({ block: "start" }));
      await fitsScreen(page, "the daily's reveal on a phone, at the gaps", ["reveal-gaps", "reveal-verified"]);
      await shoot(page, "7-daily-reveal-pending-phone", false);

      // Today's board: the values come out after the day.
      await page.goto(`${app.url}/leaderboard`);
      const after = page.getByTestId("daily-published-after");
      await after.waitFor();
      expect(await after.textContent()).toMatch(/^This round's values are published after .+\./);
      expect(Date.parse((await after.getAttribute("data-after"))!)).toBeGreaterThan(Date.now());
      expect(await page.getByTestId("daily-replay").count()).toBe(0);
      await shoot(page, "8-leaderboard-today");

      // A past day's board: its replay, and the check of what this browser kept of it. That day's B is
      // put in storage here as the game page keeps it (drawing coordinates as they travel); the day
      // before's is tampered with (another B), and must fail. Two days back, not yesterday: yesterday's
      // values stay sealed until 00:05 UTC, so a run just after midnight would find them still closed.
      const published = async (date: string) => {
        const res = await fetch(`${app.url}/api/daily/${date}/opening`);
        expect(res.status).toBe(200);
        return (await res.json()) as { opening: RoundOpening; commitment: string; replay: string };
      };
      const pastDay = await published(day(-2));
      const before = await published(day(-3));
      const keep = (opening: RoundOpening, commitment: string, name?: string) => {
        const { spiral, points } = roundOf(opening).b;
        const wire = (v: ArrayLike<number>) =>
          Array.from(v, (c) => Math.round(c * COORDINATE_SCALE) / COORDINATE_SCALE);
        return { commitment, b: { name: name ?? spiral.name, x: wire(points.x), y: wire(points.y) } };
      };
      await page.evaluate(
        ([d1, p1, d2, p2]) => {
          localStorage.setItem(`shell-galaxy:daily-proof:${d1}`, JSON.stringify({ date: d1, ...p1 }));
          localStorage.setItem(`shell-galaxy:daily-proof:${d2}`, JSON.stringify({ date: d2, ...p2 }));
        },
        [
          day(-2),
          keep(pastDay.opening, pastDay.commitment),
          day(-3),
          keep(before.opening, before.commitment, "Not the real B"),
        ] as const,
      );
      await page.goto(`${app.url}/leaderboard?date=${day(-2)}`);
      const replayLink = page.getByTestId("daily-replay");
      await replayLink.waitFor();
      expect(await replayLink.textContent()).toBe("Replay this day's round");
      expect(await replayLink.getAttribute("href")).toBe(pastDay.replay);
      const check = page.getByTestId("daily-verified");
      await expect.poll(() => check.getAttribute("data-verified")).toBe("yes");
      expect(await check.textContent()).toMatch(
        /^✓ Verified: the B you played this day \(.+\) was fixed before anyone picked\.$/,
      );
      await fitsScreen(page, "a past day's board on a phone", ["daily-replay"]);
      await shoot(page, "9-leaderboard-past-day-verified");
      await page.getByTestId("leaderboard-date").fill(day(-3));
      await page.getByTestId("leaderboard-date").dispatchEvent("change");
      await expect.poll(() => page.getByTestId("daily-verified").getAttribute("data-verified")).toBe("no");
      expect(await page.getByTestId("daily-verified").textContent()).toContain("Could not verify");
      await shoot(page, "9-leaderboard-tampered");

      // Following that day's replay: its round, in practice.
      await page.goto(`${app.url}/leaderboard?date=${day(-2)}`);
      await page.getByTestId("daily-replay").click();
      await phase(page, "tuning").waitFor({ timeout: 90_000 });
      expect(await page.getByTestId("practice-kind").textContent()).toBe("Replay of a finished round");
      const round = roundOf(pastDay.opening);
      expect(JSON.parse((await page.getByTestId("practice-data").getAttribute("data-round"))!).a.name).toBe(
        round.a.spiral.name,
      );
      expect(await page.locator("#practice-where").textContent()).toContain(
        `commitment ${pastDay.commitment.slice(0, 12)}…`,
      );
      await page.getByTestId("lock-in").tap();
      await phase(page, "reveal").waitFor();
      expect(JSON.parse((await page.getByTestId("practice-data").getAttribute("data-reveal"))!).b.name).toBe(
        round.b.spiral.name,
      );
      expectBothGaps(await gapsOf(page), 1, "a past daily, replayed");
      expect(problems).toEqual([]);
    },
  );
});
