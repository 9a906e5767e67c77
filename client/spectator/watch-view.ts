// /watch as lit-html templates of its store: the live public rooms, the "watch by code" form and
// the live view of the watched room (stats, cue, board, picture, the last reveal and its proof).
import { html, nothing, type TemplateResult } from "lit-html";
import { live } from "lit-html/directives/live.js";
import { ref, type Ref } from "lit-html/directives/ref.js";
import { repeat } from "lit-html/directives/repeat.js";
import { secondsLeft } from "../../shared/clock";
import type { RoundMessage } from "../../shared/protocol";
import type { RevealView } from "../../shared/reveal-view";
import type { MatchState } from "../../shared/state";
import type { RoomListing } from "../net";
import { proofOf } from "../reveal-lesson";
import { proofTemplate } from "../screens/proof";
import { phaseLabel } from "../ui";
import { livePicture } from "./live-spiral";
import { roomBoard } from "./room-board";
import type { Listing, WatchState, Watching } from "./watch-state";

export interface WatchActions {
  watch(code: string): void;
  stop(): void;
  submitCode(event: Event): void;
  editCode(value: string): void;
  editName(value: string): void;
}

// --- The listing -----------------------------------------------------------------------------

/** Busiest first: rooms mid-round, then those about to start, then the finished. */
const ORDER: Record<string, number> = { tuning: 0, reveal: 1, training: 2, lobby: 3, podium: 4 };
const rank = (r: RoomListing) => ORDER[r.metadata?.phase ?? ""] ?? 5;
const crowd = (r: RoomListing) => r.metadata?.players ?? r.clients ?? 0;

function roomItem(r: RoomListing, watched: string | undefined, act: WatchActions): TemplateResult {
  const m = r.metadata ?? {};
  const code = m.code ?? r.roomId;
  const phase = m.phase ?? "lobby";
  const players = m.players ?? 0;
  const meta = [
    `${players} player${players === 1 ? "" : "s"}`,
    m.spectators ? `${m.spectators} watching` : "",
    m.round && phase !== "lobby" ? `round ${m.round} / ${m.rounds ?? "?"}` : m.rounds ? `${m.rounds} rounds` : "",
    r.locked ? "locked" : "",
  ]
    .filter(Boolean)
    .join(" · ");
  return html`<li><button class="room-item" type="button" data-testid="room-item" data-code=${code}
      data-phase=${phase} data-round=${m.round ?? 0} data-players=${players}
      aria-pressed=${watched === code} aria-label="Watch room ${code}" @click=${() => act.watch(code)}>
    <span class="room-code">${code}</span>
    <span class="host">${m.host ? `hosted by ${m.host}` : "a match"}</span>
    <span class="phase" data-phase=${phase}>${phaseLabel(phase)}</span>
    <span class="meta">${meta}</span>
  </button></li>`;
}

function roomList(listing: Listing, watched: string | undefined, act: WatchActions): TemplateResult {
  if (listing.problem) return html`<li class="empty-state">${listing.problem}</li>`;
  if (!listing.rooms.length) {
    return html`<li class="empty-state">No public rooms right now — <a href="/">create one</a> and make it public
      in its settings, or watch a private room by its code below.</li>`;
  }
  const sorted = [...listing.rooms].sort(
    (a, b) => rank(a) - rank(b) || crowd(b) - crowd(a) || a.roomId.localeCompare(b.roomId),
  );
  return html`${repeat(
    sorted,
    (r) => r.roomId,
    (r) => roomItem(r, watched, act),
  )}`;
}

// --- The watched room ------------------------------------------------------------------------

const CLOCK_LABELS: Record<string, string> = {
  training: "Training",
  reveal: "Next round in",
  lobby: "Not started",
  podium: "Match over",
};

function stats(state: MatchState, serverNow: number): TemplateResult {
  const phase = state.phase ?? "lobby";
  const rounds = state.rounds ?? 0;
  const training = phase === "training" ? (state.trainingProgress ?? 0) : undefined;
  const timed = phase === "tuning" || phase === "reveal";
  const clock = training !== undefined ? `${training} %` : timed ? `${secondsLeft(state, serverNow)} s` : "–";
  const tuning = phase === "tuning";
  const locked = state.lockedCount ?? 0;
  const playing = state.playingCount ?? 0;
  return html`<dl class="stats">
    <div class="stat"><dt>Round</dt><dd id="live-round" data-testid="live-round"
      >${phase === "lobby" ? `– / ${rounds || "?"}` : `${state.round ?? 0} / ${rounds}`}</dd></div>
    <div class="stat"><dt id="live-clock-label">${CLOCK_LABELS[phase] ?? "Time left"}</dt>
      <dd id="live-clock">${clock}</dd>
      <div id="live-progress" class="mini-progress" ?hidden=${training === undefined}
        ><div id="live-progress-fill" style="width: ${training ?? 0}%"></div></div></div>
    <div class="stat"><dt id="live-locked-label">${tuning ? "Locked in" : "Playing"}</dt><dd id="live-locked"
      data-testid="live-locked" data-locked=${locked}>${tuning ? `${locked} / ${playing}` : playing}</dd></div>
    <div class="stat"><dt>Watching</dt><dd id="live-spectators">${state.spectatorCount ?? 0}</dd></div>
  </dl>`;
}

