// /leaderboard: today's daily challenge board (any UTC day by the date picker), the all-time hall
// of fame (best daily scores, most matches won), paginated, polled every 5 s while the tab is
// visible (and at once when it becomes visible again). With ?room=CODE it also watches that room
// as a spectator and shows its leaderboard live. The address bar keeps the day, pages and room
// (?date=&page=&fame=&limit=&room=). A finished day's round: "Replay this day's round" and, if
// this browser played it, the check that the B it was shown was fixed at round start; a day
// still running says when its values come out. Everything shown follows from the page's store.
import { render } from "lit-html";
import { createRef } from "lit-html/directives/ref.js";
import { CLOSE_KICKED } from "../shared/protocol";
import { normalizeRoomCode } from "../shared/room-code";
import { byId } from "./dom";
import { initI18n, mountLanguageMenu, onLanguageChange, t } from "./i18n/i18n";
import { describeProblem } from "./i18n/problem-text";
import type { Problem } from "../shared/problems";
import { friendlyError, spectate, type MatchRoom } from "./net";
import { errorText, roomCodeRefusal, showError, showNotice } from "./ui";
import { dailyOpenings } from "./spectator/daily-opening";
import {
  DEFAULT_LIMIT,
  leaderboardStore,
  type AlltimeBoard,
  type BoardView,
  type DailyBoard,
} from "./spectator/leaderboard-state";
import { leaderboardPage, todayUtc, type LeaderboardActions } from "./spectator/leaderboard-view";

const POLL_MS = 5_000;

await initI18n(); // the language shown, before anything is worded

const params = new URLSearchParams(location.search);
const store = leaderboardStore(params);
const openings = dailyOpenings();
const dateField = createRef<HTMLInputElement>();

function updateUrl(): void {
  const { view } = store.get();
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
    throw new Error(t("board.unreachable"));
  }
  const body = (await res.json().catch(() => undefined)) as Partial<Problem> | undefined;
  if (!res.ok) {
    throw new Error(
      typeof body?.error === "string"
        ? t("board.refused", { reason: describeProblem(body as Problem) })
        : t("board.unavailable", { status: String(res.status) }),
    );
  }
  if (!body) throw new Error(t("board.unreadable"));
  return body as T;
}

// --- The boards ------------------------------------------------------------------------------

async function refresh(): Promise<void> {
  const mine = store.get().refresh + 1;
  const { view } = store.get();
  const limit = String(view.limit);
  const daily = new URLSearchParams({ board: "daily", limit, offset: String((view.page - 1) * view.limit) });
  if (view.date) daily.set("date", view.date);
  const alltime = new URLSearchParams({ board: "alltime", limit, offset: String((view.fame - 1) * view.limit) });
  // Page 1 is live; the pages after it show the board as it stood when it was last read, so
  // paging on neither repeats nor skips a row while results arrive.
  const shown = store.get();
  if (view.page > 1 && shown.daily?.asOf) daily.set("asOf", shown.daily.asOf);
  if (view.fame > 1 && shown.alltime?.asOf) alltime.set("asOf", shown.alltime.asOf);
  store.set({ refresh: mine, busy: true });
  const [d, a] = await Promise.allSettled([
    getJson<DailyBoard>(`/api/leaderboard?${daily}`),
    getJson<AlltimeBoard>(`/api/leaderboard?${alltime}`),
  ]);
  if (mine !== store.get().refresh) return; // a newer refresh (a click) is on its way
  const problem = [d, a].find((r): r is PromiseRejectedResult => r.status === "rejected");
  store.set({
    busy: false,
    live: problem ? "error" : "true",
    ...(d.status === "fulfilled" ? { daily: d.value } : {}),
    ...(a.status === "fulfilled" ? { alltime: a.value } : {}),
  });
  showError(problem ? (problem.reason as Error).message : (store.get().roomError ?? null));
  if (d.status === "fulfilled") void showOpening(d.value.date);
}

/** The day's round below the date: asked once per day, shown if that day is still the one picked. */
async function showOpening(date: string): Promise<void> {
  store.set({ openingDate: date });
  const answer = await openings.answer(date);
  const check = answer.status === "published" ? await openings.check(date, answer.opening) : undefined;
  if (store.get().openingDate !== date) return; // another day was picked meanwhile
  store.set({ opening: { date, answer, check } });
}

function go(change: Partial<BoardView>): void {
  store.set({ view: { ...store.get().view, ...change } });
  updateUrl();
  void refresh();
}

// --- A watched room (?room=CODE) -------------------------------------------------------------

async function watchRoom(code: string): Promise<void> {
  store.set({ room: { code, failed: false, closed: false } });
  let room: MatchRoom;
  try {
    room = await spectate(code, t("watch.defaultSpectatorName"));
  } catch (err) {
    const roomError = (err as Error).message ? errorText(err) : friendlyError(err, code);
    store.set({ room: { code, failed: true, closed: false }, roomError });
    showError(roomError);
    return;
  }
  store.set({ room: { code, room, failed: false, closed: false } });
  room.onStateChange(() => store.changed());
  for (const type of ["clock", "round", "reveal", "podium", "pickCounts", "kicked", "error"]) {
    room.onMessage(type, () => undefined);
  }
  room.onLeave((closeCode) => {
    store.set({ room: { code, room, failed: false, closed: true } });
    showNotice(() => t(closeCode === CLOSE_KICKED ? "board.kicked" : "board.roomClosed", { code }));
  });
  window.addEventListener("pagehide", () => void room.leave(true).catch(() => undefined));
}

// --- Wiring ----------------------------------------------------------------------------------

const actions: LeaderboardActions = {
  pickDate: (value) => value && go({ date: value === todayUtc() ? undefined : value, page: 1 }),
  today: () => {
    if (dateField.value) dateField.value.value = todayUtc();
    go({ date: undefined, page: 1 });
  },
  daily: (step) => go({ page: Math.max(1, store.get().view.page + step) }),
  fame: (step) => go({ fame: Math.max(1, store.get().view.fame + step) }),
};

const setTitle = () => (document.title = t("board.title"));
setTitle();
mountLanguageMenu(byId("language-menu"));
const root = byId("leaderboard-page");
const draw = () => render(leaderboardPage(store.get(), actions, dateField), root);
store.subscribe(draw);
draw();
onLanguageChange(() => {
  setTitle();
  draw();
});

setInterval(() => document.hidden || void refresh(), POLL_MS);
document.addEventListener("visibilitychange", () => document.hidden || void refresh());

void refresh();
{
  const raw = params.get("room");
  if (raw !== null) {
    const code = normalizeRoomCode(raw);
    if (code) void watchRoom(code);
    else {
      const roomError = roomCodeRefusal(raw, t("board.noRoomCode"));
      store.set({ roomError });
      showError(roomError);
    }
  }
}
