// The engine demo was folded into solo practice: /demo.html?seed=S (old links) lands on
// /?practice=S, which trains the same fits as Node in the page (tests/browser/practice.test.ts
// checks every level; here the landing and one round's fits). The server answers its health check
// and malformed paths.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { hasChromium, launchChromium, closeChromium } from "./chromium";
import { startAppServer, type AppServer } from "./app-server";
import { loadTf } from "../../server/tf";
import { roundOf } from "../../shared/round-proof";
import { practiceOpening } from "../../shared/round-key";
import { fitRound } from "../../shared/round-ladder";
import type { RoundMessage } from "../../shared/protocol";
import { fromWire, roundMessage } from "../../shared/round-messages";

describe.skipIf(!hasChromium)("the engine demo's address in Chromium", () => {
  let browser: Browser;
  let app: AppServer;
  beforeAll(async () => {
    app = await startAppServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await closeChromium(browser);
    app?.stop();
  });

  it("answers the health check", async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it("answers a malformed path with the app page and stays up", async () => {
    expect((await fetch(`${app.url}/%E0%A4%A`)).status).toBe(200);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  it(
    "sends /demo.html?seed=S to solo practice with that seed, which trains Node's fits",
    { timeout: 120_000 },
    async () => {
      const seed = "browser-7";
      const opening = practiceOpening(seed);
      const round = roundOf(opening);
      const node = fromWire(roundMessage(1, round, fitRound(await loadTf(), round).fits, opening)); // as the page holds it
      const page = await browser.newPage({ viewport: { width: 720, height: 1100 } });
      const problems: string[] = [];
      page.on("pageerror", (e) => problems.push(e.message));
      await page.goto(`${app.url}/demo.html?seed=${seed}`);
      await page.waitForURL(`${app.url}/?practice=${seed}`);
      const data = page.getByTestId("practice-data");
      await expect.poll(() => data.getAttribute("data-round"), { timeout: 90_000 }).not.toBeNull();
      expect(await data.getAttribute("data-seed")).toBe(seed);
      const shown = JSON.parse((await data.getAttribute("data-round"))!) as RoundMessage;
      expect(shown.commitment).toBe(node.commitment);
      expect(shown.fits).toEqual(node.fits);
      expect(problems).toEqual([]);
    },
  );
});
