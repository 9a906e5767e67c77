// A teacher's day in real Chromium (issue 14): a room made in the browser gives the host a teacher
// key; three students play a match with the teacher; /teacher#KEY in another browser lists it and
// its report carries each student's picks, labels and points (checked against the stored match);
// the report prints to A4 and Letter without clipping; the teacher makes an assignment, two
// students do it at home, and one who starts after the deadline is refused.
// Screenshots go to test-results/screenshots/teacher.
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { TEACHER_KEY_PATTERN, fitLabel } from "../../shared/teacher";
import { hasChromium, launchChromium, closeChromium } from "./chromium";
import { startAppServer, type AppServer } from "./app-server";

const SHOTS = resolve("test-results/screenshots/teacher");
const KEY_IN_TEXT = new RegExp(TEACHER_KEY_PATTERN.source.slice(1, -1));

const phase = (page: Page, name: string) => page.locator(`[data-testid=phase][data-phase=${name}]`);

/** Each player's detail level per round (the teacher plays too). */
const PLAYERS = [
  { name: "Tess", levels: [3, 5] },
  { name: "Ada", levels: [1, 2] },
  { name: "Bea", levels: [6, 6] },
  { name: "Cy", levels: [12, 11] },
];

describe.skipIf(!hasChromium)("a teacher's flow in Chromium", () => {
  let browser: Browser;
  let app: AppServer;
  const problems: string[] = [];

  async function open(who: string, options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on("pageerror", (e) => problems.push(`${who}: ${e.message}`));
    page.on("console", (m) => {
      // A refused join (the closed homework) is answered with an HTTP error on purpose.
      if (m.type() === "error" && !/status of (4|5)\d\d/.test(m.text())) problems.push(`${who} console: ${m.text()}`);
    });
    return page;
  }
  const shoot = (page: Page, what: string, fullPage = true) =>
    page.screenshot({ path: `${SHOTS}/${what}.png`, fullPage });

  /** Makes an assignment through the API (for a deadline seconds away, which the form's minutes cannot give). */
  async function assignmentDueIn(key: string, seconds: number): Promise<{ id: string; deadline: number }> {
    const deadline = new Date(Date.now() + seconds * 1000).toISOString();
    const res = await fetch(`${app.url}/api/teacher/assignments`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify({
        title: "Due soon",
        rounds: 1,
        kinds: ["shell"],
        difficulty: "easy",
        deadline,
        timeZone: "Asia/Kolkata",
      }),
    });
    expect(res.status).toBe(201);
    return { id: ((await res.json()) as { id: string }).id, deadline: Date.parse(deadline) };
  }

  /** A student plays one homework round at `level` and sees their result. */
  async function doHomework(page: Page, link: string, name: string, level: number): Promise<void> {
    await page.goto(link);
    await page.getByTestId("homework-title").waitFor();
    await page.getByTestId("name-input").fill(name);
    await page.getByTestId("homework-start").click();
    await phase(page, "tuning").waitFor({ state: "attached", timeout: 60_000 });
    await page.getByTestId("detail-slider").fill(String(level));
    await expect.poll(() => page.locator("#level-out").textContent()).toBe(String(level));
    await page.getByTestId("lock-in").click();
    await phase(page, "reveal").waitFor({ state: "attached" });
    await expect.poll(() => page.locator("#my-result").textContent()).toContain(`You picked level ${level}:`);
    // B's values wait for the deadline (classmates play the same rounds), and the page says so.
    expect(await page.getByTestId("reveal-verified").textContent()).toContain("published when the homework closes");
    expect(await page.getByTestId("reveal-verified").getAttribute("data-verified")).toBe("pending");
  }

  beforeAll(async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    app = await startAppServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    console.log(`Screenshots of the teacher's flow are in ${SHOTS}`);
    await closeChromium(browser);
    app?.stop();
  });

  it(
    "key, a match with three students, its report and print, homework and its deadline",
    { timeout: 300_000 },
    async () => {
      problems.length = 0;
      const [host, ...students] = await Promise.all(PLAYERS.map((p) => open(p.name)));
      const pages = [host, ...students];

      // 1. The first room made in this browser gives the host a teacher key, shown to the host only.
      await host.goto(app.url);
      await host.getByTestId("name-input").fill("Tess");
      await host.getByTestId("create-room").click();
      await phase(host, "lobby").waitFor({ state: "attached" });
      const key = (await host.getByTestId("teacher-key").textContent())!.match(KEY_IN_TEXT)?.[0];
      expect(key).toBeTruthy();
      const code = (await host.getByTestId("room-code").textContent())!.trim();
      // A student opens another assignment's link now, and will press Start only after its deadline.
      const dueSoon = await assignmentDueIn(key!, 45);
      const late = await open("Late");
      await late.goto(`${app.url}/homework/${dueSoon.id}`);
      await late.getByTestId("homework-title").waitFor();
      await late.getByTestId("name-input").fill("Late");

      for (const [i, page] of students.entries()) {
        await page.goto(`${app.url}/?room=${code}`);
        await page.getByTestId("name-input").fill(PLAYERS[i + 1].name);
        await page.getByTestId("join-room").click();
        await phase(page, "lobby").waitFor({ state: "attached" });
        expect(await page.getByTestId("teacher-key").count()).toBe(0); // the key is the host's alone
      }
      await shoot(host, "1-lobby-with-key");

      // 2. Two rounds; everyone picks their level and locks in.
      await host.getByTestId("rounds-input").fill("2");
      await host.getByTestId("rounds-input").blur();
      await expect.poll(() => students[0].getByTestId("rounds-input").inputValue()).toBe("2");
      await host.getByTestId("start-match").click();
      for (let round = 1; round <= 2; round++) {
        await Promise.all(pages.map((page) => phase(page, "tuning").waitFor({ state: "attached", timeout: 60_000 })));
        for (const [i, page] of pages.entries()) {
          const level = PLAYERS[i].levels[round - 1];
          await page.getByTestId("detail-slider").fill(String(level));
          await expect.poll(() => page.locator("#level-out").textContent()).toBe(String(level));
        }
        for (const page of pages) await page.getByTestId("lock-in").click();
        await Promise.all(pages.map((page) => phase(page, "reveal").waitFor({ state: "attached" })));
        await host.locator("#next-round").click();
      }
      await Promise.all(pages.map((page) => phase(page, "podium").waitFor({ state: "attached" })));
      const matchId = await host.evaluate(
        () => document.querySelector<HTMLAnchorElement>("[data-testid=download-csv]")?.href,
      );
      const stored = (await (await fetch(matchId!.replace(/\.csv$/, ""))).json()) as {
        match: { id: string };
        rounds: { round: number; bestLevel: number; results: { name: string; level: number; points: number }[] }[];
      };

      // 3. The teacher opens /teacher#KEY in another browser: the key, the match and its report.
      const teacher = await open("teacher");
      await teacher.goto(`${app.url}/teacher#${key}`);
      await expect.poll(() => teacher.getByTestId("teacher-key").textContent()).toContain(key!);
      await teacher.goto(`${app.url}/teacher?report=match:${stored.match.id}#${key}`);
      const rows = teacher.getByTestId("report-row");
      await expect.poll(() => rows.count()).toBe(8);
      for (const r of stored.rounds) {
        for (const result of r.results) {
          const row = teacher.locator(`[data-testid=report-row][data-name="${result.name}"][data-round="${r.round}"]`);
          expect(await row.getAttribute("data-level")).toBe(String(result.level));
          expect(await row.getAttribute("data-best-level")).toBe(String(r.bestLevel));
          expect(await row.getAttribute("data-points")).toBe(String(result.points));
          expect(await row.getAttribute("data-label")).toBe(fitLabel(result.level, r.bestLevel));
          const picked = PLAYERS.find((p) => p.name === result.name)!.levels[r.round - 1];
          expect(result.level).toBe(picked);
        }
      }
      expect(await teacher.locator("svg path").count()).toBeGreaterThan(0); // charts are drawn
      await shoot(teacher, "2-report");
      await teacher.setViewportSize({ width: 1920, height: 1080 });
      await shoot(teacher, "3-report-projector", false);

      // 4. Print preview on A4 and Letter: nothing wider than the paper.
      await teacher.emulateMedia({ media: "print" });
      for (const [paper, width] of [
        ["a4", 794],
        ["letter", 816],
      ] as const) {
        await teacher.setViewportSize({ width, height: 1100 });
        const overflow = await teacher.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${paper}: the report is wider than the page`).toBeLessThanOrEqual(0);
        await shoot(teacher, `4-print-${paper}`);
      }
      await teacher.pdf({ path: `${SHOTS}/report-a4.pdf`, format: "A4", printBackground: true });
      await teacher.emulateMedia({ media: "screen" });
      await teacher.setViewportSize({ width: 1280, height: 800 });

      // 5. An assignment from the form; two students do it at home; it flows into the report.
      await teacher.goto(`${app.url}/teacher#${key}`);
      await teacher.getByTestId("new-assignment").click();
      const link = teacher.getByTestId("assignment-link").first();
      await link.waitFor();
      const href = (await link.getAttribute("href")) ?? (await link.textContent())!.trim();
      const id = href.match(/homework\/([0-9a-f-]{36})/)![1];
      await shoot(teacher, "5-teacher-page");
      const [kim, lee] = await Promise.all([open("Kim", { viewport: { width: 390, height: 844 } }), open("Lee")]);
      await Promise.all([doHomework(kim, href, "Kim", 2), doHomework(lee, href, "Lee", 9)]);
      await shoot(kim, "6-homework-phone");
      await teacher.goto(`${app.url}/teacher?report=assignment:${id}#${key}`);
      await expect.poll(() => rows.count()).toBe(2);
      expect(
        await rows.locator("xpath=.").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.name).sort()),
      ).toEqual(["Kim", "Lee"]);

      // 6. The other assignment's deadline has passed: starting it is refused; reopened, it says closed.
      await new Promise((r) => setTimeout(r, Math.max(0, dueSoon.deadline + 500 - Date.now())));
      await late.getByTestId("homework-start").click();
      await expect.poll(() => late.getByTestId("error").textContent()).toMatch(/closed/i);
      await late.reload();
      await late.getByTestId("homework-closed").waitFor();
      expect(await late.getByTestId("homework-start").count()).toBe(0);
      await shoot(late, "7-homework-closed");

      expect(problems).toEqual([]);
    },
  );
});
