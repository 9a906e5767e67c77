// Every classroom's language in real Chromium (issue 19). One match, played by a host in English
// and players in Spanish, Arabic and the pseudo-locale, each seeing the game in their own language
// (<html lang> and dir, the phase badge, the host's language on the projector), with the same scores
// for all. The pseudo-locale's pages (every page) show no word that skipped the message files.
// And home, tuning, reveal, the projector and the leaderboard in every language, at 390×844 and
// 1280×800, screenshotted, with nothing wider than the screen and no button text cut.
// Screenshots go to test-results/screenshots/languages/<language>/.
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { Client, type Room } from "@colyseus/sdk";
import { LANGUAGES, LANGUAGE_NAMES, isRtl, type Language } from "../../shared/languages";
import type { MatchState } from "../../shared/state";
import { hasChromium, launchChromium, closeChromium } from "./chromium";
import { startAppServer, type AppServer } from "./app-server";
import { fitsScreen } from "./layout";

const SHOTS = resolve("test-results/screenshots/languages");
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };
const SIZES = [PHONE, LAPTOP];
const HOW_TO_KEY = "shell-galaxy:how-to-seen";
/** The players of this file's match and daily round. */
const NAMES = ["Tess", "Ana", "Sami", "Pia", "Zed", "Dana"];

/** A message of a language, as its file has it (for checks that a page shows that language). */
const message = (language: string, key: string): string => {
  const [ns, k] = key.split(/\.(.*)/);
  return JSON.parse(readFileSync(`client/locales/${language}/${ns}.json`, "utf8"))[k];
};

const phase = (page: Page, name: string) =>
  page.locator(`[data-testid=phase][data-phase=${name}]`).waitFor({ state: "attached", timeout: 120_000 });

/**
 * What a cheat-proof reader of the pseudo-locale finds: text (and labels a screen reader reads)
 * with a Latin word of three letters or more that is not user data — a string that skipped the
 * message files. `allowed`: names, codes and the brand; elements marked translate="no" (authors'
 * names in a citation), code and keys (<code>, <kbd>) are skipped, and so are Intl's own words.
 */
function untranslated(page: Page, allowed: string[]): Promise<string[]> {
  return page.evaluate((given) => {
    // What Intl writes is the locale's own (the pseudo-locale formats as English): month and
    // weekday names, AM/PM, UTC, and time zones' ids and their cities (spaces for underscores).
    const intl = (options: Intl.DateTimeFormatOptions, date: Date) =>
      new Intl.DateTimeFormat("en", options).format(date);
    const zones = Intl.supportedValuesOf("timeZone").map((zone) => zone.replace(/_/g, " "));
    const words = ["AM", "PM", "UTC", ...zones, ...zones.map((zone) => zone.split("/").at(-1)!)];
    for (const style of ["long", "short"] as const) {
      for (let m = 0; m < 12; m++) words.push(intl({ month: style, timeZone: "UTC" }, new Date(Date.UTC(2026, m, 15))));
      for (let d = 0; d < 7; d++)
        words.push(intl({ weekday: style, timeZone: "UTC" }, new Date(Date.UTC(2026, 0, 4 + d))));
    }
    const allowed = [...given, ...words].sort((a, b) => b.length - a.length); // "December" before "Dec"
    const found = new Set<string>();
    const plain = (text: string) => {
      let rest = text;
      for (const a of allowed) rest = rest.split(a).join(" ");
      // Links, hashes and ids (hex) are data too.
      return /[A-Za-z]{3,}/.test(rest.replace(/https?:\/\/\S+/g, " ").replace(/\b[0-9a-f-]{8,}\b/g, " "));
    };
    const skip = (el: Element | null) =>
      !el ||
      el.closest(
        "[hidden], script, style, noscript, time, code, kbd, [translate=no], [data-testid=language-menu], [aria-hidden=true]",
      ) !== null ||
      (getComputedStyle(el).display === "none" && !el.closest(".sr-only"));
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const text = node.textContent ?? "";
      if (!text.trim() || skip(node.parentElement)) continue;
      if (plain(text)) found.add(`${node.parentElement!.tagName.toLowerCase()}: ${text.trim().slice(0, 80)}`);
    }
    for (const el of Array.from(document.querySelectorAll("[aria-label], [title], [placeholder], [alt]"))) {
      if (skip(el)) continue;
      for (const attr of ["aria-label", "title", "placeholder", "alt"]) {
        const value = el.getAttribute(attr);
        if (value && plain(value)) found.add(`${el.tagName.toLowerCase()}[${attr}]: ${value.slice(0, 80)}`);
      }
    }
    if (plain(document.title)) found.add(`title: ${document.title}`);
    return [...found];
  }, allowed);
}

