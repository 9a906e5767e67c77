// /leaderboard as lit-html templates of its store: the watched room's card (?room=CODE), the
// daily challenge board with its day's round, and the all-time hall of fame, each paged.
import { html, nothing, type TemplateResult } from "lit-html";
import { ref, type Ref } from "lit-html/directives/ref.js";
import { localTime } from "../daily-proof";
import { formatDate, formatNumber, language, t, tHtml } from "../i18n/i18n";
import { describeProblem } from "../i18n/problem-text";
import { spiralName } from "../i18n/spiral-names";
import { phaseLabel, rememberedName } from "../ui";
import type { OpeningProblem, OwnCheck } from "./daily-opening";
import type { AlltimeBoard, DailyBoard, LeaderboardState, RoomWatch } from "./leaderboard-state";
import { roomBoard } from "./room-board";

export interface LeaderboardActions {
  pickDate(value: string): void;
  today(): void;
  daily(step: -1 | 1): void;
  fame(step: -1 | 1): void;
}

export const todayUtc = () => new Date().toISOString().slice(0, 10);

/**
 * A UTC day ("2026-12-01") as the reader writes dates. English keeps the ISO day: it is what the
 * date picker and the address show (and what the checks of the English pages read).
 */
const day = (iso: string) =>
  language() === "en" || !/^\d{4}-\d{2}-\d{2}$/.test(iso)
    ? iso
    : formatDate(`${iso}T00:00:00Z`, { dateStyle: "medium", timeZone: "UTC" });

// --- Rows and pagers -------------------------------------------------------------------------

/** A board row; `data` becomes its data-* attributes (data-points on every board). */
interface Row {
  rank: number;
  name: string;
  detail: string;
  value: string;
  data: { points: number; level?: number; date?: string; wins?: number };
}

function row(r: Row, mine: string | undefined): TemplateResult {
  const d = r.data;
  return html`<li class="leaderboard-row plain ${mine === r.name ? "mine" : ""}" data-testid="board-row"
      data-name=${r.name} data-rank=${r.rank} data-points=${d.points} data-level=${d.level ?? nothing}
      data-date=${d.date ?? nothing} data-wins=${d.wins ?? nothing}>
    <span class="rank ${r.rank <= 3 ? "top" : ""}">${formatNumber(r.rank)}</span>
    <span class="who"><span class="name">${r.name}</span><span class="detail">${r.detail}</span></span>
    <span class="points">${r.value}</span>
  </li>`;
}

function rows(list: Row[], empty: TemplateResult | string): TemplateResult {
  if (!list.length) return html`<li class="empty-state">${empty}</li>`;
  const mine = rememberedName();
  return html`${list.map((r) => row(r, mine))}`;
}

interface Page {
  offset: number;
  limit: number;
  total: number;
  shown: number;
}

function pager(id: string, page: Page | undefined, step: (by: -1 | 1) => void, ids: [string, string]): TemplateResult {
  const [prev, next] = ids;
  const label = page?.total
    ? t("board.pager", { from: page.offset + 1, to: page.offset + page.shown, total: page.total })
    : "";
  return html`<div class="pager">
    <button id=${prev} data-testid=${prev} class="small-button" type="button"
      ?disabled=${page ? page.offset <= 0 : false} @click=${() => step(-1)}>${t("board.previous")}</button>
    <span id=${id} class="muted" data-testid=${id}>${label}</span>
    <button id=${next} data-testid=${next} class="small-button" type="button"
      ?disabled=${page ? page.offset + page.limit >= page.total : false} @click=${() => step(1)}>${t("board.next")}</button>
  </div>`;
}

// --- The watched room ------------------------------------------------------------------------

