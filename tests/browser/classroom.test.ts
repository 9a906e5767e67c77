// Classrooms in real Chromium (issue 5, the game client): the host's settings reach the guests,
// host-only controls are absent for guests, a kicked guest is told why and a locked room says so;
// the projector view (the host's toggle at 1920×1080 and /host?room=CODE as a spectator at
// 1280×720) in the lobby, tuning, reveal and podium without overflow; pause, reveal now, end
// match; the shake-up after a reveal and at the podium; the results CSV; the daily challenge.
// Screenshots of every screen go to test-results/screenshots/classroom.
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { Client, type Room } from "@colyseus/sdk";
import { friendlyName } from "../../shared/friendly-names";
import { Random } from "../../shared/random";
import { hasChromium, launchChromium, closeChromium } from "./chromium";
import { startAppServer, type AppServer } from "./app-server";
import { projectorFits } from "./layout";

const SHOTS = resolve("test-results/screenshots/classroom");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const phase = (page: Page, name: string) => page.locator(`[data-testid=phase][data-phase=${name}]`);
/** In that phase (the badge is in the page header, which the projector view hides). */
const inPhase = (page: Page, name: string) => phase(page, name).waitFor({ state: "attached" });

/** The page neither scrolls nor clips: no overflow of the document, nor inside the projector's panels. */
const fits = (page: Page, what: string) =>
  projectorFits(page, what, [
    ".pj-body",
    ".pj-col",
    ".pj-head",
    ".pj-join",
    ".pj-players",
    ".pj-player-list",
    ".pj-board",
    ".histogram",
  ]);

