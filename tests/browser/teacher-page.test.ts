// /teacher in real Chromium against the real server: a key made through the API and a match
// played under it by SDK clients; /teacher#KEY in a fresh browser shows the key, lists the match
// and draws its report (rows with the page contract's data-*, SVG charts), back/forward and reload
// keep the report, the CSV downloads, the report refreshes itself without losing the scroll; it
// fits a projector and a phone, and prints to A4 and Letter without clipping. Unknown, revoked and
// malformed keys get a clear message; homework made through the form shows its link.
// Screenshots go to /tmp/shots14/.
import { mkdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, type Room } from "@colyseus/sdk";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import type { MatchState } from "../../shared/state";
import { fitLabel, type TeacherOverview } from "../../shared/teacher";
import type { RevealView } from "../../shared/reveal-view";
import { zonedInstant } from "../../client/teacher/deadline";
import { recordReveals } from "../rooms/players";
import { hasChromium, launchChromium, closeChromium } from "./chromium";
import { startAppServer, type AppServer } from "./app-server";
import { fitsScreen } from "./layout";

const SHOTS = "/tmp/shots14";
const LAPTOP = { width: 1280, height: 800 };
const PROJECTOR = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844 };
/** CSS pixels of the printable width at 96 dpi: A4 is 210 mm, Letter 8.5 in. */
const PAPER = [
  ["a4", 794],
  ["letter", 816],
] as const;

type SdkRoom = Room<any, MatchState>;

function until(room: SdkRoom, check: (s: MatchState) => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (room.state && check(room.state)) return resolve();
    const timer = setTimeout(() => {
      room.onStateChange.remove(listener);
      reject(new Error(`timed out waiting for ${what} (phase ${room.state?.phase})`));
    }, timeoutMs);
    const listener = (s: MatchState) => {
      if (!check(s)) return;
      room.onStateChange.remove(listener);
      clearTimeout(timer);
      resolve();
    };
    room.onStateChange(listener);
  });
}

