// The spectator pages in real Chromium: /watch (the live listing of public rooms, a room watched
// live, a private room watched by its code) and /leaderboard (the daily challenge board in points
// order, pagination, live updates, a watched room's board). Rooms are driven by SDK clients in
// Node (fast, no extra pages). Screenshots of every step, on a laptop and on a phone.
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, type Room } from "@colyseus/sdk";
import type { Browser, Page } from "playwright-core";
import type { MatchState } from "../../shared/state";
import type { DailyMessage } from "../../shared/protocol";
import { recordReveals } from "../rooms/players";
import { hasChromium, launchChromium, closeChromium } from "./chromium";
import { startAppServer, type AppServer } from "./app-server";

const SHOTS = resolve("test-results/screenshots/spectator-pages");
const LAPTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

type SdkRoom = Room<any, MatchState>;

/** Resolves when the room's state satisfies `check`. */
function until(room: SdkRoom, check: (s: MatchState) => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (room.state && check(room.state)) return resolve();
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out waiting for ${what} (phase ${room.state?.phase})`));
    }, timeoutMs);
    const listener = (s: MatchState) => {
      if (check(s)) {
        off();
        clearTimeout(timer);
        resolve();
      }
    };
    const off = () => room.onStateChange.remove(listener);
    room.onStateChange(listener);
  });
}

const phaseIs = (phase: string) => (s: MatchState) => s.phase === phase;

describe.skipIf(!hasChromium)("the spectator pages", () => {
  let browser: Browser;
  let app: AppServer;
  let sdk: Client;
  const open: SdkRoom[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    console.log(`Screenshots of the spectator pages go to ${SHOTS}`);
    app = await startAppServer();
    browser = await launchChromium();
    sdk = new Client(app.url);
  });
  afterAll(async () => {
    // Rooms a test left already never answer a second leave: do not wait for them.
    const settle = (p: Promise<unknown>) =>
      Promise.race([p.catch(() => undefined), new Promise((r) => setTimeout(r, 2_000))]);
    await Promise.all(open.filter((r) => r.connection?.isOpen).map((r) => settle(r.leave(true))));
    await closeChromium(browser);
    app?.stop();
  });

  async function newPage(viewport = LAPTOP, name = "page"): Promise<Page> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on("pageerror", (e) => problems.push(`${name}: ${e.message}`));
    page.on("console", (m) => {
      // A wrong room code is answered 522 on purpose; anything else in red is a problem.
      if (m.type() === "error" && !/status of 522/.test(m.text())) problems.push(`${name} console: ${m.text()}`);
    });
    return page;
  }

  /** A full-page screenshot; nothing may be wider than the viewport. */
  async function shoot(page: Page, what: string): Promise<void> {
    await page.screenshot({ path: `${SHOTS}/${what}.png`, fullPage: true });
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(scroll, `${what} is wider than the viewport`).toBeLessThanOrEqual(inner);
  }

  async function createMatch(name: string): Promise<SdkRoom> {
    const room = await sdk.create<MatchState>("match", { name });
    open.push(room);
    room.onMessage("*", () => undefined);
    await until(room, (s) => Boolean(s.code), "the room state");
    return room;
  }

  async function joinMatch(code: string, name: string): Promise<SdkRoom> {
    const room = await sdk.joinById<MatchState>(code, { name });
    open.push(room);
    room.onMessage("*", () => undefined);
    await until(room, (s) => s.code === code, "the room state");
    return room;
  }

  /** One round: everyone picks their level and locks in; resolves at the reveal. */
  async function playRound(rooms: SdkRoom[], levels: number[]): Promise<void> {
    await Promise.all(rooms.map((r) => until(r, phaseIs("tuning"), "tuning")));
    rooms.forEach((r, i) => r.send("pick", { level: levels[i] }));
    rooms.forEach((r) => r.send("lockIn", {}));
    await Promise.all(rooms.map((r) => until(r, phaseIs("reveal"), "the reveal")));
  }

  /** A daily challenge round played alone by `name` at `level`; resolves with its result. */
  async function playDaily(name: string, level: number): Promise<DailyMessage> {
    const room = await sdk.create<MatchState>("daily", { name });
    const daily = new Promise<DailyMessage>((resolve) => room.onMessage("daily", resolve));
    room.onMessage("*", () => undefined);
    await until(room, phaseIs("tuning"), `${name}'s daily round`);
    room.send("pick", { level });
    room.send("lockIn", {});
    const result = await daily;
    await room.leave(true).catch(() => undefined);
    return result;
  }

  const listed = (page: Page, code: string) => page.locator(`[data-testid=room-item][data-code="${code}"]`);
  const boardRows = (page: Page, board: string) =>
    page
      .getByTestId(board)
      .getByTestId("board-row")
      .evaluateAll((rows) =>
        rows.map((r) => ({ name: r.getAttribute("data-name")!, points: Number(r.getAttribute("data-points")) })),
      );

  it(
    "/watch lists public rooms live, watches one, and watches a private one by its code",
    { timeout: 240_000 },
    async () => {
      problems.length = 0;
      const page = await newPage(LAPTOP, "watch");
      await page.goto(`${app.url}/watch`);
      await expect.poll(() => page.getByTestId("room-list").textContent()).toContain("No public rooms right now");
      await shoot(page, "watch-1-empty");

      // A private room (the default) is never listed; a public one appears live.
      const secret = await createMatch("Cyd");
      const host = await createMatch("Ada");
      const code = host.roomId;
      const guest = await joinMatch(code, "<b>Bea</b>"); // markup in a name stays text
      host.send("roomSettings", { visibility: "public" });
      await listed(page, code).waitFor();
      await expect.poll(() => listed(page, code).getAttribute("data-players")).toBe("2");
      expect(await listed(page, code).getAttribute("data-phase")).toBe("lobby");
      expect(await listed(page, code).textContent()).toContain("hosted by Ada");
      expect(await listed(page, secret.roomId).count()).toBe(0);
      await shoot(page, "watch-2-listed");

      // Starting the match changes the phase and round in the listing, live.
      host.send("settings", { rounds: 2, tuningSeconds: 10 });
      await until(host, (s) => s.rounds === 2, "the settings");
      host.send("start", {});
      await expect
        .poll(() => listed(page, code).getAttribute("data-phase"), { timeout: 60_000 })
        .toMatch(/training|tuning/);
      expect(await listed(page, code).getAttribute("data-round")).toBe("1");

      // A click watches the room live: phase, round, players, locked count, the reveal.
      await listed(page, code).click();
      await page.getByTestId("live-view").waitFor();
      await expect.poll(() => page.getByTestId("live-code").textContent()).toBe(code);
      expect(new URL(page.url()).searchParams.get("room")).toBe(code);
      await expect.poll(() => boardRows(page, "live-board")).toHaveLength(2);
      expect((await boardRows(page, "live-board")).map((r) => r.name).sort()).toEqual(["<b>Bea</b>", "Ada"].sort());
      await until(host, phaseIs("tuning"), "tuning");
      await expect.poll(() => page.getByTestId("live-phase").getAttribute("data-phase")).toBe("tuning");
      await expect.poll(() => page.getByTestId("live-round").textContent()).toBe("1 / 2");
      // The countdown runs on the watcher's clock from the state's deadline (no ticking counter on the wire).
      const clockSeconds = async () =>
        Number((await page.locator("#live-clock").textContent())?.match(/^(\d+) s$/)?.[1]);
      const firstSeconds = await clockSeconds();
      expect(firstSeconds).toBeGreaterThan(0);
      await expect.poll(clockSeconds, { timeout: 4_000 }).toBeLessThan(firstSeconds);
      host.send("pick", { level: 4 });
      host.send("lockIn", {});
      await expect.poll(() => page.getByTestId("live-locked").textContent()).toBe("1 / 2");
      await shoot(page, "watch-3-live-tuning");
      guest.send("pick", { level: 9 });
      guest.send("lockIn", {});
      await until(host, phaseIs("reveal"), "the reveal");
      await expect.poll(() => page.getByTestId("live-phase").getAttribute("data-phase")).toBe("reveal");
      await expect.poll(() => page.getByTestId("reveal-results").getByTestId("result-row").count()).toBe(2);
      // The watcher checks the reveal too: the published values hash to the round's commitment and make B.
      await expect.poll(() => page.getByTestId("reveal-verified").getAttribute("data-verified")).toBe("yes");
      expect(await page.getByTestId("replay-link").getAttribute("href")).toMatch(/^\/\?replay=/);
      const board = await boardRows(page, "live-board");
      expect(board.map((r) => r.points)).toEqual([...board.map((r) => r.points)].sort((a, b) => b - a));
      expect(board.some((r) => r.points > 0)).toBe(true);
      expect(await listed(page, code).getAttribute("data-phase")).toBe("reveal");
      await shoot(page, "watch-4-live-reveal");

      // The same page on a phone.
      const phone = await newPage(PHONE, "watch-phone");
      await phone.goto(`${app.url}/watch?room=${code}`);
      await expect.poll(() => phone.getByTestId("live-phase").getAttribute("data-phase")).toBe("reveal");
      await expect.poll(() => boardRows(phone, "live-board")).toHaveLength(2);
      await expect.poll(() => phone.getByTestId("reveal-verified").getAttribute("data-verified")).toBe("yes"); // joined at the reveal
      await shoot(phone, "watch-5-phone-reveal");
      await phone.context().close();

      // A wrong code is a readable error; a private room is watched by its code.
      await page.getByTestId("watch-code").fill("zzzzz");
      await page.getByTestId("watch-join").click();
      await expect.poll(() => page.getByTestId("error").textContent()).toContain("No room with code ZZZZZ");
      await page.getByTestId("watch-code").fill(secret.roomId.toLowerCase());
      await page.getByTestId("watch-name").fill("Teacher");
      await page.getByTestId("watch-join").click();
      await expect.poll(() => page.getByTestId("live-code").textContent()).toBe(secret.roomId);
      await expect.poll(() => boardRows(page, "live-board")).toEqual([{ name: "Cyd", points: 0 }]);
      await expect.poll(() => page.getByTestId("error").isVisible()).toBe(false);
      expect(await listed(page, secret.roomId).count()).toBe(0);
      await shoot(page, "watch-6-private-by-code");

      // Everybody leaves the public room: it disappears from the listing.
      await host.leave(true);
      await guest.leave(true);
      await expect.poll(() => listed(page, code).count(), { timeout: 30_000 }).toBe(0);
      await expect.poll(() => page.getByTestId("room-list").textContent()).toContain("No public rooms right now");
      await shoot(page, "watch-7-closed");
      await secret.leave(true);
      await page.context().close();
      expect(problems).toEqual([]);
    },
  );

  it(
    "/leaderboard shows the daily board in points order, pages it, updates live and shows a watched room",
    { timeout: 300_000 },
    async () => {
      problems.length = 0;
      // Three daily rounds under different names (the same seed for everybody today).
      const played: { name: string; points: number }[] = [];
      for (const [name, level] of [
        ["Dana", 2],
        ["Eli", 6],
        ["Flo", 11],
      ] as const) {
        const result = await playDaily(name, level);
        played.push({ name, points: result.points });
      }
      const expected = [...played].sort((a, b) => b.points - a.points).map((r) => r.points);
      console.log("daily scores:", JSON.stringify(played));

      const page = await newPage(LAPTOP, "leaderboard");
      await page.goto(`${app.url}/leaderboard`);
      await expect.poll(() => boardRows(page, "daily-board")).toHaveLength(3);
      const daily = await boardRows(page, "daily-board");
      expect(daily.map((r) => r.points)).toEqual(expected);
      expect(daily.map((r) => r.name).sort()).toEqual(["Dana", "Eli", "Flo"]);
      await expect.poll(() => boardRows(page, "alltime-board")).toHaveLength(3);
      expect(await page.getByTestId("leaderboard-date").inputValue()).toBe(new Date().toISOString().slice(0, 10));
      await shoot(page, "leaderboard-1-daily");

      // Live: a fourth score appears without a reload (the page polls every 5 s).
      const gus = await playDaily("Gus", 4);
      await expect.poll(() => boardRows(page, "daily-board"), { timeout: 15_000 }).toHaveLength(4);
      expect((await boardRows(page, "daily-board")).find((r) => r.name === "Gus")?.points).toBe(gus.points);

      // Pagination: 2 a page.
      const all = await boardRows(page, "daily-board");
      await page.goto(`${app.url}/leaderboard?limit=2`);
      await expect.poll(() => boardRows(page, "daily-board")).toEqual(all.slice(0, 2));
      expect(await page.getByTestId("page-prev").isDisabled()).toBe(true);
      await page.getByTestId("page-next").click();
      await expect.poll(() => boardRows(page, "daily-board")).toEqual(all.slice(2, 4));
      expect(await page.getByTestId("daily-page").textContent()).toBe("3–4 of 4");
      expect(await page.getByTestId("page-next").isDisabled()).toBe(true);
      expect(new URL(page.url()).searchParams.get("page")).toBe("2");
      await shoot(page, "leaderboard-2-page-2");
      await page.getByTestId("page-prev").click();
      await expect.poll(() => boardRows(page, "daily-board")).toEqual(all.slice(0, 2));

      // Another day: an empty board with a clear message.
      await page.getByTestId("leaderboard-date").fill("2020-01-01");
      await expect
        .poll(() => page.getByTestId("daily-board").textContent())
        .toContain("No daily challenge scores on 2020-01-01");
      await shoot(page, "leaderboard-3-other-day");

      // ?room=CODE: that room's board, live, in rank order.
      const host = await createMatch("Hal");
      const guest = await joinMatch(host.roomId, "Ivy");
      host.send("settings", { rounds: 1, tuningSeconds: 10 });
      await until(host, (s) => s.rounds === 1, "the settings");
      const phone = await newPage(PHONE, "room-board");
      await phone.goto(`${app.url}/leaderboard?room=${host.roomId}`);
      await expect.poll(() => boardRows(phone, "room-board")).toHaveLength(2);
      await shoot(phone, "leaderboard-4-room-lobby-phone");
      const reveals = recordReveals(host);
      host.send("start", {});
      await playRound([host, guest], [3, 8]);
      await until(host, () => reveals.length === 1, "the reveal");
      const { results } = reveals[0];
      const want = [...results].sort((a, b) => b.points - a.points).map((r) => r.points);
      await expect.poll(() => boardRows(phone, "room-board").then((rows) => rows.map((r) => r.points))).toEqual(want);
      await shoot(phone, "leaderboard-5-room-reveal-phone");

      // The podium stores a winner: the hall of fame's wins board shows it at the next poll.
      host.send("next", {});
      await until(host, phaseIs("podium"), "the podium");
      const winner = results.reduce((a, b) => (b.points > a.points ? b : a)).name;
      await page.goto(`${app.url}/leaderboard?room=${host.roomId}`);
      await expect
        .poll(() => boardRows(page, "wins-board"), { timeout: 15_000 })
        .toContainEqual({ name: winner, points: 1 });
      await expect.poll(() => page.getByTestId("room-phase").getAttribute("data-phase")).toBe("podium");
      await shoot(page, "leaderboard-6-room-podium-and-fame");
      await page.setViewportSize({ width: 1920, height: 1080 }); // a projector
      await shoot(page, "leaderboard-6b-projector");
      await phone.goto(`${app.url}/leaderboard`);
      await expect.poll(() => boardRows(phone, "daily-board")).toHaveLength(4);
      await shoot(phone, "leaderboard-7-phone");

      // A broken room link is a readable error; the boards still show.
      await phone.goto(`${app.url}/leaderboard?room=zzzzz`);
      await expect.poll(() => phone.getByTestId("error").textContent()).toContain("No room with code ZZZZZ");
      await expect.poll(() => boardRows(phone, "daily-board")).toHaveLength(4);
      await host.leave(true);
      await guest.leave(true);
      expect(problems).toEqual([]);
    },
  );
});
