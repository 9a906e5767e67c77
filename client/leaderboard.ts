// /leaderboard: today's daily challenge board (any UTC day by the date picker), the all-time hall
// of fame (best daily scores, most matches won), paginated, polled every 5 s while the tab is
// visible (and at once when it becomes visible again), redrawn only when something changed.
// With ?room=CODE it also watches that room as a spectator and shows its leaderboard live.
// The address bar keeps the day, pages and room (?date=&page=&fame=&limit=&room=).
// A finished day's round: "Replay this day's round" (its values, published when the day ends, from
// /api/daily/DATE/opening), and if this browser played it, the check that the B it was shown
// was fixed at round start; a day still running says when its values come out.
import { normalizeRoomCode } from "../shared/room-code";
import { byId, h, rememberedName, renderOnce, setText, show, showError, showNotice } from "./pages/dom";
import { friendlyError, phaseLabel, spectate, type WatchedRoom } from "./pages/net";
import { renderRoomBoard } from "./pages/room-board";
import { loadDailyProof, localTime } from "./daily-proof";
import type { RoundOpening } from "../shared/round-key";
import { dailyOpeningAfter } from "../shared/daily";

interface DailyRow { rank: number; name: string; points: number; level: number }
interface DailyBoard { board: "daily"; date: string; total: number; limit: number; offset: number; rows: DailyRow[] }
interface FameRow { rank: number; name: string; points: number; date: string }
interface WinsRow { rank: number; name: string; wins: number }
interface AlltimeBoard { board: "alltime"; total: number; winsTotal?: number; limit: number; offset: number; rows: FameRow[]; wins: WinsRow[] }

const POLL_MS = 5_000;
const DEFAULT_LIMIT = 20;

const params = new URLSearchParams(location.search);
const positive = (v: string | null, fallback: number, max = 1e6) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
};
const view = {
  /** Undefined: today (UTC), following the clock past midnight. */
  date: /^\d{4}-\d{2}-\d{2}$/.test(params.get("date") ?? "") ? params.get("date")! : undefined,
  page: positive(params.get("page"), 1),
  fame: positive(params.get("fame"), 1),
  limit: positive(params.get("limit"), DEFAULT_LIMIT, 100),
};
const todayUtc = () => new Date().toISOString().slice(0, 10);

function updateUrl(): void {
  const q = new URLSearchParams();
  const room = new URLSearchParams(location.search).get("room");
  if (room) q.set("room", room);
  if (view.date) q.set("date", view.date);
  if (view.page > 1) q.set("page", String(view.page));
  if (view.fame > 1) q.set("fame", String(view.fame));
  if (view.limit !== DEFAULT_LIMIT) q.set("limit", String(view.limit));
  const search = q.toString() ? `?${q}` : "";
  if (location.search !== search) history.replaceState({}, "", `/leaderboard${search}`);
}

async function getJson<T>(url: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store" });
  } catch {
    throw new Error("Cannot reach the game server — the boards refresh by themselves when it is back.");
  }
  const body = await res.json().catch(() => undefined) as { error?: string } | undefined;
  if (!res.ok) throw new Error(body?.error ? `The leaderboard refused that: ${body.error}` : `The leaderboard is not available right now (HTTP ${res.status}).`);
  if (!body) throw new Error("The leaderboard answered with something unreadable.");
  return body as T;
}

// --- Boards --------------------------------------------------------------------------------

function row(rank: number, name: string, detail: string, value: string, data: Record<string, string>): HTMLLIElement {
  const mine = rememberedName();
  return h("li", { class: `leaderboard-row plain${mine && mine === name ? " mine" : ""}`, attrs: { "data-testid": "board-row", "data-name": name, "data-rank": String(rank), ...data } },
    h("span", { class: `rank${rank <= 3 ? " top" : ""}`, text: String(rank) }),
    h("span", { class: "who" }, h("span", { class: "name", text: name }), h("span", { class: "detail", text: detail })),
    h("span", { class: "points", text: value }));
}

function empty(...content: (Node | string)[]): HTMLLIElement {
  return h("li", { class: "empty-state" }, ...content);
}

