// /leaderboard as lit-html templates of its store: the watched room's card (?room=CODE), the
// daily challenge board with its day's round, and the all-time hall of fame, each paged.
import { html, nothing, type TemplateResult } from "lit-html";
import { ref, type Ref } from "lit-html/directives/ref.js";
import { localTime } from "../daily-proof";
import { phaseLabel, rememberedName } from "../ui";
import type { AlltimeBoard, DailyBoard, LeaderboardState, RoomWatch } from "./leaderboard-state";
import { roomBoard } from "./room-board";

export interface LeaderboardActions {
  pickDate(value: string): void;
  today(): void;
  daily(step: -1 | 1): void;
  fame(step: -1 | 1): void;
}

export const todayUtc = () => new Date().toISOString().slice(0, 10);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

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
    <span class="rank ${r.rank <= 3 ? "top" : ""}">${r.rank}</span>
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
  const label = page?.total ? `${page.offset + 1}–${page.offset + page.shown} of ${page.total}` : "";
  return html`<div class="pager">
    <button id=${prev} data-testid=${prev} class="small-button" type="button"
      ?disabled=${page ? page.offset <= 0 : false} @click=${() => step(-1)}>← Previous</button>
    <span id=${id} class="muted" data-testid=${id}>${label}</span>
    <button id=${next} data-testid=${next} class="small-button" type="button"
      ?disabled=${page ? page.offset + page.limit >= page.total : false} @click=${() => step(1)}>Next →</button>
  </div>`;
}

// --- The watched room ------------------------------------------------------------------------

function roomCard(w: RoomWatch): TemplateResult {
  const state = w.room?.state;
  const phase = w.closed ? "closed" : (state?.phase ?? "lobby");
  const rounds = state?.rounds ?? 0;
  const sub = w.failed
    ? "This room cannot be watched."
    : !state
      ? "Joining as a spectator…"
      : [
          phase === "lobby"
            ? `${plural(rounds, "round")}, not started yet`
            : phase === "podium"
              ? `Final standings after ${plural(rounds, "round")}`
              : `Round ${state.round ?? 0} / ${rounds}`,
          plural(state.players?.size ?? 0, "player"),
          `${state.spectatorCount ?? 0} watching`,
          w.closed ? "the room has closed" : "live",
        ].join(" · ");
  const board = w.failed
    ? html`<li class="empty-state">No room to show. <a href="/watch">See the live rooms</a>.</li>`
    : state
      ? roomBoard(state, "No players yet: waiting for people to join.")
      : nothing;
  return html`<section id="room-card" class="card">
    <div class="card-head">
      <h2>Room <span id="room-code" class="room-code">${w.code}</span></h2>
      <span id="room-phase" class="phase" data-testid="room-phase" data-phase=${state ? phase : ""}
        >${!state ? "" : w.closed ? "Closed" : phaseLabel(phase)}</span>
    </div>
    <p id="room-sub" class="muted small">${sub}</p>
    <ol id="room-board" class="leaderboard board" data-testid="room-board">${board}</ol>
    <p class="small"><a id="room-watch-link" href="/watch?room=${w.code}">Watch this room live</a></p>
  </section>`;
}

// --- The daily challenge ---------------------------------------------------------------------

/** The day's round: its replay once its values are out (after the day ends), and this browser's check. */
function opening(s: Readonly<LeaderboardState>): TemplateResult {
  const o = s.opening;
  const a = o?.answer;
  const body =
    !o || !a
      ? nothing
      : a.status === "later"
        ? html`<p data-testid="daily-published-after" data-after=${a.after}
        >This round's values are published after ${localTime(a.after)}. Then anyone can replay it and check that B
        was fixed before anyone picked.</p>`
        : a.status === "failed"
          ? html`<p class="muted">This day's round cannot be replayed right now (${a.error}).</p>`
          : html`<p><a class="replay-link" href=${a.replay} data-testid="daily-replay"
          title="Plays this day's round in solo practice: the same A, the same B, every level"
          >Replay this day's round</a><span class="muted"> · commitment ${a.commitment.slice(0, 12)}…</span></p>
        ${
          o.check
            ? html`<p class="proof-verdict ${o.check.ok ? "yes" : "no"}" data-testid="daily-verified"
          data-verified=${o.check.ok ? "yes" : "no"}>${o.check.text}</p>`
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
      ? `No more scores on this page — ${total} in all.`
      : date === todayUtc()
        ? html`Nobody has played today's challenge yet — <a href="/">be the first</a>.`
        : `No daily challenge scores on ${date}.`;
  return rows(
    board.rows.map((r) => ({
      rank: r.rank,
      name: r.name,
      detail: r.level ? `level ${r.level}` : "",
      value: String(r.points),
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
      <h2>Daily challenge</h2>
      <span id="status" class="live-dot" data-live=${s.live}
        >${s.live === "false" ? "loading…" : s.live === "true" ? "live" : "not updating"}</span>
    </div>
    <p class="muted small">One round for everybody each UTC day; each name's best score counts; its values are
      published when the day ends. <a href="/">Play today's challenge</a>.</p>
    <div class="board-tools">
      <label for="leaderboard-date" class="muted small">Day (UTC)</label>
      <input id="leaderboard-date" data-testid="leaderboard-date" type="date" max=${todayUtc()} ${ref(dateField)}
        .value=${board?.date ?? s.view.date ?? todayUtc()}
        @change=${(e: Event) => act.pickDate((e.target as HTMLInputElement).value)} />
      <button id="today" class="small-button" type="button" @click=${act.today}>Today</button>
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
          detail: r.date,
          value: String(r.points),
          data: { points: r.points, date: r.date },
        })),
        later ? "No more scores on this page." : "No daily challenge scores yet.",
      )
    : html``;
  const noWinners = later
    ? "No more winners on this page."
    : "No finished matches yet — win one and your name goes here.";
  const winners = board
    ? rows(
        wins.map((r) => ({
          rank: r.rank,
          name: r.name,
          detail: "",
          value: plural(r.wins, "win"),
          data: { points: r.wins, wins: r.wins },
        })),
        noWinners,
      )
    : html``;
  const dim = busy ? "true" : nothing;
  return html`<section class="card">
    <h2>All-time hall of fame</h2>
    <h3 class="sub">Best daily scores</h3>
    <ol id="alltime-board" class="leaderboard board" data-testid="alltime-board" aria-busy=${dim}>${best}</ol>
    <h3 class="sub">Most matches won</h3>
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