function roomCard(w: RoomWatch): TemplateResult {
  const state = w.room?.state;
  const phase = w.closed ? "closed" : (state?.phase ?? "lobby");
  const rounds = state?.rounds ?? 0;
  const sub = w.failed
    ? t("board.cannotWatch")
    : !state
      ? t("board.joining")
      : [
          phase === "lobby"
            ? t("board.notStarted", { rounds })
            : phase === "podium"
              ? t("board.finalStandings", { rounds })
              : t("board.roundOf", { round: state.round ?? 0, rounds }),
          t("board.players", { count: state.players?.size ?? 0 }),
          t("board.watching", { count: state.spectatorCount ?? 0 }),
          t(w.closed ? "board.roomHasClosed" : "board.live"),
        ].join(" · ");
  const liveRooms = html`<a href="/watch">${t("board.seeLiveRooms")}</a>`;
  const board = w.failed
    ? html`<li class="empty-state">${tHtml("board.noRoom", { link: liveRooms })}</li>`
    : state
      ? roomBoard(state, t("watch.noPlayersYet"))
      : nothing;
  const code = html`<span id="room-code" class="room-code">${w.code}</span>`;
  return html`<section id="room-card" class="card">
    <div class="card-head">
      <h2>${tHtml("board.roomHeading", { code })}</h2>
      <span id="room-phase" class="phase" data-testid="room-phase" data-phase=${state ? phase : ""}
        >${!state ? "" : w.closed ? t("board.closed") : phaseLabel(phase)}</span>
    </div>
    <p id="room-sub" class="muted small">${sub}</p>
    <ol id="room-board" class="leaderboard board" data-testid="room-board">${board}</ol>
    <p class="small"><a id="room-watch-link" href="/watch?room=${w.code}">${t("board.watchLive")}</a></p>
  </section>`;
}

// --- The daily challenge ---------------------------------------------------------------------

const openingProblem = (p: OpeningProblem) =>
  p.kind === "unreachable"
    ? t("board.serverUnreachable")
    : p.kind === "refused"
      ? describeProblem(p.body)
      : t("board.httpStatus", { status: String(p.status) });

const checkText = (c: OwnCheck) =>
  c.ok ? t("board.verified", { spiral: spiralName(c.b) }) : t("board.notVerified", { reason: c.reason });

/** The day's round: its replay once its values are out (after the day ends), and this browser's check. */
function opening(s: Readonly<LeaderboardState>): TemplateResult {
  const o = s.opening;
  const a = o?.answer;
  const body =
    !o || !a
      ? nothing
      : a.status === "later"
        ? html`<p data-testid="daily-published-after" data-after=${a.after}
        >${tHtml("board.publishedAfter", { time: html`<time datetime=${a.after}>${localTime(a.after)}</time>` })}</p>`
        : a.status === "failed"
          ? html`<p class="muted">${t("board.cannotReplay", { reason: openingProblem(a.problem) })}</p>`
          : html`<p><a class="replay-link" href=${a.replay} data-testid="daily-replay"
          title=${t("board.replayTitle")}
          >${t("board.replayLink")}</a><span class="muted"> · ${t("board.commitment", {
            hash: a.commitment.slice(0, 12),
          })}</span></p>
        ${
          o.check
            ? html`<p class="proof-verdict ${o.check.ok ? "yes" : "no"}" data-testid="daily-verified"
          data-verified=${o.check.ok ? "yes" : "no"}>${checkText(o.check)}</p>`
            : nothing
        }`;
  return html`<div id="daily-opening" class="daily-opening small" data-testid="daily-opening" aria-live="polite"
    data-date=${o?.date ?? nothing} data-status=${a?.status ?? nothing}>${body}</div>`;
}

function dailyRows(board: DailyBoard | undefined): TemplateResult {
  if (!board) return html``;
  const { date, offset, total } = board;
  const empty =
    offset > 0 && total > 0
      ? t("board.noMoreScoresTotal", { total })
      : date === todayUtc()
        ? html`${tHtml("board.nobodyToday", { link: html`<a href="/">${t("board.beFirst")}</a>` })}`
        : t("board.noScoresOn", { date: day(date) });
  return rows(
    board.rows.map((r) => ({
      rank: r.rank,
      name: r.name,
      detail: r.level ? t("board.level", { level: r.level }) : "",
      value: formatNumber(r.points),
      data: { points: r.points, level: r.level || undefined },
    })),
    empty,
  );
}