function pager(label: HTMLElement, prev: HTMLButtonElement, next: HTMLButtonElement, offset: number, limit: number, total: number, shown: number): void {
  setText(label, total ? `${offset + 1}–${offset + shown} of ${total}` : "");
  prev.disabled = offset <= 0;
  next.disabled = offset + limit >= total;
}

function renderDaily(board: DailyBoard): void {
  const date = board.date;
  const dateInput = byId<HTMLInputElement>("leaderboard-date");
  if (document.activeElement !== dateInput && dateInput.value !== date) dateInput.value = date;
  dateInput.max = todayUtc();
  renderOnce(byId("daily-board"), JSON.stringify([board.rows, rememberedName()]), () => {
    if (!board.rows.length) {
      if (board.offset > 0 && board.total > 0) return [empty(`No more scores on this page — ${board.total} in all.`)];
      return date === todayUtc()
        ? [empty("Nobody has played today's challenge yet — ", h("a", { text: "be the first", attrs: { href: "/" } }), ".")]
        : [empty(`No daily challenge scores on ${date}.`)];
    }
    return board.rows.map((r) => row(r.rank, r.name, r.level ? `level ${r.level}` : "", String(r.points), { "data-points": String(r.points), ...(r.level ? { "data-level": String(r.level) } : {}) }));
  });
  pager(byId("daily-page"), byId("page-prev"), byId("page-next"), board.offset, board.limit, board.total, board.rows.length);
  void renderOpening(date);
}

// --- A day's round: its replay, and this browser's check ----------------------------------

type OpeningAnswer =
  | { status: "published"; opening: RoundOpening; commitment: string; replay: string }
  | { status: "later"; after: string }
  | { status: "failed"; error: string };

/** Answers per day; a day still running is asked again once its time has come. */
const openings = new Map<string, Promise<OpeningAnswer>>();

async function fetchOpening(date: string): Promise<OpeningAnswer> {
  let res: Response;
  try {
    res = await fetch(`/api/daily/${encodeURIComponent(date)}/opening`, { headers: { accept: "application/json" } });
  } catch {
    return { status: "failed", error: "the game server cannot be reached" };
  }
  const body = await res.json().catch(() => undefined) as Record<string, unknown> | undefined;
  if (res.status === 403 && typeof body?.after === "string") return { status: "later", after: body.after };
  if (res.ok && body && typeof body.replay === "string" && body.replay.startsWith("/?replay=") && typeof body.commitment === "string" && body.opening) {
    return { status: "published", opening: body.opening as RoundOpening, commitment: body.commitment, replay: body.replay };
  }
  return { status: "failed", error: typeof body?.error === "string" ? body.error : `HTTP ${res.status}` };
}

function openingOf(date: string): Promise<OpeningAnswer> {
  // A day still running (by this clock): no need to ask (the server would refuse it with a 403).
  const after = dailyOpeningAfter(date);
  if (Date.now() < Date.parse(after)) return Promise.resolve({ status: "later", after });
  let answer = openings.get(date);
  if (!answer) {
    answer = fetchOpening(date);
    openings.set(date, answer);
    void answer.then((a) => {
      // Not out yet, or not reachable: ask again on a later refresh (when its time has come).
      if (a.status === "failed" || (a.status === "later" && Date.parse(a.after) <= Date.now())) openings.delete(date);
      else if (a.status === "later") setTimeout(() => openings.delete(date), Math.min(Math.max(0, Date.parse(a.after) - Date.now()) + 1000, 2 ** 31 - 1));
    });
  }
  return answer;
}

/** The check of the B this browser was shown on `date` against the day's published values (the generator loads only for it). */
async function checkOwnDaily(date: string, opening: RoundOpening): Promise<{ ok: boolean; text: string } | undefined> {
  const mine = loadDailyProof(date);
  if (!mine) return undefined;
  try {
    const { verifyOpening } = await import("../shared/round-proof");
    const verdict = verifyOpening(mine.commitment, opening, mine.b);
    return verdict.ok
      ? { ok: true, text: `✓ Verified: the B you played this day (${mine.b.name}) was fixed before anyone picked.` }
      : { ok: false, text: `✗ Could not verify the round you played this day: ${verdict.reason}.` };
  } catch (error) {
    return { ok: false, text: `✗ Could not verify the round you played this day: ${(error as Error).message}.` };
  }
}

