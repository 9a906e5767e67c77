// A whole match in real Chromium: three pages (separate browser contexts) — the host creates a
// room, two players join by code — play 2 rounds with 10-second tuning through the DOM controls
// of the testing contract, and the three podiums agree. Screenshots of every phase on every page.
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { hasChromium, launchChromium, closeChromium } from "./chromium";
import { startAppServer, type AppServer } from "./app-server";

const SHOTS = resolve("test-results/screenshots/match");
const ROUNDS = 2;
/** Each page's name, viewport and the detail level it picks in each round. */
const PLAYERS = [
  { name: "Ada", viewport: { width: 1280, height: 900 }, levels: [3, 9] },
  { name: "Bea", viewport: { width: 390, height: 844 }, levels: [6, 2] }, // a phone
  { name: "Cyd", viewport: { width: 820, height: 1000 }, levels: [11, 5] },
];

const phase = (page: Page, name: string) => page.locator(`[data-testid=phase][data-phase=${name}]`);

async function leaderboard(page: Page): Promise<{ name: string; points: number }[]> {
  return page
    .getByTestId("leaderboard-row")
    .evaluateAll((rows) =>
      rows.map((r) => ({ name: r.getAttribute("data-name")!, points: Number(r.getAttribute("data-points")) })),
    );
}

