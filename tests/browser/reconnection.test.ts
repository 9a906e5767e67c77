// Reconnection in real Chromium. Ada (the host) plays from the app's own address; Bea plays
// through a TCP relay (./cable.ts) so the test can kill her WebSocket the hard way: a TCP reset in
// both directions, no close frame, and new connections refused for 3 s, as when wifi drops. The
// page and the server run their ordinary code; nothing test-only is built in.
// (1) During round 2's tuning Bea's socket is killed: her page says "reconnecting…", the SDK gets
//     back in by itself, and she is in the same seat with the same points and pick.
// (2) During round 3's tuning Bea reloads, then closes the tab and opens the link in a new tab of
//     the same browser profile: the seat token kept in localStorage gives her seat back (same
//     points, the slider at her pick); nobody gets a second seat. A Leave then gives the seat up
//     and forgets the token: the link afterwards joins as a new player, even with a dead token kept.
// (3) A drop whose seat is gone by the time the network is back (as after the 60 s): the page
//     goes home with a clear error.
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { Client } from "@colyseus/sdk";
import { hasChromium, launchChromium, closeChromium } from "./chromium";
import { startAppServer, type AppServer } from "./app-server";
import { startCable, type Cable } from "./cable";

const SHOTS = resolve("test-results/screenshots/reconnection");
const OUTAGE_MS = 3_000;

const phase = (page: Page, name: string) => page.locator(`[data-testid=phase][data-phase=${name}]`);
const points = async (page: Page) => Number(await page.getByTestId("my-points").getAttribute("data-points"));
const reconnectingNotice = (page: Page) => page.locator("#notice.reconnecting");

/** The host ends the reveal early, unless its 15 s already ran out. */
async function skipReveal(host: Page): Promise<void> {
  await host
    .locator("#next-round")
    .click({ timeout: 3_000 })
    .catch(() => undefined);
}

async function leaderboard(page: Page): Promise<{ name: string; points: number }[]> {
  return page
    .getByTestId("leaderboard-row")
    .evaluateAll((rows) =>
      rows.map((r) => ({ name: r.getAttribute("data-name")!, points: Number(r.getAttribute("data-points")) })),
    );
}