let openingShown = "";
const checks = new Map<string, ReturnType<typeof checkOwnDaily>>();

async function renderOpening(date: string): Promise<void> {
  openingShown = date;
  const answer = await openingOf(date);
  let check: Awaited<ReturnType<typeof checkOwnDaily>>;
  if (answer.status === "published") {
    const key = `${date}:${loadDailyProof(date)?.commitment ?? ""}`;
    if (!checks.has(key)) checks.set(key, checkOwnDaily(date, answer.opening));
    check = await checks.get(key);
  }
  if (openingShown !== date) return; // another day was picked meanwhile
  const box = byId("daily-opening");
  box.dataset.date = date;
  box.dataset.status = answer.status;
  renderOnce(box, JSON.stringify([date, answer, check]), () => {
    if (answer.status === "later") {
      return [h("p", { text: `This round's values are published after ${localTime(answer.after)}. Then anyone can replay it and check that B was fixed before anyone picked.`, attrs: { "data-testid": "daily-published-after", "data-after": answer.after } })];
    }
    if (answer.status === "failed") return [h("p", { class: "muted", text: `This day's round cannot be replayed right now (${answer.error}).` })];
    return [
      h("p", {},
        h("a", { class: "replay-link", text: "Replay this day's round", attrs: { href: answer.replay, "data-testid": "daily-replay", title: "Plays this day's round in solo practice: the same A, the same B, every level" } }),
        h("span", { class: "muted", text: ` · commitment ${answer.commitment.slice(0, 12)}…` })),
      ...(check ? [h("p", { class: `proof-verdict ${check.ok ? "yes" : "no"}`, text: check.text, attrs: { "data-testid": "daily-verified", "data-verified": check.ok ? "yes" : "no" } })] : []),
    ];
  });
}

function renderAlltime(board: AlltimeBoard): void {
  renderOnce(byId("alltime-board"), JSON.stringify([board.rows, rememberedName()]), () => {
    if (!board.rows.length) return [empty(board.offset > 0 ? "No more scores on this page." : "No daily challenge scores yet.")];
    return board.rows.map((r) => row(r.rank, r.name, r.date, String(r.points), { "data-points": String(r.points), "data-date": r.date }));
  });
  const wins = board.wins ?? [];
  renderOnce(byId("wins-board"), JSON.stringify([wins, rememberedName()]), () => {
    if (!wins.length) return [empty(board.offset > 0 ? "No more winners on this page." : "No finished matches yet — win one and your name goes here.")];
    return wins.map((r) => row(r.rank, r.name, "", `${r.wins} win${r.wins === 1 ? "" : "s"}`, { "data-points": String(r.wins), "data-wins": String(r.wins) }));
  });
  // One offset pages both lists: there is a next page while either has more.
  const total = Math.max(board.total, board.winsTotal ?? (wins.length === board.limit ? board.offset + board.limit + 1 : 0));
  pager(byId("fame-page"), byId("fame-prev"), byId("fame-next"), board.offset, board.limit, total, Math.max(board.rows.length, wins.length));
}

let sequence = 0;

async function refresh(): Promise<void> {
  const mine = ++sequence;
  const limit = view.limit;
  const daily = new URLSearchParams({ board: "daily", limit: String(limit), offset: String((view.page - 1) * limit) });
  if (view.date) daily.set("date", view.date);
  const alltime = new URLSearchParams({ board: "alltime", limit: String(limit), offset: String((view.fame - 1) * limit) });
  for (const id of ["daily-board", "alltime-board", "wins-board"]) byId(id).setAttribute("aria-busy", "true");
  const [d, a] = await Promise.allSettled([
    getJson<DailyBoard>(`/api/leaderboard?${daily}`),
    getJson<AlltimeBoard>(`/api/leaderboard?${alltime}`),
  ]);
  if (mine !== sequence) return; // a newer refresh (a click) is on its way
  for (const id of ["daily-board", "alltime-board", "wins-board"]) byId(id).removeAttribute("aria-busy");
  if (d.status === "fulfilled") renderDaily(d.value);
  if (a.status === "fulfilled") renderAlltime(a.value);
  const problem = [d, a].find((r): r is PromiseRejectedResult => r.status === "rejected");
  const status = byId("status");
  status.dataset.live = problem ? "error" : "true";
  setText(status, problem ? "not updating" : "live");
  showError(problem ? (problem.reason as Error).message : roomError);
}