describe.skipIf(!hasChromium)("a match in three browsers", () => {
  let browser: Browser;
  let app: AppServer;
  beforeAll(async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    console.log(`Screenshots of the match go to ${SHOTS}`);
    app = await startAppServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await closeChromium(browser);
    app?.stop();
  });

  it("creates, joins by code, plays 2 rounds and agrees on the podium", { timeout: 240_000 }, async () => {
    const problems: string[] = [];
    const pages: Page[] = [];
    for (const p of PLAYERS) {
      const context = await browser.newContext({ viewport: p.viewport });
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      page.on("pageerror", (e) => problems.push(`${p.name}: ${e.message}`));
      page.on("console", (m) => {
        // The wrong code below is answered 522 on purpose; any other console error is a problem.
        if (m.type() === "error" && !/status of 522/.test(m.text())) problems.push(`${p.name} console: ${m.text()}`);
      });
      pages.push(page);
    }
    /** A screenshot of every page; and nothing may be wider than the viewport (the phone too). */
    const shoot = (what: string) =>
      Promise.all(
        pages.map(async (page, i) => {
          await page.screenshot({ path: `${SHOTS}/${what}-${PLAYERS[i].name}.png`, fullPage: true });
          const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
          expect(widths[0], `${what} on ${PLAYERS[i].name}'s page is wider than the viewport`).toBeLessThanOrEqual(
            widths[1],
          );
        }),
      );
    const [host, ...guests] = pages;

    // The host creates a room.
    await host.goto(app.url);
    await host.getByTestId("name-input").fill(PLAYERS[0].name);
    await host.getByTestId("create-room").click();
    await phase(host, "lobby").waitFor();
    const code = (await host.getByTestId("room-code").textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{5}$/);
    expect(new URL(host.url()).searchParams.get("room")).toBe(code);

    // A wrong code gives a readable error; then both guests join by the real code.
    for (const [i, page] of guests.entries()) {
      await page.goto(app.url);
      await page.getByTestId("name-input").fill(PLAYERS[i + 1].name);
      if (i === 0) {
        await page.getByTestId("code-input").fill("zzzzz");
        await page.getByTestId("join-room").click();
        await expect.poll(() => page.getByTestId("error").textContent()).toContain("No room with code ZZZZZ");
        await page.screenshot({ path: `${SHOTS}/home-wrong-code-${PLAYERS[1].name}.png`, fullPage: true });
      }
      await page.getByTestId("code-input").fill(code.toLowerCase());
      await page.getByTestId("join-room").click();
      await phase(page, "lobby").waitFor();
    }
    for (const page of pages) {
      await expect.poll(() => page.getByTestId("player-list").locator("li").count()).toBe(3);
    }

    // The host's settings reach everybody.
    await host.getByTestId("rounds-input").fill(String(ROUNDS));
    await host.getByTestId("tuning-seconds-input").fill("10");
    await host.getByTestId("tuning-seconds-input").blur();
    for (const page of guests) {
      await expect.poll(() => page.getByTestId("rounds-input").inputValue()).toBe(String(ROUNDS));
      await expect.poll(() => page.getByTestId("tuning-seconds-input").inputValue()).toBe("10");
      expect(await page.getByTestId("start-match").isVisible()).toBe(false);
    }
    await shoot("1-lobby");
    await host.getByTestId("start-match").click();

    for (let round = 1; round <= ROUNDS; round++) {
      // Training: short (at least 1.5 s on the server), so every page is caught in parallel.
      await Promise.all(
        pages.map(async (page, i) => {
          await phase(page, "training").waitFor();
          await page.screenshot({ path: `${SHOTS}/${round}-2-training-${PLAYERS[i].name}.png`, fullPage: true });
        }),
      );

      await Promise.all(pages.map((page) => phase(page, "tuning").waitFor()));
      const before = await host.locator("#validation-error").textContent();
      for (const [i, page] of pages.entries()) {
        const level = PLAYERS[i].levels[round - 1];
        await page.getByTestId("detail-slider").fill(String(level));
        await expect.poll(() => page.locator("#level-out").textContent()).toBe(String(level));
        await expect.poll(() => page.getByTestId("timer").textContent()).toMatch(/\d/);
      }
      expect(await host.locator("#validation-error").textContent()).not.toBe(before); // the fit follows the slider
      if (round === 1) {
        // The countdown runs in the page from the state's deadline (no counter ticks on the wire).
        const secondsShown = async () => Number((await host.getByTestId("timer").textContent())?.match(/\d+/)?.[0]);
        const first = await secondsShown();
        await expect.poll(secondsShown, { timeout: 3_000 }).toBeLessThan(first);
      }
      if (round === 1) {
        // Phaser draws with WebGL when it can (a canvas holding a WebGL context has no 2D one).
        const webgl = await host.evaluate(
          () => document.querySelector<HTMLCanvasElement>("#spiral-view canvas")?.getContext("2d") === null,
        );
        console.log(`spiral view renderer: ${webgl ? "WebGL" : "Canvas"}`);
      }
      await shoot(`${round}-3-tuning`);
      for (const page of pages) await page.getByTestId("lock-in").click();

      // Everyone locked in: the reveal comes before the timer runs out.
      await Promise.all(pages.map((page) => phase(page, "reveal").waitFor()));
      for (const [i, page] of pages.entries()) {
        await expect
          .poll(() => page.locator("#my-result").textContent())
          .toContain(`You picked level ${PLAYERS[i].levels[round - 1]}:`);
        await expect.poll(() => page.getByTestId("leaderboard-row").count()).toBe(3);
      }
      await shoot(`${round}-4-reveal`);
      await host.locator("#next-round").click(); // the host skips the rest of the reveal
    }

    // The podium: the same leaderboard everywhere, and my-points matches my row.
    await Promise.all(pages.map((page) => phase(page, "podium").waitFor()));
    await shoot("5-podium");
    const boards = await Promise.all(pages.map(leaderboard));
    console.log("podium:", JSON.stringify(boards[0]));
    expect(boards[0].map((r) => r.name).sort()).toEqual(PLAYERS.map((p) => p.name).sort());
    expect(boards[1]).toEqual(boards[0]);
    expect(boards[2]).toEqual(boards[0]);
    const points = boards[0].map((r) => r.points);
    expect(points).toEqual([...points].sort((a, b) => b - a));
    expect(points.every((p) => p > 0 && p <= ROUNDS * 1000)).toBe(true);
    for (const [i, page] of pages.entries()) {
      const mine = boards[0].find((r) => r.name === PLAYERS[i].name)!;
      expect(Number(await page.getByTestId("my-points").getAttribute("data-points"))).toBe(mine.points);
    }
    expect(await host.getByTestId("play-again").isVisible()).toBe(true);
    expect(await guests[0].getByTestId("play-again").isVisible()).toBe(false);

    // Play again: the same room and players, back in the lobby with points reset.
    await host.getByTestId("play-again").click();
    await Promise.all(pages.map((page) => phase(page, "lobby").waitFor()));
    for (const page of pages) {
      expect(await page.getByTestId("room-code").textContent()).toBe(code);
      expect(await page.getByTestId("my-points").getAttribute("data-points")).toBe("0");
      await expect.poll(() => page.getByTestId("player-list").locator("li").count()).toBe(3);
    }
    expect(problems).toEqual([]);
  });

  it("opens a room link straight into joining; Back leaves; spectators watch", async () => {
    const problems: string[] = [];
    const open = async (name?: string) => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      if (name) await context.addInitScript((n) => localStorage.setItem("shell-galaxy:name", n), name);
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      page.on("pageerror", (e) => problems.push(e.message));
      return page;
    };
    const host = await open("Host");
    await host.goto(app.url);
    await host.getByTestId("create-room").click(); // the remembered name is filled in
    await phase(host, "lobby").waitFor();
    const code = (await host.getByTestId("room-code").textContent())!;
    const players = () => host.getByTestId("player-list").locator("li").count();

    // A remembered name: the link joins at once, and keeps the link in the address bar.
    const linked = await open("Linky");
    await linked.goto(`${app.url}/?room=${code.toLowerCase()}`);
    await phase(linked, "lobby").waitFor();
    expect(new URL(linked.url()).searchParams.get("room")).toBe(code);
    await expect.poll(players).toBe(2);

    // No remembered name: the code is filled in and the name field waits, Join ready.
    const fresh = await open();
    await fresh.goto(`${app.url}/?room=${code}`);
    expect(await fresh.getByTestId("code-input").inputValue()).toBe(code);
    await expect
      .poll(() => fresh.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid))
      .toBe("name-input");
    expect(await fresh.locator("[data-testid=phase]").getAttribute("data-phase")).toBe("home");
    await fresh.getByTestId("name-input").fill("<i>Newcomer</i>"); // markup in a name stays text
    await fresh.getByTestId("join-room").click();
    await phase(fresh, "lobby").waitFor();
    await expect.poll(players).toBe(3);
    expect(await host.getByTestId("player-list").textContent()).toContain("<i>Newcomer</i>");
    expect(await host.getByTestId("player-list").locator("i").count()).toBe(0);

    // Joined from the home page, Back returns home and leaves the room.
    const backer = await open("Backer");
    await backer.goto(app.url);
    await backer.getByTestId("code-input").fill(code);
    await backer.getByTestId("join-room").click();
    await phase(backer, "lobby").waitFor();
    await expect.poll(players).toBe(4);
    await backer.goBack();
    await phase(backer, "home").waitFor();
    await expect.poll(players).toBe(3);

    // A spectator is counted apart from the players.
    const watcher = await open("Watcher");
    await watcher.goto(app.url);
    await watcher.getByTestId("code-input").fill(code);
    await watcher.locator("#spectate").check();
    await watcher.getByTestId("join-room").click();
    await phase(watcher, "lobby").waitFor();
    await expect.poll(() => host.locator("#player-count").textContent()).toContain("1 watching");
    expect(await players()).toBe(3);
    expect(await watcher.getByTestId("my-points").isVisible()).toBe(false);

    // A broken link says so.
    await backer.goto(`${app.url}/?room=nope!`);
    await expect.poll(() => backer.getByTestId("error").textContent()).toContain("not valid");
    await backer.screenshot({ path: `${SHOTS}/home-broken-link.png`, fullPage: true });
    expect(problems).toEqual([]);
  });
});