function dailyCard(s: Readonly<LeaderboardState>, act: LeaderboardActions, dateField: Ref<HTMLInputElement>) {
  const board = s.daily;
  const page = board && { offset: board.offset, limit: board.limit, total: board.total, shown: board.rows.length };
  return html`<section class="card">
    <div class="card-head">
      <h2>${t("board.dailyHeading")}</h2>
      <span id="status" class="live-dot" data-live=${s.live}
        >${t(s.live === "false" ? "board.statusLoading" : s.live === "true" ? "board.statusLive" : "board.statusNotUpdating")}</span>
    </div>
    <p class="muted small">${tHtml("board.dailyAbout", { link: html`<a href="/">${t("board.playToday")}</a>` })}</p>
    <div class="board-tools">
      <label for="leaderboard-date" class="muted small">${t("board.dayLabel")}</label>
      <input id="leaderboard-date" data-testid="leaderboard-date" type="date" max=${todayUtc()} ${ref(dateField)}
        .value=${board?.date ?? s.view.date ?? todayUtc()}
        @change=${(e: Event) => act.pickDate((e.target as HTMLInputElement).value)} />
      <button id="today" class="small-button" type="button" @click=${act.today}>${t("board.today")}</button>
    </div>
    ${opening(s)}
    <ol id="daily-board" class="leaderboard board" data-testid="daily-board" aria-live="polite"
      aria-busy=${s.busy ? "true" : nothing}>${dailyRows(board)}</ol>
    ${pager("daily-page", page, act.daily, ["page-prev", "page-next"])}
  </section>`;
}

// --- The hall of fame ------------------------------------------------------------------------

function fameCard(board: AlltimeBoard | undefined, busy: boolean, act: LeaderboardActions): TemplateResult {
  const wins = board?.wins ?? [];
  const later = (board?.offset ?? 0) > 0;
  // One offset pages both lists: there is a next page while either has more.
  const page = board && {
    offset: board.offset,
    limit: board.limit,
    shown: Math.max(board.rows.length, wins.length),
    total: Math.max(board.total, board.winsTotal ?? (wins.length === board.limit ? board.offset + board.limit + 1 : 0)),
  };
  const best = board
    ? rows(
        board.rows.map((r) => ({
          rank: r.rank,
          name: r.name,
          detail: day(r.date),
          value: formatNumber(r.points),
          data: { points: r.points, date: r.date },
        })),
        t(later ? "board.noMoreScores" : "board.noScoresYet"),
      )
    : html``;
  const noWinners = t(later ? "board.noMoreWinners" : "board.noWinnersYet");
  const winners = board
    ? rows(
        wins.map((r) => ({
          rank: r.rank,
          name: r.name,
          detail: "",
          value: t("board.wins", { count: r.wins }),
          data: { points: r.wins, wins: r.wins },
        })),
        noWinners,
      )
    : html``;
  const dim = busy ? "true" : nothing;
  return html`<section class="card">
    <h2>${t("board.fameHeading")}</h2>
    <h3 class="sub">${t("board.bestDaily")}</h3>
    <ol id="alltime-board" class="leaderboard board" data-testid="alltime-board" aria-busy=${dim}>${best}</ol>
    <h3 class="sub">${t("board.mostWins")}</h3>
    <ol id="wins-board" class="leaderboard board" data-testid="wins-board" aria-busy=${dim}>${winners}</ol>
    ${pager("fame-page", page, act.fame, ["fame-prev", "fame-next"])}
  </section>`;
}

export function leaderboardPage(
  s: Readonly<LeaderboardState>,
  act: LeaderboardActions,
  dateField: Ref<HTMLInputElement>,
): TemplateResult {
  return html`${s.room ? roomCard(s.room) : nothing}
    <div class="page-grid two">
      ${dailyCard(s, act, dateField)}
      ${fameCard(s.alltime, s.busy, act)}
    </div>`;
}