function go(change: Partial<typeof view>): void {
  Object.assign(view, change);
  updateUrl();
  void refresh();
}

// --- A watched room (?room=CODE) -----------------------------------------------------------

let roomError: string | null = null;

async function watchRoom(code: string): Promise<void> {
  const card = byId("room-card");
  show(card, true);
  setText(byId("room-code"), code);
  byId<HTMLAnchorElement>("room-watch-link").href = `/watch?room=${code}`;
  setText(byId("room-sub"), "Joining as a spectator…");
  let room: WatchedRoom;
  try {
    room = await spectate(code, "Spectator");
  } catch (err) {
    roomError = (err as Error).message || friendlyError(err, code);
    showError(roomError);
    setText(byId("room-sub"), "This room cannot be watched.");
    renderOnce(byId("room-board"), "missing", () => [empty("No room to show. ", h("a", { text: "See the live rooms", attrs: { href: "/watch" } }), ".")]);
    return;
  }
  let closed = false;
  const render = () => {
    const state = room.state;
    if (!state) return;
    const phase = closed ? "closed" : state.phase ?? "lobby";
    const badge = byId("room-phase");
    if (badge.dataset.phase !== phase) badge.dataset.phase = phase;
    setText(badge, closed ? "Closed" : phaseLabel(phase));
    const players = state.players?.size ?? 0;
    setText(byId("room-sub"), [
      phase === "lobby" ? `${state.rounds ?? 0} round${state.rounds === 1 ? "" : "s"}, not started yet` :
      phase === "podium" ? `Final standings after ${state.rounds ?? 0} round${state.rounds === 1 ? "" : "s"}` :
      `Round ${state.round ?? 0} / ${state.rounds ?? 0}`,
      `${players} player${players === 1 ? "" : "s"}`,
      `${state.spectatorCount ?? 0} watching`,
      closed ? "the room has closed" : "live",
    ].join(" · "));
    renderRoomBoard(byId("room-board"), state, "No players yet: waiting for people to join.");
  };
  room.onStateChange(render);
  for (const type of ["round", "reveal", "podium", "pickCounts", "error"]) room.onMessage(type, () => undefined);
  room.onLeave((closeCode) => {
    closed = true;
    render();
    showNotice(closeCode === 4403 ? `The host removed this page from room ${code}.` : `Room ${code} has closed: these are its last standings.`);
  });
  window.addEventListener("pagehide", () => void room.leave(true).catch(() => undefined));
  render();
}

// --- Wiring --------------------------------------------------------------------------------

const dateInput = byId<HTMLInputElement>("leaderboard-date");
dateInput.max = todayUtc();
dateInput.value = view.date ?? todayUtc();
dateInput.addEventListener("change", () => {
  const value = dateInput.value;
  if (!value) return;
  go({ date: value === todayUtc() ? undefined : value, page: 1 });
});
byId("today").addEventListener("click", () => { dateInput.value = todayUtc(); go({ date: undefined, page: 1 }); });
byId("page-prev").addEventListener("click", () => go({ page: Math.max(1, view.page - 1) }));
byId("page-next").addEventListener("click", () => go({ page: view.page + 1 }));
byId("fame-prev").addEventListener("click", () => go({ fame: Math.max(1, view.fame - 1) }));
byId("fame-next").addEventListener("click", () => go({ fame: view.fame + 1 }));

setInterval(() => { if (!document.hidden) void refresh(); }, POLL_MS);
document.addEventListener("visibilitychange", () => { if (!document.hidden) void refresh(); });

void refresh();
{
  const raw = params.get("room");
  if (raw !== null) {
    const code = normalizeRoomCode(raw);
    if (code) void watchRoom(code);
    else {
      roomError = `"${raw.slice(0, 30)}" is not a room code: a code is 5 letters or digits.`;
      showError(roomError);
    }
  }
}
