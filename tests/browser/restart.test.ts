// A match survives its server (issue 15) in real Chromium: three players and a projector page are
// in round 2's tuning (two locked in, one not) when the server process is killed — with SIGKILL,
// then in a second match with SIGTERM — and a new process is started on the same port and results
// file. Every page comes back by itself into the same room, with the same names and totals; the
// round resumes with the same commitment (the same A and B), the locked picks still locked; the
// match finishes and each player's round-2 result is the level they picked before the crash.
// Prints the time from the kill to every page being back. Screenshots: test-results/screenshots/restart.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { build } from "vite";
import { freePort, startServerProcess, tempDatabasePath, type ServerProcess } from "../../tools/server-process";
import { roomData } from "../rooms/b-on-the-wire";
import { hasChromium, launchChromium, closeChromium } from "./chromium";

const SHOTS = resolve("test-results/screenshots/restart");
const phase = (page: Page, name: string) => page.locator(`[data-testid=phase][data-phase=${name}]`);
const points = async (page: Page) => Number(await page.getByTestId("my-points").getAttribute("data-points"));

/** Each player's level in round 1 and round 2; Cy has not locked round 2 in when the server dies. */
const PLAYERS = [
  { name: "Tess", levels: [4, 6] },
  { name: "Ada", levels: [2, 3] },
  { name: "Cy", levels: [9, 10] },
];