describe.skipIf(!hasChromium)("reconnection in Chromium", () => {
  let browser: Browser;
  let app: AppServer;
  let cable: Cable;
  let host: Page;
  let beaContext: BrowserContext;
  let bea: Page;
  let code = "";
  const problems: string[] = [];
  const figures = { tried: 0, restored: 0, tabRestores: 0, deadTokens: 0 };

  /** Records page errors and console errors; counts the SDK's reconnection tries and successes. */
  function watch(page: Page, who: string): Page {
    page.setDefaultTimeout(30_000);
    page.on("pageerror", (e) => problems.push(`${who}: ${e.message}`));
    page.on("console", (m) => {
      const text = m.text();
      if (/Re-establishing sessionId/.test(text)) figures.tried++;
      if (/reconnection successful/.test(text)) figures.restored++;
      if (/not restored .*joining as a new player/.test(text)) figures.deadTokens++;
      // While the cable is out, the SDK's tries fail to connect; a dead seat token is answered 524
      // (then the page joins as new). Both expected, and Chromium logs them as errors.
      if (m.type() === "error" && !/WebSocket connection to .* failed|status of 524/.test(text))
        problems.push(`${who} console: ${text}`);
    });
    return page;
  }
  const shoot = (page: Page, what: string) => page.screenshot({ path: `${SHOTS}/${what}.png`, fullPage: true });

  beforeAll(async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    console.log(`Screenshots of reconnection go to ${SHOTS}`);
    app = await startAppServer();
    cable = await startCable(app.url);
    browser = await launchChromium();
  });
  afterAll(async () => {
    console.log(
      `browser reconnection figures: ${figures.tried} automatic tries, ${figures.restored} restored by the SDK; ${figures.tabRestores} seats restored from the stored token (reload, reopened tab); ${figures.deadTokens} dead token refused, then joined as new`,
    );
    await closeChromium(browser);
    await cable?.close();
    app?.stop();
  });

  it(
    "brings a killed socket back by itself, showing reconnecting…, into the same seat",
    { timeout: 180_000 },
    async () => {
      host = watch(await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage(), "Ada");
      beaContext = await browser.newContext({ viewport: { width: 390, height: 844 } }); // a phone
      bea = watch(await beaContext.newPage(), "Bea");

      await host.goto(app.url);
      await host.getByTestId("name-input").fill("Ada");
      await host.getByTestId("create-room").click();
      await phase(host, "lobby").waitFor();
      code = (await host.getByTestId("room-code").textContent())!.trim();

      await bea.goto(cable.url);
      await bea.getByTestId("name-input").fill("Bea");
      await bea.getByTestId("code-input").fill(code);
      await bea.getByTestId("join-room").click();
      await phase(bea, "lobby").waitFor();
      await expect.poll(() => host.getByTestId("player-list").locator("li").count()).toBe(2);
      expect(cable.openWebSockets()).toBe(1); // Bea's, and only hers, runs through the relay
      expect(await bea.evaluate((c) => localStorage.getItem(`shell-galaxy:seat:${c}`), code)).toContain(
        `"token":"${code}:`,
      );

      await host.getByTestId("rounds-input").fill("4");
      await host.getByTestId("tuning-seconds-input").fill("120"); // every round here ends by lock-in
      await host.getByTestId("tuning-seconds-input").blur();
      await expect.poll(() => bea.getByTestId("tuning-seconds-input").inputValue()).toBe("120");
      await expect.poll(() => bea.getByTestId("rounds-input").inputValue()).toBe("4");
      await host.getByTestId("start-match").click();

      // Round 1, so that Bea has points to keep.
      await Promise.all([host, bea].map((p) => phase(p, "tuning").waitFor()));
      await host.getByTestId("detail-slider").fill("4");
      await bea.getByTestId("detail-slider").fill("6");
      for (const p of [host, bea]) await p.getByTestId("lock-in").click();
      await Promise.all([host, bea].map((p) => phase(p, "reveal").waitFor()));
      await expect.poll(() => points(bea)).toBeGreaterThan(0);
      const pointsBefore = await points(bea);
      await skipReveal(host);

      // Round 2: Bea picks 8, then her cable is pulled.
      await Promise.all([host, bea].map((p) => phase(p, "tuning").waitFor()));
      await bea.getByTestId("detail-slider").fill("8");
      await expect.poll(() => bea.locator("#level-out").textContent()).toBe("8");
      await bea.waitForTimeout(500); // the pick goes out (throttled to one per 120 ms)
      expect(cable.cut(OUTAGE_MS)).toBe(1);

      await reconnectingNotice(bea).waitFor({ state: "visible", timeout: 5_000 });
      expect(await reconnectingNotice(bea).textContent()).toMatch(/reconnecting…/);
      await shoot(bea, "1-killed-socket-reconnecting-Bea");
      await shoot(host, "1-killed-socket-host-view-Ada");

      // Back by itself once the cable is in again: the notice goes, the seat is the same.
      await reconnectingNotice(bea).waitFor({ state: "hidden", timeout: OUTAGE_MS + 15_000 });
      expect(await bea.locator("#notice").isVisible()).toBe(false);
      expect(figures.restored).toBe(1);
      expect(figures.tried).toBeGreaterThanOrEqual(2); // at least one try failed during the outage
      expect(cable.openWebSockets()).toBe(1);
      expect(await phase(bea, "tuning").count()).toBe(1);
      expect(await points(bea)).toBe(pointsBefore);
      expect(await bea.getByTestId("detail-slider").inputValue()).toBe("8");
      expect(await bea.getByTestId("lock-in").isEnabled()).toBe(true);
      await expect.poll(() => host.locator("#locked-count").textContent()).toContain("0 of 2 locked in");
      await shoot(bea, "2-killed-socket-back-in-seat-Bea");

      // The round ends normally; the pick the server held for Bea is the one that counts.
      for (const p of [host, bea]) await p.getByTestId("lock-in").click();
      await Promise.all([host, bea].map((p) => phase(p, "reveal").waitFor()));
      await expect.poll(() => bea.locator("#my-result").textContent()).toContain("You picked level 8:");
      await expect.poll(() => leaderboard(host).then((rows) => rows.map((r) => r.name).sort())).toEqual(["Ada", "Bea"]);
      const rows = await leaderboard(host);
      expect(rows.find((r) => r.name === "Bea")!.points).toBeGreaterThan(pointsBefore);
      await expect.poll(() => points(bea)).toBe(rows.find((r) => r.name === "Bea")!.points);
      await shoot(bea, "3-killed-socket-reveal-Bea");
      expect(problems).toEqual([]);
    },
  );

  it(
    "restores the seat after a reload and after the tab is closed and the link opened again",
    { timeout: 180_000 },
    async () => {
      expect(code, "the first test set up the match").not.toBe("");
      await skipReveal(host);
      await Promise.all([host, bea].map((p) => phase(p, "tuning").waitFor()));
      await bea.getByTestId("detail-slider").fill("10");
      await expect.poll(() => bea.locator("#level-out").textContent()).toBe("10");
      await bea.waitForTimeout(500);
      const pointsBefore = await points(bea);
      expect(pointsBefore).toBeGreaterThan(0);
      const link = `${cable.url}/?room=${code}`;
      expect(bea.url()).toBe(link); // the shareable link stays in the address bar

      // A reload: the same page loads again and gets the seat back, slider at the held pick.
      await bea.reload();
      await phase(bea, "tuning").waitFor();
      figures.tabRestores++;
      await expect.poll(() => points(bea)).toBe(pointsBefore);
      await expect.poll(() => bea.getByTestId("detail-slider").inputValue()).toBe("10");
      await expect.poll(() => host.locator("#locked-count").textContent()).toContain("0 of 2 locked in");

      // The tab is closed (no Leave) and the link opened in a new tab of the same browser.
      await bea.close();
      bea = watch(await beaContext.newPage(), "Bea (new tab)");
      await bea.goto(link);
      await phase(bea, "tuning").waitFor();
      figures.tabRestores++;
      await expect.poll(() => points(bea)).toBe(pointsBefore);
      await expect.poll(() => bea.getByTestId("detail-slider").inputValue()).toBe("10");
      expect(await bea.locator("#level-out").textContent()).toBe("10");
      expect(await bea.getByTestId("lock-in").isEnabled()).toBe(true);
      expect(await bea.getByTestId("room-code").textContent()).toBe(code);
      await expect.poll(() => host.locator("#locked-count").textContent()).toContain("0 of 2 locked in");
      await shoot(bea, "4-reopened-tab-restored-Bea");

      // The reveal: still two players, no "Bea 2"; the held pick counted.
      for (const p of [host, bea]) await p.getByTestId("lock-in").click();
      await Promise.all([host, bea].map((p) => phase(p, "reveal").waitFor()));
      await expect.poll(() => bea.locator("#my-result").textContent()).toContain("You picked level 10:");
      const rows = await leaderboard(host);
      expect(rows.map((r) => r.name).sort()).toEqual(["Ada", "Bea"]);
      expect(await leaderboard(bea)).toEqual(rows);
      expect(await points(bea)).toBe(rows.find((r) => r.name === "Bea")!.points);
      await shoot(bea, "5-reopened-tab-reveal-Bea");
      await shoot(host, "5-reopened-tab-reveal-host-Ada");

      // Leave gives the seat up and forgets the token. The link then joins as a new player (0 points,
      // playing from the next round) — even with a dead token in storage (here: Bea's last token
      // put back), which the server refuses and the page forgets before joining normally.
      const seatKey = `shell-galaxy:seat:${code}`;
      const lastToken = await bea.evaluate((k) => localStorage.getItem(k), seatKey);
      expect(lastToken).toContain(`"token":"${code}:`);
      await bea.locator("#leave").click();
      await phase(bea, "home").waitFor();
      expect(await bea.evaluate((k) => localStorage.getItem(k), seatKey)).toBeNull();
      await expect
        .poll(() => host.evaluate(() => document.querySelectorAll("[data-testid=leaderboard-row]").length))
        .toBe(1);
      await bea.evaluate(([k, v]) => localStorage.setItem(k, v), [seatKey, lastToken!] as const);
      await bea.goto(link);
      await expect.poll(() => bea.getByTestId("room-code").textContent()).toBe(code);
      expect(await points(bea)).toBe(0);
      expect(figures.deadTokens).toBe(1);
      await expect.poll(() => bea.evaluate((k) => localStorage.getItem(k), seatKey)).not.toBe(lastToken); // the new seat's token
      await shoot(bea, "6-after-leave-joined-as-new-Bea");
      await skipReveal(host);
      await Promise.all([host, bea].map((p) => phase(p, "tuning").waitFor()));
      await expect.poll(() => host.locator("#locked-count").textContent()).toContain("0 of 2 locked in");
      for (const p of [host, bea]) await p.getByTestId("lock-in").click();
      await Promise.all([host, bea].map((p) => phase(p, "reveal").waitFor()));
      const last = await leaderboard(host);
      expect(last.map((r) => r.name).sort()).toEqual(["Ada", "Bea"]);
      const fresh = (await bea.locator("#my-result").textContent())!.match(/→ (\d+) points/);
      expect(last.find((r) => r.name === "Bea")!.points).toBe(Number(fresh?.[1])); // this round's points only
      expect(problems).toEqual([]);
    },
  );

  it(
    "goes home with a clear error when the seat is gone by the time the network is back",
    { timeout: 60_000 },
    async () => {
      const { token } = JSON.parse((await bea.evaluate((c) => localStorage.getItem(`shell-galaxy:seat:${c}`), code))!);
      const triedBefore = figures.tried;
      expect(cable.cut(4_000)).toBe(1);
      await reconnectingNotice(bea).waitFor({ state: "visible", timeout: 5_000 });
      // While Bea is offline her seat ends, as it would after 60 s: here someone holding her token
      // takes the seat and leaves with consent, which frees it.
      const other = await new Client(app.url).reconnect(token);
      other.onMessage("*", () => undefined);
      await other.leave(true);
      await phase(bea, "home").waitFor({ timeout: 20_000 });
      expect(figures.tried).toBeGreaterThan(triedBefore);
      expect(await bea.getByTestId("error").textContent()).toContain(
        `Lost the connection to room ${code} and could not reconnect: the room no longer holds your seat`,
      );
      expect(await reconnectingNotice(bea).count()).toBe(0);
      await shoot(bea, "7-seat-gone-back-home-with-error-Bea");
      expect(problems).toEqual([]);
    },
  );
});