function results(reveal: RevealView, current: boolean, round: RoundMessage | undefined): TemplateResult {
  const proof = proofOf(round, reveal);
  const rows = [...reveal.results].sort((a, b) => b.points - a.points);
  const title =
    `${current ? "Reveal" : "Last reveal"} · round ${reveal.round}: ${reveal.b.name}` +
    ` · best level ${reveal.bestLevel}`;
  return html`<section id="live-results" data-testid="reveal-results" data-round=${reveal.round}
      data-best-level=${reveal.bestLevel}>
    <h2 id="live-results-title">${title}</h2>
    <ol id="live-results-list" class="results">${
      rows.length
        ? repeat(
            rows,
            (r) => r.sessionId,
            (r) => html`<li data-testid="result-row" data-name=${r.name}
          data-points=${r.points} data-level=${r.level} title=${r.arithmetic}><span class="name">${r.name}</span>
          <span class="level">level ${r.level}${r.level === reveal.bestLevel ? " ★" : ""}</span>
          <span class="points">+${r.points}</span></li>`,
          )
        : html`<li class="empty-state">Nobody played this round.</li>`
    }</ol>
    <div id="live-proof" class="proof-line" data-verified=${proof.state}>${proofTemplate(proof, { newTab: true })}</div>
  </section>`;
}

function liveView(w: Watching, state: MatchState, serverNow: number, act: WatchActions): TemplateResult {
  const phase = state.phase ?? "lobby";
  const round = state.round ?? 0;
  const timed = phase === "tuning" || phase === "reveal";
  const roundMsg = w.round && w.round.round === round && timed ? w.round : undefined;
  // The last reveal stays below the board until the next match starts from the lobby.
  const reveal = w.reveal && phase !== "lobby" ? w.reveal : undefined;
  const current = phase === "reveal" && reveal?.round === round;
  const empty = phase === "lobby" ? "No players yet: waiting for people to join." : "No players in this round.";
  return html`<div class="live-head">
      <span class="grow">Room <strong id="live-code" class="room-code" data-testid="live-code">${w.code}</strong></span>
      <span id="live-phase" class="phase" data-testid="live-phase" data-phase=${phase}
        >${phaseLabel(phase)}${state.paused ? " · paused" : ""}</span>
      <button id="stop-watching" class="small-button" type="button" @click=${act.stop}>Stop watching</button>
    </div>
    ${stats(state, serverNow)}
    ${roundMsg ? html`<p id="live-cue" class="live-cue">${roundMsg.a.name} — ${roundMsg.cue}</p>` : nothing}
    <div class="live-split">
      <div>
        <h2>Leaderboard</h2>
        <ol id="live-board" class="leaderboard board" data-testid="live-board">${roomBoard(state, empty)}</ol>
      </div>
      ${livePicture(roundMsg, current ? reveal : undefined)}
    </div>
    ${reveal ? results(reveal, current, w.revealRound) : nothing}
    <p class="small"><a id="live-board-link" href="/leaderboard?room=${w.code}">Open this room's leaderboard</a>
      (for a projector)</p>`;
}

// --- The page --------------------------------------------------------------------------------

/** Elements the page's code reaches: the live card (scrolled into sight), the fields (focused on an error). */
export interface WatchRefs {
  live: Ref<HTMLElement>;
  code: Ref<HTMLInputElement>;
  name: Ref<HTMLInputElement>;
}

export function watchPage(s: Readonly<WatchState>, act: WatchActions, refs: WatchRefs): TemplateResult {
  const w = s.watching;
  const state = w?.room.state;
  return html`<div id="grid" class="page-grid ${w ? "watching" : ""}">
    <section id="live" class="card" data-testid="live-view" ?hidden=${!w} aria-live="polite" ${ref(refs.live)}>
      ${w && state ? liveView(w, state, s.now + s.clockOffset, act) : nothing}
    </section>
    <div>
      <section class="card">
        <div class="card-head">
          <h2>Live public rooms</h2>
          <span id="listing-status" class="live-dot" data-live=${s.listing.live}>${s.listing.status}</span>
        </div>
        <ul id="room-list" class="room-list" data-testid="room-list">${roomList(s.listing, w?.code, act)}</ul>
      </section>
      <section class="card">
        <h2>Watch a private room by its code</h2>
        <form id="watch-form" class="watch-form" @submit=${act.submitCode}>
          <label>Room code
            <input id="watch-code" data-testid="watch-code" maxlength="60" autocapitalize="characters"
              autocomplete="off" spellcheck="false" placeholder="e.g. K7M2Q" ${ref(refs.code)}
              .value=${live(s.codeField)}
              @input=${(e: Event) => act.editCode((e.target as HTMLInputElement).value)} />
          </label>
          <label>Your name
            <input id="watch-name" data-testid="watch-name" maxlength="20" autocomplete="nickname" ${ref(refs.name)}
              .value=${live(s.nameField)} @input=${(e: Event) => act.editName((e.target as HTMLInputElement).value)} />
          </label>
          <button id="watch-join" data-testid="watch-join" class="primary" type="submit">Watch</button>
        </form>
      </section>
    </div>
  </div>`;
}