describe.skipIf(!hasChromium)("a match survives its server in Chromium", () => {
  let browser: Browser;
  let server: ServerProcess | undefined;
  let env: Record<string, string>;
  const problems: string[] = [];
  /** Per page, the round messages' commitments as they arrived on the wire (round → list). */
  const commitments = new Map<Page, { round: number; commitment: string }[]>();

  async function open(who: string, width = 1280, height = 800): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on("pageerror", (e) => problems.push(`${who}: ${e.message}`));
    const seen: { round: number; commitment: string }[] = [];
    commitments.set(page, seen);
    page.on("websocket", (ws) =>
      ws.on("framereceived", ({ payload }) => {
        if (typeof payload === "string") return;
        const message = roomData({ bytes: new Uint8Array(payload) } as never);
        if (message?.type === "round") seen.push(message.payload as { round: number; commitment: string });
      }),
    );
    return page;
  }
  const shoot = (page: Page, what: string) => page.screenshot({ path: `${SHOTS}/${what}.png`, fullPage: true });

  async function start(): Promise<number> {
    server = await startServerProcess(env);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.ok).toBe(true);
    return Date.now();
  }

  beforeAll(async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    const outDir = mkdtempSync(join(tmpdir(), "sg-client-"));
    await build({ configFile: "vite.config.ts", logLevel: "error", build: { outDir, emptyOutDir: true } });
    env = {
      CLIENT_DIR: outDir,
      PORT: String(await freePort()),
      DATABASE_PATH: tempDatabasePath(),
      ROUND_SECRET: "restart-test-secret-0123456789abcdef",
    };
    browser = await launchChromium();
  });
  afterAll(async () => {
    console.log(`Screenshots of the restart are in ${SHOTS}`);
    await closeChromium(browser);
    server?.child.kill("SIGKILL");
  });

  for (const signal of ["SIGKILL", "SIGTERM"] as const) {
    it(`comes back after ${signal} mid-tuning and finishes the match`, { timeout: 240_000 }, async () => {
      problems.length = 0;
      await start();
      const url = server!.url;
      const pages = await Promise.all(PLAYERS.map((p) => open(p.name)));
      const [host] = pages;
      await host.goto(url);
      await host.getByTestId("name-input").fill(PLAYERS[0].name);
      await host.getByTestId("create-room").click();
      await phase(host, "lobby").waitFor({ state: "attached" });
      const code = (await host.getByTestId("room-code").textContent())!.trim();
      for (const [i, page] of pages.entries()) {
        if (i === 0) continue;
        await page.goto(`${url}/?room=${code}`);
        await page.getByTestId("name-input").fill(PLAYERS[i].name);
        await page.getByTestId("join-room").click();
        await phase(page, "lobby").waitFor({ state: "attached" });
      }
      const projector = await open("projector", 1920, 1080);
      await projector.goto(`${url}/host?room=${code}`);
      await projector.getByTestId("projector").waitFor();

      await host.getByTestId("rounds-input").fill("2");
      await host.getByTestId("rounds-input").blur();
      await host.getByTestId("tuning-seconds-input").fill("90");
      await host.getByTestId("tuning-seconds-input").blur();
      await expect.poll(() => pages[1].getByTestId("tuning-seconds-input").inputValue()).toBe("90");
      await host.getByTestId("start-match").click();

      // Round 1, played through.
      await Promise.all(pages.map((p) => phase(p, "tuning").waitFor({ state: "attached", timeout: 60_000 })));
      for (const [i, page] of pages.entries())
        await page.getByTestId("detail-slider").fill(String(PLAYERS[i].levels[0]));
      for (const page of pages) await page.getByTestId("lock-in").click();
      await Promise.all(pages.map((p) => phase(p, "reveal").waitFor({ state: "attached" })));
      await host.locator("#next-round").click();

      // Round 2: Tess and Ada lock in; Cy has moved the slider but not locked in.
      await Promise.all(pages.map((p) => phase(p, "tuning").waitFor({ state: "attached", timeout: 60_000 })));
      for (const [i, page] of pages.entries()) {
        await page.getByTestId("detail-slider").fill(String(PLAYERS[i].levels[1]));
        await expect.poll(() => page.locator("#level-out").textContent()).toBe(String(PLAYERS[i].levels[1]));
      }
      await pages[0].getByTestId("lock-in").click();
      await pages[1].getByTestId("lock-in").click();
      const totals = await Promise.all(pages.map(points));
      const before = commitments.get(host)!.find((c) => c.round === 2)!.commitment;
      await new Promise((r) => setTimeout(r, 600)); // the lock-ins' batch reaches the checkpoint
      await shoot(host, `${signal}-1-before`);

      // The kill, and a new process on the same port and results file.
      const killedAt = Date.now();
      server!.child.kill(signal);
      await server!.exited;
      const healthyAt = await start();
      await Promise.all(
        [...pages, projector].map((p) =>
          p.getByTestId("restored-notice").waitFor({ state: "visible", timeout: 60_000 }),
        ),
      );
      const backAt = Date.now();
      console.log(
        JSON.stringify({
          signal,
          kill_to_health_ms: healthyAt - killedAt,
          health_to_all_back_ms: backAt - healthyAt,
          kill_to_all_back_ms: backAt - killedAt,
        }),
      );
      expect(backAt - healthyAt).toBeLessThan(15_000);
      await shoot(host, `${signal}-2-back`);
      await shoot(projector, `${signal}-2-projector-back`);

      // Same room, names and totals; round 2 is the same round (same commitment) at tuning again.
      for (const [i, page] of pages.entries()) {
        await phase(page, "tuning").waitFor({ state: "attached", timeout: 60_000 });
        expect((await page.getByTestId("room-code").textContent())!.trim()).toBe(code);
        expect(await points(page)).toBe(totals[i]);
        const again = commitments.get(page)!.filter((c) => c.round === 2);
        expect(again.at(-1)!.commitment).toBe(before);
      }
      expect(await pages[0].getByTestId("player-list").textContent()).toMatch(/Tess[\s\S]*Ada[\s\S]*Cy/);
      // Tess and Ada are still locked in; Cy locks in now and the reveal comes at once.
      expect(await pages[0].getByTestId("lock-in").isDisabled()).toBe(true);
      await pages[2].getByTestId("detail-slider").fill(String(PLAYERS[2].levels[1]));
      await pages[2].getByTestId("lock-in").click();
      await Promise.all(pages.map((p) => phase(p, "reveal").waitFor({ state: "attached", timeout: 30_000 })));
      for (const [i, page] of pages.entries()) {
        await expect
          .poll(() => page.locator("#my-result").textContent())
          .toContain(`You picked level ${PLAYERS[i].levels[1]}:`);
        await expect.poll(() => page.getByTestId("reveal-verified").getAttribute("data-verified")).toBe("yes");
      }
      await host.locator("#next-round").click();
      await Promise.all(pages.map((p) => phase(p, "podium").waitFor({ state: "attached" })));
      await shoot(host, `${signal}-3-podium`);
      for (const page of [...pages, projector]) await page.context().close();
      server!.child.kill("SIGTERM");
      await server!.exited;
      expect(problems).toEqual([]);
    });
  }
});