/**
 * The pseudo-locale check once the page has drawn: a page shows its static HTML (English) until its
 * language is loaded, so a word counts as a leak only if it is still there after a few seconds.
 */
const settled = (found: () => Promise<string[]>, what: string) =>
  expect.poll(found, { timeout: 8_000, message: what }).toEqual([]);

/** Buttons and links whose text is cut (wider than their box). */
function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>("button, a, label, select, .badge, h1, h2, h3"))
      .filter((el) => el.offsetParent !== null && el.closest("[hidden]") === null)
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== "visible")
      .map((el) => `${el.tagName.toLowerCase()}#${el.id}: ${el.textContent?.trim().slice(0, 40)}`),
  );
}

describe.skipIf(!hasChromium)("every classroom's language", () => {
  let browser: Browser;
  let app: AppServer;
  const problems: string[] = [];

  async function open(who: string, viewport = LAPTOP, locale = "en-US"): Promise<Page> {
    const context = await browser.newContext({ viewport, locale });
    await context.addInitScript((key) => localStorage.setItem(key, "1"), HOW_TO_KEY);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    page.on("pageerror", (e) => problems.push(`${who}: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" && !/status of 52\d/.test(m.text())) problems.push(`${who} console: ${m.text()}`);
    });
    return page;
  }

  /** Screenshot of one screen in one language at one size, after the layout checks. */
  async function shoot(page: Page, language: string, what: string): Promise<void> {
    const { width, height } = page.viewportSize()!;
    const name = `${what}-${width}x${height}`;
    mkdirSync(`${SHOTS}/${language}`, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/${language}/${name}.png`, fullPage: true });
    await fitsScreen(page, `${language} ${name}`);
    expect(await clippedText(page), `${language} ${name}: text cut`).toEqual([]);
  }

  /** The language menu, as a player uses it. */
  async function choose(page: Page, language: Language): Promise<void> {
    await page.getByTestId("language-menu").first().selectOption(language);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
  }

  async function joinByLink(page: Page, code: string, name: string, language: string): Promise<void> {
    await page.goto(`${app.url}/?room=${code}&lang=${language}`);
    await page.getByTestId("name-input").fill(name);
    await page.getByTestId("join-room").click();
    await phase(page, "lobby");
  }

  beforeAll(async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    console.log(`Screenshots in every language go to ${SHOTS}`);
    app = await startAppServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await closeChromium(browser);
    app?.stop();
  });

  it(
    "home in every language, by the browser's language, by ?lang= and by the menu (remembered)",
    { timeout: 240_000 },
    async () => {
      problems.length = 0;
      // The browser's language picks the first page's language; <html lang dir> follow.
      const arabic = await open("ar-browser", PHONE, "ar-EG");
      await arabic.goto(app.url);
      await expect
        .poll(() => arabic.evaluate(() => [document.documentElement.lang, document.documentElement.dir]))
        .toEqual(["ar", "rtl"]);
      // The menu switches without a reload and is remembered for the next visit.
      await choose(arabic, "de");
      expect(await arabic.evaluate(() => document.documentElement.dir)).toBe("ltr");
      await arabic.reload();
      await expect.poll(() => arabic.evaluate(() => document.documentElement.lang)).toBe("de");
      await arabic.context().close();

      for (const language of LANGUAGES) {
        const page = await open(`home-${language}`);
        await page.goto(`${app.url}/?lang=${language}`);
        await page.getByTestId("name-input").waitFor();
        expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
          language,
          isRtl(language) ? "rtl" : "ltr",
        ]);
        for (const size of SIZES) {
          await page.setViewportSize(size);
          await shoot(page, language, "home");
        }
        await page.context().close();
      }
      expect(problems).toEqual([]);
    },
  );

  it(
    "one match with players in English, Spanish, Arabic and the pseudo-locale; every screen in every language",
    { timeout: 600_000 },
    async () => {
      problems.length = 0;
      const host = await open("host-en");
      await host.goto(`${app.url}/?lang=en`);
      await host.getByTestId("name-input").fill("Tess");
      await host.getByTestId("create-room").click();
      await phase(host, "lobby");
      const code = (await host.getByTestId("room-code").textContent())!.trim();
      await host.getByTestId("rounds-input").fill("3");
      await host.getByTestId("tuning-seconds-input").fill("180");
      await host.getByTestId("tuning-seconds-input").blur();

      const spanish = await open("player-es");
      const arabic = await open("player-ar", PHONE);
      const pseudo = await open("player-pseudo");
      const shooter = await open("shooter");
      await joinByLink(spanish, code, "Ana", "es");
      await joinByLink(arabic, code, "Sami", "ar");
      await joinByLink(pseudo, code, "Pia", "pseudo");
      await joinByLink(shooter, code, "Zed", "en");
      const allowed = [...NAMES, code, new URL(app.url).host, "Shell", "Galaxy"];
      await settled(() => untranslated(pseudo, allowed), "lobby in the pseudo-locale");

      // The projector shows the host's language, in the viewer's own words.
      const beamer = await open("projector-es", LAPTOP);
      await beamer.goto(`${app.url}/host?room=${code}&lang=es`);
      await beamer.getByTestId("host-language").waitFor();
      expect(await beamer.getByTestId("host-language").textContent()).toContain(LANGUAGE_NAMES.en);

      await host.getByTestId("start-match").click();
      const players = [host, spanish, arabic, pseudo, shooter];
      await Promise.all(players.map((p) => phase(p, "tuning")));
      for (const [page, language] of [
        [host, "en"],
        [spanish, "es"],
        [arabic, "ar"],
      ] as const) {
        expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
          language,
          isRtl(language) ? "rtl" : "ltr",
        ]);
        expect(await page.getByTestId("lock-in").textContent()).toContain(message(language, "tuning.lockIn"));
      }
      await settled(() => untranslated(pseudo, allowed), "tuning in the pseudo-locale");

      // Tuning in every language (the shooter changes its menu) and the projector in every language.
      const tuningShots = async () => {
        for (const language of LANGUAGES) {
          await choose(shooter, language);
          // The screen shown re-renders in the new language at once, no reload.
          await expect
            .poll(() => shooter.getByTestId("lock-in").textContent())
            .toContain(message(language, "tuning.lockIn"));
          for (const size of SIZES) {
            await shooter.setViewportSize(size);
            await shoot(shooter, language, "tuning");
          }
        }
      };
      const projectorShots = async () => {
        for (const language of LANGUAGES) {
          await beamer.goto(`${app.url}/host?room=${code}&lang=${language}`);
          await beamer.getByTestId("projector").waitFor();
          for (const size of SIZES) {
            await beamer.setViewportSize(size);
            await shoot(beamer, language, "projector");
          }
        }
      };
      await Promise.all([tuningShots(), projectorShots()]);

      // Everybody locks in a level; the reveal shows the same points to everyone, in their words.
      for (const [i, page] of players.entries()) {
        await page.setViewportSize(i === 2 ? PHONE : LAPTOP);
        await page.getByTestId("detail-slider").fill(String(3 + i));
        await page.getByTestId("lock-in").click();
      }
      await Promise.all(players.map((p) => phase(p, "reveal")));
      await settled(() => untranslated(pseudo, allowed), "the reveal in the pseudo-locale");
      const points = (page: Page) =>
        page
          .getByTestId("leaderboard-row")
          .evaluateAll((rows) =>
            rows.map((r) => `${r.getAttribute("data-name")}:${r.getAttribute("data-points")}`).sort(),
          );
      const seen = await Promise.all(players.slice(0, 4).map(points));
      expect(seen[0].length).toBe(5);
      for (const other of seen.slice(1)) expect(other).toEqual(seen[0]);
      // The sum behind the points is written with each language's decimals, left to right in Arabic.
      const sum = (page: Page) => page.locator("#arithmetic").textContent();
      expect(await sum(host)).toMatch(/\u20661000 × \(\d\.\d{4,} ÷ \d\.\d{4,}\)\^2 = \d+\u2069/);
      expect(await sum(spanish)).toMatch(/\u20661000 × \(\d,\d{4,} ÷ \d,\d{4,}\)\^2 = \d+\u2069/);
      expect(await sum(arabic)).toMatch(/\u2066.+\u2069/);

      // The reveal in every language: it lasts a few seconds a round, so the shots go on over the rounds.
      const left = [...LANGUAGES];
      while (left.length) {
        const shotPhase = await shooter.getByTestId("phase").getAttribute("data-phase");
        if (shotPhase !== "reveal") {
          expect(shotPhase, "reveal shots left at the end of the match").not.toBe("podium");
          if (shotPhase === "tuning")
            await shooter
              .getByTestId("lock-in")
              .click()
              .catch(() => undefined);
          await shooter.waitForTimeout(300);
          continue;
        }
        const language = left[0];
        await choose(shooter, language);
        for (const size of SIZES) {
          await shooter.setViewportSize(size);
          await shoot(shooter, language, "reveal");
        }
        left.shift();
      }
      // The rest of the match, everyone locking in at once, to the podium: in the pseudo-locale too.
      const phaseOf = (page: Page) => page.getByTestId("phase").getAttribute("data-phase");
      for (let i = 0; i < 600 && (await phaseOf(pseudo)) !== "podium"; i++) {
        if ((await phaseOf(pseudo)) === "tuning")
          for (const page of players) {
            const lockIn = page.getByTestId("lock-in");
            if (await lockIn.isVisible()) await lockIn.click().catch(() => undefined);
          }
        await pseudo.waitForTimeout(500);
      }
      await phase(pseudo, "podium");
      await settled(() => untranslated(pseudo, allowed), "the podium in the pseudo-locale");
      expect(problems).toEqual([]);
    },
  );

  it("the leaderboard in every language, and the other pages in the pseudo-locale", { timeout: 300_000 }, async () => {
    problems.length = 0;
    // One daily round so the board has a row.
    const sdk = new Client(app.url);
    const daily: Room<any, MatchState> = await sdk.create("daily", { name: "Dana" });
    daily.onMessage("*", () => undefined);
    const result = new Promise((resolve) => daily.onMessage("daily", resolve));
    await new Promise<void>((resolve) => daily.onStateChange((s) => s.phase === "tuning" && resolve()));
    daily.send("pick", { level: 4 });
    daily.send("lockIn", {});
    await result;
    await daily.leave(true).catch(() => undefined);

    const page = await open("leaderboard");
    for (const language of LANGUAGES) {
      await page.goto(`${app.url}/leaderboard?lang=${language}`);
      await page.getByTestId("daily-board").getByTestId("board-row").first().waitFor();
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await shoot(page, language, "leaderboard");
      }
    }
    for (const path of ["/", "/leaderboard", "/watch", "/teacher", "/create"]) {
      await page.goto(`${app.url}${path}${path.includes("?") ? "&" : "?"}lang=pseudo`);
      await page.waitForLoadState("networkidle");
      // The boards list this file's players (the match above is over by now): names are data.
      await settled(() => untranslated(page, [...NAMES, "Shell", "Galaxy"]), `${path} in the pseudo-locale`);
    }
    expect(problems).toEqual([]);
  });
  it("homework, solo practice and the teacher's report in the pseudo-locale", { timeout: 300_000 }, async () => {
    problems.length = 0;
    const keyRes = await fetch(`${app.url}/api/teacher/keys`, { method: "POST" });
    const { key } = (await keyRes.json()) as { key: string };
    const api = (path: string, body?: unknown) =>
      fetch(`${app.url}/api${path}`, {
        method: body ? "POST" : "GET",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: body ? JSON.stringify(body) : undefined,
      });

    // A one-round match under the key, so the report has a match and its rows.
    const sdk = new Client(app.url);
    const rooms: Room<any, MatchState>[] = [await sdk.create("match", { name: "Tess", teacherKey: key })];
    rooms[0].onMessage("*", () => undefined);
    const until = (room: Room<any, MatchState>, check: (s: MatchState) => boolean) =>
      expect.poll(() => Boolean(room.state && check(room.state)), { timeout: 60_000 }).toBe(true);
    await until(rooms[0], (s) => Boolean(s.code));
    rooms.push(await sdk.joinById(rooms[0].roomId, { name: "Ana" }));
    rooms[1].onMessage("*", () => undefined);
    rooms[0].send("settings", { rounds: 1 });
    await until(rooms[0], (s) => s.rounds === 1 && s.players.size === 2);
    rooms[0].send("start", {});
    for (const [i, room] of rooms.entries()) {
      await until(room, (s) => s.phase === "tuning");
      room.send("pick", { level: 3 + i });
      room.send("lockIn", {});
    }
    await until(rooms[0], (s) => s.phase === "reveal");
    rooms[0].send("next", {});
    await until(rooms[0], (s) => s.phase === "podium");
    await Promise.all(rooms.map((r) => r.leave(true).catch(() => undefined)));

    const title = "Spirals";
    const made = await api("/teacher/assignments", {
      title,
      rounds: 1,
      kinds: ["shell", "galaxy"],
      difficulty: "normal",
      deadline: new Date(Date.now() + 5 * 86_400_000).toISOString(),
      timeZone: "Europe/Berlin",
    });
    expect(made.status).toBe(201);
    const { id } = (await made.json()) as { id: string };
    const allowed = [...NAMES, "Shell", "Galaxy", title, key, rooms[0].roomId];

    // The teacher's page: the key, the match list and its report.
    const teacher = await open("teacher-pseudo");
    await teacher.goto(`${app.url}/teacher?lang=pseudo#${key}`);
    await teacher.getByTestId("teacher-match").first().waitFor();
    await settled(() => untranslated(teacher, allowed), "the teacher's page in the pseudo-locale");
    await teacher.getByTestId("teacher-match").first().locator("a.report-link").click();
    await teacher.getByTestId("report-row").first().waitFor();
    await settled(() => untranslated(teacher, allowed), "the teacher's report in the pseudo-locale");

    // The homework page, its round and the reveal (B's values wait for the deadline).
    const student = await open("homework-pseudo");
    await student.goto(`${app.url}/homework/${id}?lang=pseudo`);
    await student.getByTestId("homework-title").waitFor();
    await settled(() => untranslated(student, allowed), "the homework page in the pseudo-locale");
    await student.getByTestId("name-input").fill("Dana");
    await student.getByTestId("homework-start").click();
    await phase(student, "tuning");
    await settled(() => untranslated(student, allowed), "homework tuning in the pseudo-locale");
    await student.getByTestId("lock-in").click();
    await phase(student, "reveal");
    await settled(() => untranslated(student, allowed), "the homework reveal in the pseudo-locale");

    // Solo practice: training, tuning and the reveal with the U-curve.
    const solo = await open("practice-pseudo");
    const seed = "seed-7";
    await solo.goto(`${app.url}/?practice=${seed}&lang=pseudo`);
    await phase(solo, "tuning");
    allowed.push(seed); // the page shows its seed, to share
    await settled(() => untranslated(solo, allowed), "practice tuning in the pseudo-locale");
    await solo.getByTestId("lock-in").click();
    await phase(solo, "reveal");
    await settled(() => untranslated(solo, allowed), "the practice reveal in the pseudo-locale");
    expect(problems).toEqual([]);
  });
});
