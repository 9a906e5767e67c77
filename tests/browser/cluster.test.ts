// The front door, tested (issue 16.4): `deploy/local-cluster.sh up` brings up Redis, PostgreSQL,
// two game processes (gs-1, gs-2) and nginx; real Chromium pages go only through nginx.
// - Two players reach one room through different processes: Ada's matchmaking request is sent
//   through /gs-1 and Bo's through /gs-2 (nginx's per-process paths); both seat reservations name
//   the same room and the process that holds it, both sockets go there (nginx's access log shows
//   which process answered each request), and only that process counts the two clients.
// - They play a match; two more players play the daily; then the boards (/api/leaderboard, the
//   /leaderboard page, the match CSV) are the same from either process, asked on its own port.
// - A second match is in round 2 (round 1 finished) on one process and another match is in its
//   tuning on the other when the first process gets SIGKILL: its players see "reconnecting" and
//   then "restored", and finish their match on the other process (issue 15's Redis watcher
//   restored the room); the other room's sockets never drop; every round finished before the kill
//   is in the boards. Prints the time from the kill to the room and to the players being back.
// `deploy/local-cluster.sh down` runs in afterAll, always. Screenshots: test-results/screenshots/cluster.
import { execFile, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { hasChromium, launchChromium, closeChromium } from "./chromium";

const run = promisify(execFile);
const SHOTS = resolve("test-results/screenshots/cluster");
const SCRIPT = resolve("deploy/local-cluster.sh");
const TOOLS = ["nginx", "redis-server"];
const missing = TOOLS.filter((t) => spawnSync("sh", ["-c", `command -v ${t} || test -x /usr/sbin/${t}`]).status !== 0);
if (spawnSync("sh", ["-c", "ls -d /usr/lib/postgresql/*/bin/initdb"]).status !== 0) missing.push("postgresql");
const canRun = hasChromium && missing.length === 0;
if (missing.length) {
  const message = `\n!!! The cluster test needs ${missing.join(", ")} (apt-get install -y ${missing.join(" ")}): SKIPPED.\n`;
  if (process.env.CI === "true") throw new Error(message);
  console.warn(message);
}

const phase = (page: Page, name: string) => page.locator(`[data-testid=phase][data-phase=${name}]`);
const reconnecting = (page: Page) => page.locator("#notice.reconnecting");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Gs = "gs-1" | "gs-2";
const otherOf = (gs: Gs): Gs => (gs === "gs-1" ? "gs-2" : "gs-1");

/** A seat reservation as the SDK gets it from POST /matchmake/… (@colyseus/core buildSeatReservation). */
interface Reservation {
  roomId: string;
  processId: string;
  publicAddress: string;
}

describe.skipIf(!canRun)("two game processes behind nginx, in Chromium", () => {
  let browser: Browser;
  let base: string;
  let dir: string;
  let front: string;
  let state: Record<string, string>;
  const problems: string[] = [];
  const reservations = new Map<Page, Reservation[]>();
  const sockets = new Map<Page, { url: string; closed: boolean }[]>();
  const consoles = new Map<Page, string[]>();

  const portOf = (gs: Gs) => state[gs === "gs-1" ? "GS1_PORT" : "GS2_PORT"];
  const direct = (gs: Gs) => `http://127.0.0.1:${portOf(gs)}`;
  const gsOf = (r: Reservation): Gs => /\/(gs-[12])$/.exec(r.publicAddress)![1] as Gs;
  const health = async (gs: Gs) =>
    (await (await fetch(`${direct(gs)}/healthz`)).json()) as { rooms: number; clients: number };
  const accessLog = () => readFileSync(join(dir, "logs/access.log"), "utf8");

  async function open(who: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on("pageerror", (e) => problems.push(`${who}: ${e.message}`));
    const lines: string[] = [];
    consoles.set(page, lines);
    page.on("console", (m) => lines.push(`${new Date().toISOString()} ${m.type()}: ${m.text()}`));
    const mine: Reservation[] = [];
    reservations.set(page, mine);
    page.on("response", (res) => {
      if (!new URL(res.url()).pathname.includes("/matchmake/") || res.status() !== 200) return;
      res.json().then(
        (body: Reservation) => mine.push(body),
        () => undefined,
      );
    });
    const ws: { url: string; closed: boolean }[] = [];
    sockets.set(page, ws);
    page.on("websocket", (socket) => {
      const entry = { url: socket.url(), closed: false };
      ws.push(entry);
      socket.on("close", () => (entry.closed = true));
    });
    return page;
  }
  const shoot = (page: Page, what: string) => page.screenshot({ path: `${SHOTS}/${what}.png`, fullPage: true });
  /** The page's latest seat reservation, once it has more than `seen` (its body is read after the response). */
  const lastReservation = async (page: Page, seen = 0) => {
    await expect.poll(() => reservations.get(page)!.length).toBeGreaterThan(seen);
    return reservations.get(page)!.at(-1)!;
  };

  /** Sends this page's matchmaking requests through nginx's path to one process (/gs-N/matchmake/…). */
  const steer = (page: Page, gs: Gs) =>
    page.route("**/matchmake/**", (route) => {
      const url = new URL(route.request().url());
      if (!url.pathname.startsWith("/gs-")) url.pathname = `/${gs}${url.pathname}`;
      return route.continue({ url: url.toString() });
    });

  async function createRoom(page: Page, name: string): Promise<string> {
    await page.goto(front);
    await page.getByTestId("name-input").fill(name);
    await page.getByTestId("create-room").click();
    await phase(page, "lobby")
      .waitFor({ state: "attached" })
      .catch(async (error: Error) => {
        await shoot(page, `failed-create-${name}`);
        throw new Error(`${name} could not create a room: ${await page.locator("#notice").textContent()}`, {
          cause: error,
        });
      });
    return (await page.getByTestId("room-code").textContent())!.trim();
  }
  async function joinRoom(page: Page, name: string, code: string): Promise<void> {
    await page.goto(`${front}/?room=${code}`);
    await page.getByTestId("name-input").fill(name);
    await page.getByTestId("join-room").click();
    await phase(page, "lobby").waitFor({ state: "attached" });
  }
  async function settings(host: Page, guest: Page, rounds: number, seconds: number): Promise<void> {
    await host.getByTestId("rounds-input").fill(String(rounds));
    await host.getByTestId("rounds-input").blur();
    await host.getByTestId("tuning-seconds-input").fill(String(seconds));
    await host.getByTestId("tuning-seconds-input").blur();
    await expect.poll(() => guest.getByTestId("tuning-seconds-input").inputValue()).toBe(String(seconds));
  }
  async function pick(page: Page, level: number, lock: boolean): Promise<void> {
    await page.getByTestId("detail-slider").fill(String(level));
    await expect.poll(() => page.locator("#level-out").textContent()).toBe(String(level));
    if (lock) await page.getByTestId("lock-in").click();
  }
  const tuning = (pages: Page[]) =>
    Promise.all(pages.map((p) => phase(p, "tuning").waitFor({ state: "attached", timeout: 60_000 })));
  const reveal = (pages: Page[]) =>
    Promise.all(pages.map((p) => phase(p, "reveal").waitFor({ state: "attached", timeout: 60_000 })));
  const matchIdOf = async (host: Page) =>
    /^\/api\/matches\/(.+)\.csv$/.exec((await host.getByTestId("download-csv").getAttribute("href"))!)![1];

  /** The daily challenge played by `name`; resolves with the process that held its room. */
  async function daily(name: string, level: number): Promise<Gs> {
    const page = await open(name);
    await page.goto(front);
    await page.getByTestId("name-input").fill(name);
    await page.getByTestId("daily-challenge").click();
    await phase(page, "tuning").waitFor({ state: "attached", timeout: 60_000 });
    await pick(page, level, true);
    await page.getByTestId("daily-result").waitFor();
    const gs = gsOf(await lastReservation(page));
    await shoot(page, `2-daily-${name}-on-${gs}`);
    await page.context().close();
    return gs;
  }

  /** The boards as each process answers them, asked directly on its port; the daily's at one asOf. */
  async function boards(gs: Gs, asOf?: string) {
    const q = asOf ? `&asOf=${encodeURIComponent(asOf)}` : "";
    const get = async (path: string) => (await fetch(`${direct(gs)}${path}`)).json();
    return {
      daily: await get(`/api/leaderboard?board=daily${q}`),
      alltime: await get(`/api/leaderboard?board=alltime${q}`),
    };
  }
  /** The /leaderboard page's three boards as Chromium shows them, loaded from one process. */
  async function boardPage(gs: Gs): Promise<Record<string, string>> {
    const page = await open(`leaderboard on ${gs}`);
    await page.goto(`${direct(gs)}/leaderboard`);
    const text: Record<string, string> = {};
    for (const id of ["daily-board", "alltime-board", "wins-board"]) {
      await expect.poll(() => page.getByTestId(id).locator("li").count()).toBeGreaterThan(0);
      text[id] = (await page.getByTestId(id).innerText()).trim();
    }
    await shoot(page, `3-leaderboard-from-${gs}`);
    await page.context().close();
    return text;
  }
  const csvFrom = async (gs: Gs, id: string) => {
    const res = await fetch(`${direct(gs)}/api/matches/${id}.csv`);
    expect(res.status, `the match CSV of ${id} from ${gs}`).toBe(200);
    return res.text();
  };

  beforeAll(async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    base = mkdtempSync(join(tmpdir(), "sg-cluster-test-"));
    dir = join(base, "cluster");
    const up = await run(SCRIPT, ["up"], {
      env: { ...process.env, CLUSTER_DIR: dir, LOG_LEVEL: "info" },
      timeout: 240_000,
      maxBuffer: 16 << 20,
    }).catch((error: { stdout?: string; stderr?: string }) => {
      throw new Error(`deploy/local-cluster.sh up failed:\n${error.stdout ?? ""}\n${error.stderr ?? ""}`);
    });
    front = up.stdout.trim().split("\n").at(-1)!;
    expect(front).toMatch(/^http:\/\/[\d.]+:\d+$/);
    state = Object.fromEntries(
      readFileSync(join(dir, "state.env"), "utf8")
        .trim()
        .split("\n")
        .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
    );
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    console.log(`Screenshots of the cluster are in ${SHOTS}`);
    await closeChromium(browser);
    if (!dir) return;
    for (const gs of ["gs-1", "gs-2"]) {
      const lines = readFileSync(join(dir, `logs/${gs}.log`), "utf8")
        .split("\n")
        .filter((l) => /"level":"(warn|error)"|Error/.test(l));
      if (lines.length) console.log(`${gs}'s warnings and errors:\n${lines.slice(-30).join("\n")}`);
    }
    const down = spawnSync(SCRIPT, ["down"], { env: { ...process.env, CLUSTER_DIR: dir }, encoding: "utf8" });
    if (down.status !== 0) console.error(`deploy/local-cluster.sh down failed:\n${down.stdout}\n${down.stderr}`);
    rmSync(base, { recursive: true, force: true });
  }, 60_000);

  let matchOne = ""; // the first match's id
  let home: Gs; // the process that held the first match's room

  it("two players reach one room through different processes and play a match", { timeout: 180_000 }, async () => {
    const health0 = await fetch(`${front}/healthz`);
    expect(health0.ok).toBe(true);
    const [ada, bo] = [await open("Ada"), await open("Bo")];
    await steer(ada, "gs-1");
    await steer(bo, "gs-2");
    const code = await createRoom(ada, "Ada");
    await joinRoom(bo, "Bo", code);
    const [a, b] = [await lastReservation(ada), await lastReservation(bo)];
    home = gsOf(a);
    // One room, held by one process, reached through both.
    expect(b.roomId).toBe(code);
    expect(a.roomId).toBe(code);
    expect(b.processId).toBe(a.processId);
    expect(gsOf(b)).toBe(home);
    const log = accessLog();
    expect(log).toMatch(
      new RegExp(`"POST /gs-1/matchmake/create/match [^"]*" 200 .*upstream=127\\.0\\.0\\.1:${portOf("gs-1")} `),
    );
    expect(log).toMatch(
      new RegExp(`"POST /gs-2/matchmake/joinById/${code} [^"]*" 200 .*upstream=127\\.0\\.0\\.1:${portOf("gs-2")} `),
    );
    for (const page of [ada, bo])
      expect(sockets.get(page)!.map((s) => new URL(s.url).pathname)).toEqual([`/${home}/${a.processId}/${code}`]);
    expect((await health(home)).clients).toBe(2);
    expect((await health(otherOf(home))).clients).toBe(0);
    console.log(
      `room ${code} on ${home}: Ada's create went through gs-1, Bo's join through gs-2; both sockets to ${home}`,
    );
    for (const page of [ada, bo]) await page.unroute("**/matchmake/**");

    await settings(ada, bo, 1, 60);
    await ada.getByTestId("start-match").click();
    await tuning([ada, bo]);
    await pick(ada, 4, true);
    await pick(bo, 9, true);
    await reveal([ada, bo]);
    matchOne = await matchIdOf(ada);
    await shoot(bo, `1-reveal-Bo-on-${home}`);
    await ada.locator("#next-round").click();
    await Promise.all([ada, bo].map((p) => phase(p, "podium").waitFor({ state: "attached" })));
    for (const page of [ada, bo]) await page.context().close();
    expect(problems).toEqual([]);
  });

  it("the daily on both processes; boards, /leaderboard and the CSV are the same from either", async () => {
    const places = [await daily("Cleo", 5)];
    await sleep(1500); // Colyseus counts each process's rooms in Redis at most once a second
    places.push(await daily("Dov", 7));
    console.log(`daily rooms: Cleo's on ${places[0]}, Dov's on ${places[1]}; the match was on ${home}`);
    // Colyseus creates a room on the process with the fewest: the match's still holds its seats.
    expect(new Set([home, ...places]).size, "rounds played on both processes").toBe(2);

    const one = await boards("gs-1");
    const two = await boards("gs-2", one.daily.asOf);
    expect(one.daily.rows.map((r: { name: string }) => r.name).sort()).toEqual(["Cleo", "Dov"]);
    expect(two.daily).toEqual(one.daily);
    const twoAlltime = await boards("gs-2", one.alltime.asOf);
    expect(twoAlltime.alltime).toEqual(one.alltime);
    expect(one.alltime.wins.length).toBe(1);

    const [page1, page2] = [await boardPage("gs-1"), await boardPage("gs-2")];
    expect(page2).toEqual(page1);
    expect(page1["daily-board"]).toContain("Cleo");
    expect(page1["daily-board"]).toContain("Dov");

    const [csv1, csv2] = [await csvFrom("gs-1", matchOne), await csvFrom("gs-2", matchOne)];
    expect(csv2).toBe(csv1);
    expect(csv1).toContain("Ada");
    expect(csv1).toContain("Bo");
    expect(problems).toEqual([]);
  });

  it(
    "SIGKILL of one process: its players are told and restored on the other, whose rooms are untouched",
    { timeout: 300_000 },
    async () => {
      // Match P: Eve and Finn, two rounds. Match Q, on the other process: Gus and Hal, one long round.
      const [eve, finn, gus, hal] = await Promise.all(["Eve", "Finn", "Gus", "Hal"].map((n) => open(n)));
      const codeP = await createRoom(eve, "Eve");
      const victim = gsOf(await lastReservation(eve));
      const survivor = otherOf(victim);
      await joinRoom(finn, "Finn", codeP);
      let codeQ: string;
      for (let attempt = 0; ; attempt++) {
        await sleep(1500); // the room counts reach Redis (Colyseus creates where there are fewest)
        const seen = reservations.get(gus)!.length;
        codeQ = await createRoom(gus, "Gus");
        if (gsOf(await lastReservation(gus, seen)) === survivor) break;
        expect(attempt, `a room on ${survivor}`).toBeLessThan(4);
        await gus.locator("#leave").click();
      }
      await joinRoom(hal, "Hal", codeQ);
      console.log(`match P ${codeP} on ${victim} (to be killed), match Q ${codeQ} on ${survivor}`);

      await settings(gus, hal, 1, 180);
      await gus.getByTestId("start-match").click();
      await settings(eve, finn, 2, 90);
      await eve.getByTestId("start-match").click();
      await tuning([eve, finn, gus, hal]);
      await pick(eve, 3, true);
      await pick(finn, 8, true);
      await reveal([eve, finn]);
      const matchP = await matchIdOf(eve);
      await eve.locator("#next-round").click();
      await tuning([eve, finn]);
      await pick(eve, 6, true);
      await pick(finn, 10, false);
      await pick(gus, 5, false);
      await pick(hal, 2, false);
      const pointsBefore = await Promise.all(
        [eve, finn].map(async (p) => Number(await p.getByTestId("my-points").getAttribute("data-points"))),
      );
      for (const page of [gus, hal]) {
        await page.evaluate(() => {
          const w = window as unknown as { sawReconnecting?: boolean };
          const notice = document.getElementById("notice")!;
          new MutationObserver(() => {
            if (notice.classList.contains("reconnecting")) w.sawReconnecting = true;
          }).observe(notice, { attributes: true });
        });
      }
      const qSockets = [gus, hal].map((p) => sockets.get(p)!.length);
      const survivorRooms = (await health(survivor)).rooms;
      await sleep(1000); // the lock-in's checkpoint reaches Redis
      await shoot(eve, "4-before-kill-Eve");

      const pid = Number(readFileSync(join(dir, `${victim}.pid`), "utf8"));
      const killedAt = Date.now();
      process.kill(pid, "SIGKILL");
      await Promise.all([eve, finn].map((p) => reconnecting(p).waitFor({ state: "visible", timeout: 15_000 })));
      const toldAt = Date.now();
      await shoot(finn, "5-reconnecting-Finn");
      let roomBackAt = 0;
      const roomBack = (async () => {
        while ((await health(survivor)).rooms <= survivorRooms) await sleep(100);
        roomBackAt = Date.now();
      })();
      await Promise.all(
        [eve, finn].map((p) => p.getByTestId("restored-notice").waitFor({ state: "visible", timeout: 90_000 })),
      ).catch(async (error: Error) => {
        for (const [who, page] of [
          ["Eve", eve],
          ["Finn", finn],
        ] as const) {
          await shoot(page, `failed-restore-${who}`);
          const ws = sockets.get(page)!.map((s) => `${s.url} ${s.closed ? "closed" : "open"}`);
          console.log(
            `${who}'s sockets:\n${ws.join("\n")}\n${who}'s console:\n${consoles.get(page)!.slice(-40).join("\n")}`,
          );
        }
        throw error;
      });
      const backAt = Date.now();
      await roomBack;
      console.log(
        JSON.stringify({
          killed: victim,
          kill_to_told_ms: toldAt - killedAt,
          kill_to_room_restored_ms: roomBackAt - killedAt,
          kill_to_players_back_ms: backAt - killedAt,
        }),
      );
      await shoot(eve, "6-restored-Eve");
      const notice = (await eve.getByTestId("restored-notice").textContent())!;
      expect(notice.length).toBeGreaterThan(0);

      // P is back on the survivor under the same code, with the same points; its sockets go there.
      for (const [i, page] of [eve, finn].entries()) {
        await phase(page, "tuning").waitFor({ state: "attached", timeout: 60_000 });
        expect((await page.getByTestId("room-code").textContent())!.trim()).toBe(codeP);
        expect(Number(await page.getByTestId("my-points").getAttribute("data-points"))).toBe(pointsBefore[i]);
        const last = sockets.get(page)!.at(-1)!;
        expect(last.url).toContain(`/${survivor}/`);
        expect(last.closed).toBe(false);
      }
      // Q never noticed: the same sockets, no notice, and its round goes on.
      for (const [i, page] of [gus, hal].entries()) {
        expect(sockets.get(page)!.length).toBe(qSockets[i]);
        expect(sockets.get(page)!.every((s) => !s.closed)).toBe(true);
        expect(await page.evaluate(() => (window as { sawReconnecting?: boolean }).sawReconnecting ?? false)).toBe(
          false,
        );
        expect(await page.getByTestId("restored-notice").textContent()).toBe("");
      }
      await gus.getByTestId("lock-in").click();
      await hal.getByTestId("lock-in").click();
      await reveal([gus, hal]);
      await gus.locator("#next-round").click();

      // P finishes: Finn locks in round 2, the reveal shows the level Eve picked before the kill.
      await finn.getByTestId("lock-in").click();
      await reveal([eve, finn]);
      await expect.poll(() => eve.locator("#my-result").textContent()).toContain("You picked level 6:");
      await eve.locator("#next-round").click();
      await Promise.all([eve, finn, gus, hal].map((p) => phase(p, "podium").waitFor({ state: "attached" })));
      await shoot(eve, "7-podium-Eve-after-restore");

      // Every round finished before the kill is stored: the first match, P's round 1, the dailies.
      const csvP = await csvFrom(survivor, matchP);
      const roundsP = csvP
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((line) => line.split(",")[2]);
      expect(roundsP.filter((r) => r === "1").length).toBe(2);
      expect(roundsP.filter((r) => r === "2").length).toBe(2);
      expect(await csvFrom(survivor, matchOne)).toContain("Ada");
      const after = await boards(survivor);
      expect(after.daily.rows.map((r: { name: string }) => r.name).sort()).toEqual(["Cleo", "Dov"]);
      const winners = after.alltime.wins.map((w: { name: string }) => w.name);
      for (const match of [
        ["Ada", "Bo"],
        ["Eve", "Finn"],
        ["Gus", "Hal"],
      ])
        expect(
          winners.some((n: string) => match.includes(n)),
          `a winner of ${match.join(" and ")}'s match`,
        ).toBe(true);
      for (const page of [eve, finn, gus, hal]) await page.context().close();
      expect(problems).toEqual([]);
    },
  );
});