describe.skipIf(!hasChromium)("classrooms in Chromium", () => {
  let browser: Browser;
  let app: AppServer;
  const problems: string[] = [];

  async function open(who: string, options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on("pageerror", (e) => problems.push(`${who}: ${e.message}`));
    page.on("console", (m) => {
      // A refused join (a locked room) is answered with an HTTP error on purpose.
      if (m.type() === "error" && !/status of 52\d/.test(m.text())) problems.push(`${who} console: ${m.text()}`);
    });
    return page;
  }
  const shoot = (page: Page, what: string) => page.screenshot({ path: `${SHOTS}/${what}.png`, fullPage: true });

  async function createRoom(page: Page, name: string): Promise<string> {
    await page.goto(app.url);
    await page.getByTestId("name-input").fill(name);
    await page.getByTestId("create-room").click();
    await phase(page, "lobby").waitFor();
    return (await page.getByTestId("room-code").textContent())!.trim();
  }

  async function joinRoom(page: Page, name: string, code: string): Promise<void> {
    await page.goto(app.url);
    await page.getByTestId("name-input").fill(name);
    await page.getByTestId("code-input").fill(code);
    await page.getByTestId("join-room").click();
    await phase(page, "lobby").waitFor();
  }

  beforeAll(async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    console.log(`Screenshots of the classroom pages go to ${SHOTS}`);
    app = await startAppServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    console.log(`Screenshots of the classroom pages are in ${SHOTS}`);
    await closeChromium(browser);
    app?.stop();
  });

  it(
    "host settings reach the guests; host-only controls are absent for guests; kick and lock",
    { timeout: 120_000 },
    async () => {
      problems.length = 0;
      const host = await open("Tess");
      const ada = await open("Ada");
      const bea = await open("Bea", { viewport: { width: 390, height: 844 } });
      const code = await createRoom(host, "Tess");
      await joinRoom(ada, "Ada", code);
      await joinRoom(bea, "Bea", code);
      await expect.poll(() => host.getByTestId("player-list").locator("li").count()).toBe(3);

      // The host: only shells and galaxies, hard, a speed bonus; live picks, public.
      const kinds = host.getByTestId("kinds-input");
      for (const kind of ["cyclone", "plant", "horn", "other"]) await kinds.locator(`input[value=${kind}]`).uncheck();
      await host.getByTestId("difficulty-input").selectOption("hard");
      await host.getByTestId("speed-bonus-input").check();
      await host.getByTestId("show-picks-input").check();
      await host.getByTestId("visibility-input").selectOption("public");

      for (const guest of [ada, bea]) {
        const checked = () =>
          guest
            .getByTestId("kinds-input")
            .locator("input:checked")
            .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
        await expect.poll(checked).toEqual(["shell", "galaxy"]);
        await expect.poll(() => guest.getByTestId("difficulty-input").inputValue()).toBe("hard");
        await expect.poll(() => guest.getByTestId("speed-bonus-input").isChecked()).toBe(true);
        await expect.poll(() => guest.getByTestId("show-picks-input").isChecked()).toBe(true);
        await expect.poll(() => guest.getByTestId("visibility-input").inputValue()).toBe("public");
        // Read-only for guests, and no host controls at all.
        expect(await guest.getByTestId("kinds-input").locator("input:disabled").count()).toBe(6);
        expect(await guest.getByTestId("difficulty-input").isDisabled()).toBe(true);
        expect(await guest.getByTestId("speed-bonus-input").isDisabled()).toBe(true);
        expect(await guest.getByTestId("lock-room").isDisabled()).toBe(true);
        expect(await guest.getByTestId("start-match").isVisible()).toBe(false);
        expect(await guest.getByTestId("kick-player").count()).toBe(0);
        for (const id of ["projector-toggle", "pause-match", "skip-round", "end-match", "download-csv"]) {
          expect(await guest.getByTestId(id).isVisible(), `${id} on a guest's page`).toBe(false);
        }
      }
      // The host's own choice sticks (the server echoes it).
      await expect.poll(() => host.getByTestId("kinds-input").locator("input:checked").count()).toBe(2);
      expect(await host.getByTestId("kick-player").count()).toBe(2); // not the host's own row
      await shoot(host, "1-lobby-settings-host");
      await shoot(ada, "1-lobby-settings-guest-Ada");
      await shoot(bea, "1-lobby-settings-guest-Bea-phone");

      // The host removes Bea (asked first): she is home with the reason, her seat token forgotten.
      const beaId = await host.locator("[data-testid=player-list] li[data-name=Bea]").getAttribute("data-session-id");
      await host.locator(`[data-testid=kick-player][data-session-id="${beaId}"]`).click();
      await expect.poll(() => host.locator("#confirm-dialog").isVisible()).toBe(true);
      await shoot(host, "2-kick-confirm-host");
      await host.getByTestId("confirm-yes").click();
      await phase(bea, "home").waitFor();
      await expect
        .poll(() => bea.getByTestId("error").textContent())
        .toContain(`The host removed you from room ${code}`);
      expect(await bea.evaluate((c) => localStorage.getItem(`shell-galaxy:seat:${c}`), code)).toBeNull();
      expect(new URL(bea.url()).searchParams.get("room")).toBeNull();
      await expect.poll(() => host.getByTestId("player-list").locator("li").count()).toBe(2);
      await bea.waitForTimeout(1500); // nothing reconnects her
      expect(await phase(bea, "home").count()).toBe(1);
      await shoot(bea, "2-kicked-Bea");

      // A locked room turns newcomers away, with a sentence that says so.
      await host.getByTestId("lock-room").check();
      await expect.poll(() => ada.getByTestId("lock-room").isChecked()).toBe(true);
      const late = await open("Late");
      await late.goto(app.url);
      await late.getByTestId("name-input").fill("Late");
      await late.getByTestId("code-input").fill(code);
      await late.getByTestId("join-room").click();
      await expect.poll(() => late.getByTestId("error").textContent()).toContain(`Room ${code} is locked by its host.`);
      await shoot(late, "3-locked-room-Late");
      await host.getByTestId("lock-room").uncheck();
      await expect.poll(() => ada.getByTestId("lock-room").isChecked()).toBe(false);
      await late.getByTestId("join-room").click();
      await phase(late, "lobby").waitFor();
      expect(problems).toEqual([]);
    },
  );

  it("projector view, pause, reveal now, shake-up, CSV, end match", { timeout: 240_000 }, async () => {
    problems.length = 0;
    const host = await open("Tess", { viewport: { width: 1920, height: 1080 } });
    const ada = await open("Ada");
    const cyd = await open("Cyd", { viewport: { width: 390, height: 844 } });
    const code = await createRoom(host, "Tess");
    await joinRoom(ada, "Ada", code);
    await joinRoom(cyd, "Cyd", code);
    await host.getByTestId("rounds-input").fill("2");
    await host.getByTestId("tuning-seconds-input").fill("60");
    await host.getByTestId("tuning-seconds-input").blur();
    await host.getByTestId("speed-bonus-input").check();
    await expect.poll(() => ada.getByTestId("tuning-seconds-input").inputValue()).toBe("60");
    await expect.poll(() => ada.getByTestId("speed-bonus-input").isChecked()).toBe(true);

    // The host's projector toggle (1920×1080), and /host?room=CODE as a spectator (1280×720).
    await host.getByTestId("projector-toggle").click();
    await host.getByTestId("projector").waitFor();
    const beamer = await open("Projector", { viewport: { width: 1280, height: 720 }, reducedMotion: "reduce" });
    await beamer.goto(`${app.url}/host?room=${code}`);
    await beamer.getByTestId("projector").waitFor();
    await expect.poll(() => host.locator("#pj-player-list li").count()).toBe(3);
    await expect.poll(() => beamer.locator("#pj-player-list li").count()).toBe(3);
    expect(await host.getByTestId("player-list").locator("li").count()).toBe(3); // a spectator is no player
    for (const [page, size] of [
      [host, "1920"],
      [beamer, "1280"],
    ] as const) {
      const qr = page.getByTestId("qr-code");
      await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      expect(await qr.getAttribute("data-link")).toBe(`${app.url}/?room=${code}`);
      expect(await page.locator("#pj-code").textContent()).toBe(code);
      const box = (await qr.boundingBox())!;
      expect(box.width).toBeGreaterThan(200);
      await fits(page, `lobby projector at ${size}`);
      await shoot(page, `4-projector-lobby-${size}`);
    }

    // Start from the projector's host bar.
    await host.locator("#host-start").click();
    await Promise.all(
      [host, beamer].map(async (page, i) => {
        await page.locator("#pj-training:not([hidden])").waitFor();
        await shoot(page, `5-projector-training-${i ? 1280 : 1920}`);
      }),
    );
    await Promise.all([host, ada, cyd, beamer].map((p) => inPhase(p, "tuning")));

    // Two players lock in. Live picks are off: no counts reach anyone (the server keeps them
    // until the host shows picks live), so both projectors show "k of n locked".
    await ada.getByTestId("detail-slider").fill("4");
    await ada.getByTestId("lock-in").click();
    await cyd.getByTestId("detail-slider").fill("7");
    await cyd.getByTestId("lock-in").click();
    for (const page of [host, beamer]) {
      await expect.poll(() => page.locator("#pj-locked").textContent()).toBe("2 of 3 locked in");
      expect(await page.getByTestId("pick-histogram").isVisible()).toBe(false);
    }
    await fits(host, "tuning projector at 1920");
    await fits(beamer, "tuning projector at 1280");
    await shoot(host, "6-projector-tuning-locked-1920");
    await shoot(beamer, "6-projector-tuning-locked-1280");

    // Pause: everyone sees it and the clock stops; then resume.
    await host.getByTestId("pause-match").click();
    await ada.getByTestId("paused").waitFor();
    await beamer.locator("#pj-paused:not([hidden])").waitFor();
    const frozen = await ada.getByTestId("timer").textContent();
    await ada.waitForTimeout(2200);
    expect(await ada.getByTestId("timer").textContent()).toBe(frozen);
    await host.locator("#pj-paused:not([hidden])").waitFor();
    await fits(host, "paused projector at 1920");
    await shoot(host, "7-paused-projector-1920");
    await shoot(ada, "7-paused-Ada");
    await shoot(beamer, "7-paused-projector-1280");
    await host.getByTestId("pause-match").click();
    await ada.getByTestId("paused").waitFor({ state: "hidden" });

    // Live picks on: the counts reach both projectors (the histogram) and the players.
    await host.locator("#host-tools summary").click();
    await host.getByTestId("show-picks-input").check();
    await host.locator("#host-tools summary").click();
    for (const page of [host, beamer, ada]) {
      const histogram = page.getByTestId("pick-histogram");
      await expect.poll(() => histogram.getAttribute("data-total")).toBe("2");
      expect(await histogram.getAttribute("data-counts")).toBe("0,0,0,1,0,0,1,0,0,0,0,0");
      expect(await histogram.isVisible()).toBe(true);
    }
    await fits(host, "tuning projector with the histogram at 1920");
    await fits(beamer, "tuning projector with the histogram at 1280");
    await shoot(host, "7-live-picks-projector-1920");
    await shoot(beamer, "7-live-picks-projector-1280");
    await shoot(ada, "7-live-picks-Ada");

    // Reveal now (the host has not locked in).
    await host.getByTestId("skip-round").click();
    await Promise.all([host, ada, cyd, beamer].map((p) => inPhase(p, "reveal")));
    for (const page of [ada, cyd, host, beamer]) {
      const shake = page.getByTestId("shake-up");
      await shake.waitFor();
      const mean = Number(await shake.getAttribute("data-mean-shift"));
      expect(mean).toBeGreaterThanOrEqual(0);
      expect(mean).toBeLessThanOrEqual(1);
      expect(await shake.textContent()).toContain(`mean shift ${mean.toFixed(2)}`);
      expect(await shake.locator(".shake-line").count()).toBe(3);
    }
    // The speed bonus is in the arithmetic, and shown on its own line when there is one.
    await expect.poll(() => ada.locator("#arithmetic").textContent()).toMatch(/speed bonus \d+/);
    const bonus = Number(/speed bonus (\d+)/.exec((await ada.locator("#arithmetic").textContent())!)![1]);
    console.log(`Ada's speed bonus: ${bonus}`);
    expect(await ada.locator("#speed-bonus-line").isVisible()).toBe(bonus > 0);
    if (bonus > 0) expect(await ada.locator("#speed-bonus-line").textContent()).toContain(`+${bonus}`);
    await ada.waitForTimeout(1500); // the shake-up's animation settles
    await fits(host, "reveal projector at 1920");
    await fits(beamer, "reveal projector at 1280");
    await shoot(host, "8-projector-reveal-1920");
    await shoot(beamer, "8-projector-reveal-1280");
    await shoot(ada, "8-reveal-shake-up-Ada");
    await shoot(cyd, "8-reveal-shake-up-Cyd-phone");

    // The results as CSV, for the host only.
    const csv = host.getByTestId("download-csv");
    expect(await csv.isVisible()).toBe(true);
    const href = (await csv.getAttribute("href"))!;
    const id = /^\/api\/matches\/(.+)\.csv$/.exec(href)?.[1] ?? "";
    expect(id).toMatch(UUID);
    expect(await csv.getAttribute("download")).toBeTruthy();
    expect(await ada.getByTestId("download-csv").isVisible()).toBe(false);
    const response = await fetch(`${app.url}${href}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = (await response.text()).trim().split(/\r?\n/);
    console.log(`CSV ${href}: ${lines.length} lines; header: ${lines[0]}`);
    expect(lines[0]).toMatch(/round/i);
    expect(lines.length).toBeGreaterThanOrEqual(4); // the header and the three players' round 1

    // Round 2: ended by the host during tuning.
    await host.locator("#host-next").click();
    await Promise.all([host, ada, cyd].map((p) => inPhase(p, "tuning")));
    // The host removes Cyd mid-match, from the "Players & room" panel of the projector's bar.
    await host.locator("#host-tools summary").click();
    const cydId = await host.locator("[data-testid=player-list] li[data-name=Cyd]").getAttribute("data-session-id");
    await host.locator(`[data-testid=kick-player][data-session-id="${cydId}"]`).click();
    await host.getByTestId("confirm-yes").click();
    await phase(cyd, "home").waitFor();
    await expect.poll(() => cyd.getByTestId("error").textContent()).toContain(`The host removed you from room ${code}`);
    await shoot(cyd, "9-kicked-mid-match-Cyd-phone");
    await expect.poll(() => host.getByTestId("player-list").locator("li").count()).toBe(2);
    await expect.poll(() => host.locator("#pj-board .pj-board-row").count()).toBe(2);
    await host.locator("#host-tools summary").click();
    await host.getByTestId("end-match").click();
    await host.getByTestId("confirm-yes").click();
    await Promise.all([host, ada, beamer].map((p) => inPhase(p, "podium")));
    for (const page of [ada, host, beamer]) await page.getByTestId("shake-up").waitFor();
    await ada.waitForTimeout(1500);
    await fits(host, "podium projector at 1920");
    await fits(beamer, "podium projector at 1280");
    expect(await host.getByTestId("download-csv").isVisible()).toBe(true);
    await shoot(host, "9-projector-podium-1920");
    await shoot(beamer, "9-projector-podium-1280");
    await shoot(ada, "9-podium-shake-up-Ada");

    // Out of the projector view: the normal podium for the host.
    await host.getByTestId("projector-toggle").click();
    await host.getByTestId("play-again").waitFor();
    expect(await host.getByTestId("projector").isVisible()).toBe(false);
    await host.waitForTimeout(1500); // the shake-up, moved back into the page, animates again
    await shoot(host, "9-podium-host-normal-view");
    expect(problems).toEqual([]);
  });

  it(
    "the projector fits a full class: 45 players in the lobby and on the leaderboard",
    { timeout: 120_000 },
    async () => {
      problems.length = 0;
      const host = await open("Tess", { viewport: { width: 1920, height: 1080 } });
      const code = await createRoom(host, "Tess");
      // Bots join with the SDK (as players' phones would): long friendly names.
      const random = new Random("classroom-bots");
      const bots: Room[] = [];
      for (let i = 0; i < 44; i++) bots.push(await new Client(app.url).joinById(code, { name: friendlyName(random) }));
      await host.getByTestId("projector-toggle").click();
      // A page that loads, joins and lists 45 players: seconds on a loaded machine, not poll's default 1 s.
      await expect.poll(() => host.locator("#pj-player-list li").count(), { timeout: 30_000 }).toBe(45);
      const beamer = await open("Projector", { viewport: { width: 1280, height: 720 } });
      await beamer.goto(`${app.url}/host?room=${code}`);
      await expect.poll(() => beamer.locator("#pj-player-list li").count(), { timeout: 30_000 }).toBe(45);
      await fits(host, "lobby of 45 at 1920");
      await fits(beamer, "lobby of 45 at 1280");
      await shoot(host, "11-projector-lobby-45-players-1920");
      await shoot(beamer, "11-projector-lobby-45-players-1280");

      // A round with everybody (the bots never pick: level 1), revealed at once by the host.
      await host.locator("#host-start").click();
      await inPhase(host, "tuning");
      await host.getByTestId("skip-round").click();
      await Promise.all([host, beamer].map((p) => inPhase(p, "reveal")));
      for (const page of [host, beamer]) {
        await page.getByTestId("shake-up").waitFor();
        await expect.poll(() => page.locator("#pj-board li").count()).toBe(11); // the top 10 and "…and 35 more"
      }
      await host.waitForTimeout(1500);
      await fits(host, "reveal of 45 at 1920");
      await fits(beamer, "reveal of 45 at 1280");
      await shoot(host, "11-projector-reveal-45-players-1920");
      await shoot(beamer, "11-projector-reveal-45-players-1280");
      await Promise.all(bots.map((b) => b.leave(true)));
      expect(problems).toEqual([]);
    },
  );

  it(
    "/host without a room: the room created there opens in the projector view, and stays the host's",
    { timeout: 60_000 },
    async () => {
      problems.length = 0;
      const page = await open("Tess", { viewport: { width: 1280, height: 720 } });
      await page.goto(`${app.url}/host`);
      await expect.poll(() => page.locator("#notice").textContent()).toContain("create a room");
      await page.getByTestId("name-input").fill("Tess");
      await page.getByTestId("create-room").click();
      await page.getByTestId("projector").waitFor();
      const code = (await page.locator("#pj-code").textContent())!;
      expect(new URL(page.url()).pathname).toBe("/"); // the room's own link: a reload keeps the host's seat
      expect(new URL(page.url()).searchParams.get("room")).toBe(code);
      expect(await page.locator("#host-start").isVisible()).toBe(true);
      await page.reload();
      await page.getByTestId("projector").waitFor();
      await expect.poll(() => page.locator("#host-start").isVisible()).toBe(true);
      await fits(page, "/host lobby at 1280");
      expect(problems).toEqual([]);
    },
  );

  it("plays the daily challenge through to its result", { timeout: 120_000 }, async () => {
    problems.length = 0;
    const page = await open("Dana", { viewport: { width: 390, height: 844 } });
    await page.goto(app.url);
    await page.getByTestId("name-input").fill("Dana");
    await page.getByTestId("daily-challenge").click();
    await phase(page, "tuning").waitFor({ timeout: 60_000 });
    await shoot(page, "10-daily-tuning");
    expect(await page.getByTestId("projector-toggle").isVisible()).toBe(false);
    await page.getByTestId("detail-slider").fill("5");
    await page.getByTestId("lock-in").click();
    await phase(page, "reveal").waitFor();
    const result = page.getByTestId("daily-result");
    await result.waitFor();
    const text = (await result.textContent())!;
    expect(text).toMatch(/Today's challenge \(\d{4}-\d{2}-\d{2}\)/);
    expect(text).toMatch(/You scored \d+ points; your best today \d+, rank \d+ of \d+/);
    expect(await result.locator("a").getAttribute("href")).toMatch(/^\/leaderboard/);
    await shoot(page, "10-daily-result");
    expect(problems).toEqual([]);
  });
});
