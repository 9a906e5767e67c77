// The engine demo in real Chromium: the page trains the same ladder as Node. Node 20's and
// Chromium's V8 round Math.cos/exp/log differently in the last bit, so the fits agree to about
// float32 precision rather than bit for bit (Node processes among themselves agree exactly).
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { hasChromium, launchChromium, closeChromium } from "./chromium";
import { startAppServer, type AppServer } from "./app-server";
import { loadTf } from "../../server/tf";
import { CATALOG } from "../../shared/spirals";
import { generateRound } from "../../shared/round";
import { publicRoundKey } from "../../shared/round-key";
import { fitRound } from "../../shared/round-ladder";

const SHOTS = resolve("test-results/screenshots/engine-demo");

describe.skipIf(!hasChromium)("engine demo in Chromium", () => {
  let browser: Browser;
  let app: AppServer;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    console.log(`Screenshots of the engine demo go to ${SHOTS}`);
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

  it("trains the same fits as Node and scores the reveal", async () => {
    const seed = "browser-7";
    const { fits, hidden } = fitRound(await loadTf(), generateRound(CATALOG, publicRoundKey(seed)));
    const page = await browser.newPage({ viewport: { width: 720, height: 1100 } });
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`${app.url}/demo.html?seed=${seed}`);
    await page.getByTestId("status").filter({ hasText: "Trained in" }).waitFor({ timeout: 60_000 });

    for (const level of [1, 6, 12]) {
      await page.getByTestId("detail-slider").fill(String(level));
      const shown = JSON.parse((await page.getByTestId("errors").getAttribute("data-fit"))!);
      const node = [fits[level - 1].trainError, fits[level - 1].validationError];
      console.log(`level ${level}: browser ${shown.join(", ")} · node ${node.join(", ")}`);
      shown.forEach((v: number, i: number) => expect(Math.abs(v - node[i]) / node[i]).toBeLessThan(1e-6));
      await page.screenshot({ path: `${SHOTS}/level-${level}.png` });
    }
    await page.getByRole("button", { name: "Reveal B" }).click();
    const shown = JSON.parse((await page.getByTestId("errors").getAttribute("data-fit"))!);
    expect(Math.abs(shown[2] - hidden![11].error) / hidden![11].error).toBeLessThan(1e-6);
    await expect.poll(() => page.getByTestId("result").textContent()).toMatch(/Hidden error .* points/);
    await page.screenshot({ path: `${SHOTS}/reveal.png` });
    expect(problems).toEqual([]);
  });
});