describe.skipIf(!hasChromium)("/teacher in Chromium", () => {
  let browser: Browser;
  let app: AppServer;
  let sdk: Client;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    app = await startAppServer();
    browser = await launchChromium();
    sdk = new Client(app.url);
  });
  afterAll(async () => {
    console.log(`Screenshots of /teacher are in ${SHOTS}`);
    await closeChromium(browser);
    app?.stop();
  });

  async function newPage(who: string, options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: LAPTOP, timezoneId: "Europe/Berlin", ...options });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on("pageerror", (e) => problems.push(`${who}: ${e.message}`));
    page.on("console", (m) => {
      // Refused keys and reports are answered 4xx on purpose.
      if (m.type() === "error" && !/status of 4\d\d/.test(m.text())) problems.push(`${who} console: ${m.text()}`);
    });
    return page;
  }

  async function makeKey(): Promise<string> {
    const res = await fetch(`${app.url}/api/teacher/keys`, { method: "POST" });
    expect(res.status).toBe(201);
    return ((await res.json()) as { key: string }).key;
  }

  const api = (key: string, path: string, init: RequestInit = {}) =>
    fetch(`${app.url}/api${path}`, { ...init, headers: { authorization: `Bearer ${key}`, ...init.headers } });

  /** A match under `key`: each player picks their level per round; resolves with the host's reveals. */
  async function playMatch(key: string, players: { name: string; levels: number[] }[]) {
    const rounds = players[0].levels.length;
    const host = await sdk.create<MatchState>("match", { name: players[0].name, teacherKey: key });
    host.onMessage("*", () => undefined);
    const reveals: RevealView[] = recordReveals(host);
    await until(host, (s) => Boolean(s.code), "the room state");
    const rooms = [host];
    for (const p of players.slice(1)) {
      const room = await sdk.joinById<MatchState>(host.roomId, { name: p.name });
      room.onMessage("*", () => undefined);
      rooms.push(room);
    }
    host.send("settings", { rounds });
    await until(host, (s) => s.rounds === rounds && s.players.size === players.length, "the settings");
    host.send("start", {});
    for (let round = 1; round <= rounds; round++) {
      await Promise.all(rooms.map((r) => until(r, (s) => s.phase === "tuning" && s.round === round, "tuning")));
      rooms.forEach((r, i) => r.send("pick", { level: players[i].levels[round - 1] }));
      rooms.forEach((r) => r.send("lockIn", {}));
      await until(host, (s) => s.phase === "reveal", "the reveal");
      await expect.poll(() => reveals.length).toBe(round);
      host.send("next", {});
    }
    await until(host, (s) => s.phase === "podium", "the podium");
    await Promise.all(rooms.map((r) => r.leave(true).catch(() => undefined)));
    return { code: host.roomId, reveals };
  }

  const rowData = (page: Page) =>
    page.getByTestId("report-row").evaluateAll((rows) => rows.map((r) => ({ ...(r as HTMLElement).dataset })));

  /** Print media at a paper's width: nothing wider than the page, no form or button shown. */
  async function printFits(page: Page, paper: string, width: number): Promise<void> {
    await page.setViewportSize({ width, height: 1123 });
    await fitsScreen(page, `print on ${paper}`);
    const shown = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>("button, form, .topbar, .key-card"))
        .filter((el) => el.offsetParent !== null)
        .map((el) => el.outerHTML.slice(0, 60)),
    );
    expect(shown, `${paper}: forms and buttons are not printed`).toEqual([]);
    const charts = await page.evaluate(() =>
      Array.from(document.querySelectorAll("svg.chart")).map((svg) => svg.getBoundingClientRect().right),
    );
    expect(charts.length).toBeGreaterThan(0);
    for (const right of charts) expect(right).toBeLessThanOrEqual(width);
    const rowBreak = await page
      .getByTestId("report-row")
      .first()
      .evaluate((tr) => getComputedStyle(tr).breakInside);
    expect(rowBreak).toBe("avoid");
  }

  it(
    "/teacher#KEY shows the key, its match and the match's report; the report survives back, forward and reload, prints and projects",
    { timeout: 300_000 },
    async () => {
      problems.length = 0;
      const key = await makeKey();
      const players = [
        { name: "Ada", levels: [2, 5] },
        { name: "<b>Bea</b>", levels: [6, 6] }, // markup in a name stays text
        { name: "Cy", levels: [11, 9] },
      ];
      const { code, reveals } = await playMatch(key, players);

      const page = await newPage("teacher");
      const asked: { url: string; auth?: string }[] = [];
      page.on("request", (r) => asked.push({ url: r.url(), auth: r.headers().authorization }));
      await page.goto(`${app.url}/teacher#${key}`);

      // The key shows as a link to keep, and leaves the address bar (it is remembered).
      await expect.poll(() => page.getByTestId("teacher-key").textContent()).toBe(`${app.url}/teacher#${key}`);
      expect(await page.locator(".key-card").textContent()).toContain("Copy and keep this link");
      expect(new URL(page.url()).hash).toBe("");
      const match = page.locator(`[data-testid=teacher-match][data-code="${code}"]`);
      await match.waitFor();
      expect(await match.textContent()).toMatch(/2 of 2 rounds played · 3 players/);

      // Its report, from the overview: the choice is in the address.
      await match.getByRole("link", { name: "Report" }).click();
      await expect.poll(() => page.getByTestId("report-row").count()).toBe(6);
      const matchId = await match.getAttribute("data-id");
      expect(new URL(page.url()).searchParams.get("report")).toBe(`match:${matchId}`);
      const rows = await rowData(page);
      for (const reveal of reveals) {
        for (const result of reveal.results) {
          const row = rows.find((r) => r.name === result.name && r.round === String(reveal.round));
          expect(row, `${result.name} in round ${reveal.round}`).toEqual({
            testid: "report-row",
            name: result.name,
            round: String(reveal.round),
            level: String(result.level),
            bestLevel: String(reveal.bestLevel),
            points: String(result.points),
            label: fitLabel(result.level, reveal.bestLevel),
          });
        }
      }
      expect(await page.locator(".report-table b").count()).toBe(0);
      // Charts are drawn: a U-curve (three lines) and the picks' bars per round.
      expect(await page.getByTestId("u-curve").count()).toBe(2);
      const paths = await page
        .locator("[data-testid=u-curve] path.curve")
        .evaluateAll((ps) => ps.map((p) => p.getAttribute("d") ?? ""));
      expect(paths).toHaveLength(6);
      for (const d of paths) expect(d).toMatch(/^M[\d.]+ [\d.]+( L[\d.]+ [\d.]+){11}$/);
      expect(await page.locator("[data-testid=picks-chart] rect.bar").count()).toBeGreaterThanOrEqual(4);
      expect(await page.getByTestId("shares-bar").getAttribute("aria-label")).toMatch(/Underfit \d+ %/);
      // The key went only in the Authorization header.
      const calls = asked.filter((r) => r.url.includes("/api/teacher"));
      expect(calls.length).toBeGreaterThan(0);
      for (const call of calls) expect(call.auth).toBe(`Bearer ${key}`);
      expect(asked.filter((r) => r.url.includes(key))).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/report-laptop.png`, fullPage: true });

      // Back closes the report, forward opens it again, a reload keeps it (the key from storage).
      await page.goBack();
      await expect.poll(() => page.locator("#report").count()).toBe(0);
      await page.goForward();
      await expect.poll(() => page.getByTestId("report-row").count()).toBe(6);
      await page.reload();
      await expect.poll(() => page.getByTestId("report-row").count()).toBe(6);
      expect(await page.getByTestId("teacher-key").textContent()).toContain(key);

      // The CSV is the same rows.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByTestId("download-report-csv").click(),
      ]);
      const csv = readFileSync((await download.path())!, "utf8")
        .trim()
        .split(/\r?\n/);
      expect(csv[0]).toBe(
        "source,kind,label_of_source,name,round,level,best_level,train_error,validation_error,hidden_error,points,label",
      );
      expect(csv).toHaveLength(7);

      // It refreshes by itself and keeps the scroll.
      await page.evaluate(() => window.scrollTo(0, 500));
      await page.waitForRequest((r) => r.url().includes("/api/teacher/report"), { timeout: 15_000 });
      await page.waitForTimeout(500);
      expect(await page.evaluate(() => window.scrollY)).toBe(500);

      // A projector: big type, nothing wider than the screen.
      await fitsScreen(page, "laptop");
      const typeAt = async () =>
        parseFloat(
          await page
            .locator(".report-table td")
            .first()
            .evaluate((td) => getComputedStyle(td).fontSize),
        );
      expect(await typeAt()).toBeGreaterThanOrEqual(17);
      await page.setViewportSize(PROJECTOR);
      await fitsScreen(page, "projector");
      expect(await typeAt()).toBeGreaterThanOrEqual(22);
      await page.locator("#report").scrollIntoViewIfNeeded();
      await page.evaluate(() => document.getElementById("report")!.scrollIntoView());
      await page.screenshot({ path: `${SHOTS}/report-projector.png` });

      // A phone: one column, no sideways scroll.
      await page.setViewportSize(PHONE);
      await fitsScreen(page, "phone");
      await page.screenshot({ path: `${SHOTS}/report-phone.png`, fullPage: true });

      // Paper: A4 and Letter.
      await page.emulateMedia({ media: "print" });
      for (const [paper, width] of PAPER) await printFits(page, paper, width);
      await page.setViewportSize({ width: 794, height: 1123 });
      await page.screenshot({ path: `${SHOTS}/report-print.png`, fullPage: true });
      await page.pdf({ path: `${SHOTS}/report-a4.pdf`, format: "A4", printBackground: true });
      await page.pdf({ path: `${SHOTS}/report-letter.pdf`, format: "Letter", printBackground: true });
      await page.context().close();
      expect(problems).toEqual([]);
    },
  );

  it("an unknown, a revoked and a malformed key each say so clearly", { timeout: 120_000 }, async () => {
    problems.length = 0;
    const page = await newPage("keys");
    await page.goto(`${app.url}/teacher#tk-${"A".repeat(24)}`);
    await expect.poll(() => page.getByTestId("key-refused").textContent()).toContain("not known");
    expect(await page.evaluate(() => localStorage.getItem("shell-galaxy:teacher-key"))).toBeNull();
    expect(await page.getByTestId("teacher-key").count()).toBe(0);

    // Make a key on the page, then revoke it: it stops working for the API too.
    await page.getByTestId("make-key").click();
    await expect.poll(() => page.getByTestId("teacher-key").textContent()).toMatch(/#tk-/);
    const key = (await page.getByTestId("teacher-key").textContent())!.split("#")[1];
    expect((await api(key, "/teacher")).status).toBe(200);
    await page.getByTestId("revoke-key").click();
    await page.getByTestId("confirm-yes").click();
    await expect.poll(() => page.getByTestId("key-refused").textContent()).toContain("revoked");
    expect((await api(key, "/teacher")).status).toBe(403);
    expect(await page.evaluate(() => localStorage.getItem("shell-galaxy:teacher-key"))).toBeNull();

    // A link that does not hold a key, in a fresh browser: the error line says so, and how to get one.
    const fresh = await newPage("malformed");
    await fresh.goto(`${app.url}/teacher#not-a-key`);
    await expect.poll(() => fresh.getByTestId("error").textContent()).toContain("does not hold a teacher key");
    expect(await fresh.getByTestId("no-key").textContent()).toContain("create a room");
    await fresh.context().close();
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it("homework made through the form shows its link; a refusal is shown in words", { timeout: 120_000 }, async () => {
    problems.length = 0;
    const key = await makeKey();
    const page = await newPage("homework");
    await page.goto(`${app.url}/teacher#${key}`);
    await page.getByTestId("new-assignment").waitFor();

    // The server's refusal, next to the form.
    await page.getByTestId("assignment-title").fill("Week <1>");
    await page.getByTestId("new-assignment").click();
    await expect.poll(() => page.getByTestId("assignment-error").textContent()).toMatch(/title.*< >/);
    expect(await page.getByTestId("assignment-link").count()).toBe(0);

    // A deadline in New York, typed there: the API gets that instant.
    const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId("assignment-title").fill("Spirals, week 1");
    await page.getByTestId("assignment-rounds").fill("2");
    await page.locator("[data-testid=assignment-kinds] input[value=plant]").uncheck();
    await page.getByTestId("assignment-difficulty").selectOption("hard");
    await page.getByTestId("assignment-date").fill(day);
    await page.getByTestId("assignment-time").fill("17:00");
    await page.getByTestId("assignment-zone").selectOption("America/New_York");
    const due = zonedInstant(day, "17:00", "America/New_York")!;
    expect(await page.getByTestId("deadline-when").getAttribute("data-deadline")).toBe(due);
    expect(await page.getByTestId("deadline-when").textContent()).toMatch(/UTC−0[45]:00 in America\/New_York/);
    await page.getByTestId("new-assignment").click();

    const link = page.getByTestId("assignment-link").first();
    await link.waitFor();
    const href = (await link.getAttribute("href"))!;
    expect(href).toMatch(new RegExp(`^${app.url}/homework/[0-9a-f-]{36}$`));
    expect((await link.textContent())!.trim()).toBe(href);
    const overview = (await (await api(key, "/teacher")).json()) as TeacherOverview;
    expect(overview.assignments).toHaveLength(1);
    const made = overview.assignments[0];
    expect(href.endsWith(made.link)).toBe(true);
    expect(Date.parse(made.deadline)).toBe(Date.parse(due));
    expect(made).toMatchObject({
      title: "Spirals, week 1",
      rounds: 2,
      difficulty: "hard",
      timeZone: "America/New_York",
    });
    expect(made.kinds).not.toContain("plant");
    // Its deadline in its zone and in the viewer's (Berlin), and the students' link opens.
    const item = page.getByTestId("teacher-assignment").first();
    expect(await item.textContent()).toMatch(/Due .*(17:00|5:00 PM).*America\/New_York/);
    expect(await item.textContent()).toContain("Your time:");
    expect((await fetch(href)).status).toBe(200);
    await fitsScreen(page, "teacher page");
    await page.screenshot({ path: `${SHOTS}/teacher-page.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    await fitsScreen(page, "teacher page on a phone");
    await page.context().close();
    expect(problems).toEqual([]);
  });
});
