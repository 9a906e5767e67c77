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
import { cueText } from "../i18n/cue-text";
import { formatNumber, t, tHtml } from "../i18n/i18n";
import { spiralName } from "../i18n/spiral-names";
import { sumText } from "../i18n/sum-text";
import { livePicture } from "./live-spiral";
import { roomBoard } from "./room-board";
import type { Listing, ListingProblem, ListingStatus, WatchState, Watching } from "./watch-state";

export interface WatchActions {
  watch(code: string): void;
  stop(): void;
  submitCode(event: Event): void;
  editCode(value: string): void;
  editName(value: string): void;
}

// --- The listing -----------------------------------------------------------------------------

const STATUS_KEYS: Record<ListingStatus, string> = {
  connecting: "watch.statusConnecting",
  live: "watch.statusLive",
  reconnecting: "watch.statusReconnecting",
  offline: "watch.statusOffline",
};

const problemText = (p: ListingProblem) =>
  p.kind === "unreachable"
    ? t("watch.listingUnreachable")
    : t("watch.listingUnavailable", { detail: p.detail || t("watch.noAnswer") });

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
    t("watch.listingPlayers", { count: players }),
    m.spectators ? t("watch.listingWatching", { count: m.spectators }) : "",
    m.round && phase !== "lobby"
      ? t("watch.listingRound", { round: m.round, rounds: m.rounds ? formatNumber(m.rounds) : "?" })
      : m.rounds
        ? t("watch.listingRounds", { count: m.rounds })
        : "",
    r.locked ? t("watch.listingLocked") : "",
  ]
    .filter(Boolean)
    .join(" · ");
  return html`<li><button class="room-item" type="button" data-testid="room-item" data-code=${code}
      data-phase=${phase} data-round=${m.round ?? 0} data-players=${players}
      aria-pressed=${watched === code} aria-label=${t("watch.watchRoomLabel", { code })} @click=${() => act.watch(code)}>
    <span class="room-code">${code}</span>
    <span class="host">${m.host ? t("watch.hostedBy", { host: m.host }) : t("watch.aMatch")}</span>
    <span class="phase" data-phase=${phase}>${phaseLabel(phase)}</span>
    <span class="meta">${meta}</span>
  </button></li>`;
}

function roomList(listing: Listing, watched: string | undefined, act: WatchActions): TemplateResult {
  if (listing.problem) return html`<li class="empty-state">${problemText(listing.problem)}</li>`;
  if (!listing.rooms.length) {
    const createLink = html`<a href="/">${t("watch.createOne")}</a>`;
    return html`<li class="empty-state">${tHtml("watch.noPublicRooms", { createLink })}</li>`;
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
  training: "watch.clockTraining",
  reveal: "watch.clockReveal",
  lobby: "watch.clockLobby",
  podium: "watch.clockPodium",
};

/** "3 / 5": a part of a whole, each already in words or digits. */
const fraction = (part: string, whole: string) => t("watch.fraction", { part, whole });

function stats(state: MatchState, serverNow: number): TemplateResult {
  const phase = state.phase ?? "lobby";
  const rounds = state.rounds ?? 0;
  const training = phase === "training" ? (state.trainingProgress ?? 0) : undefined;
  const timed = phase === "tuning" || phase === "reveal";
  const clock =
    training !== undefined
      ? t("watch.trainingProgress", { progress: training })
      : timed
        ? t("watch.secondsLeft", { seconds: secondsLeft(state, serverNow) })
        : "–";
  const tuning = phase === "tuning";
  const locked = state.lockedCount ?? 0;
  const playing = state.playingCount ?? 0;
  return html`<dl class="stats">
    <div class="stat"><dt>${t("watch.statRound")}</dt><dd id="live-round" data-testid="live-round"
      >${
        phase === "lobby"
          ? fraction("–", rounds ? formatNumber(rounds) : "?")
          : fraction(formatNumber(state.round ?? 0), formatNumber(rounds))
      }</dd></div>
    <div class="stat"><dt id="live-clock-label">${t(CLOCK_LABELS[phase] ?? "watch.clockTimeLeft")}</dt>
      <dd id="live-clock">${clock}</dd>
      <div id="live-progress" class="mini-progress" ?hidden=${training === undefined}
        ><div id="live-progress-fill" style="width: ${training ?? 0}%"></div></div></div>
    <div class="stat"><dt id="live-locked-label">${t(tuning ? "watch.statLockedIn" : "watch.statPlaying")}</dt
      ><dd id="live-locked" data-testid="live-locked" data-locked=${locked}
      >${tuning ? fraction(formatNumber(locked), formatNumber(playing)) : formatNumber(playing)}</dd></div>
    <div class="stat"><dt>${t("watch.statWatching")}</dt><dd id="live-spectators"
      >${formatNumber(state.spectatorCount ?? 0)}</dd></div>
  </dl>`;
}

function results(reveal: RevealView, current: boolean, round: RoundMessage | undefined): TemplateResult {
  const proof = proofOf(round, reveal);
  const rows = [...reveal.results].sort((a, b) => b.points - a.points);
  const title = t(current ? "watch.resultsTitleCurrent" : "watch.resultsTitleLast", {
    round: reveal.round,
    spiral: spiralName(reveal.b.name),
    level: reveal.bestLevel,
  });
  return html`<section id="live-results" data-testid="reveal-results" data-round=${reveal.round}
      data-best-level=${reveal.bestLevel}>
    <h2 id="live-results-title">${title}</h2>
    <ol id="live-results-list" class="results">${
      rows.length
        ? repeat(
            rows,
            (r) => r.sessionId,
            (r) => html`<li data-testid="result-row" data-name=${r.name}
          data-points=${r.points} data-level=${r.level} title=${sumText(r)}><span class="name">${r.name}</span>
          <span class="level">${t(r.level === reveal.bestLevel ? "watch.resultLevelBest" : "watch.resultLevel", {
            level: r.level,
          })}</span>
          <span class="points">${t("watch.resultPoints", { points: r.points })}</span></li>`,
          )
        : html`<li class="empty-state">${t("watch.nobodyPlayed")}</li>`
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
  const empty = t(phase === "lobby" ? "watch.noPlayersYet" : "watch.noPlayersInRound");
  const code = html`<strong id="live-code" class="room-code" data-testid="live-code">${w.code}</strong>`;
  const boardLink = html`<a id="live-board-link" href="/leaderboard?room=${w.code}">${t("watch.openBoardLink")}</a>`;
  const cue = roundMsg && t("watch.liveCue", { spiral: spiralName(roundMsg.a.name), cue: cueText(roundMsg.cue) });
  return html`<div class="live-head">
      <span class="grow">${tHtml("watch.liveRoom", { code })}</span>
      <span id="live-phase" class="phase" data-testid="live-phase" data-phase=${phase}
        >${state.paused ? t("watch.phasePaused", { phase: phaseLabel(phase) }) : phaseLabel(phase)}</span>
      <button id="stop-watching" class="small-button" type="button" @click=${act.stop}>${t("watch.stopWatching")}</button>
    </div>
    ${stats(state, serverNow)}
    ${cue ? html`<p id="live-cue" class="live-cue">${cue}</p>` : nothing}
    <div class="live-split">
      <div>
        <h2>${t("watch.leaderboardHeading")}</h2>
        <ol id="live-board" class="leaderboard board" data-testid="live-board">${roomBoard(state, empty)}</ol>
      </div>
      ${livePicture(roundMsg, current ? reveal : undefined)}
    </div>
    ${reveal ? results(reveal, current, w.revealRound) : nothing}
    <p class="small">${tHtml("watch.openBoard", { link: boardLink })}</p>`;
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
          <h2>${t("watch.listingHeading")}</h2>
          <span id="listing-status" class="live-dot" data-live=${s.listing.live}
            >${t(STATUS_KEYS[s.listing.status])}</span>
        </div>
        <ul id="room-list" class="room-list" data-testid="room-list">${roomList(s.listing, w?.code, act)}</ul>
      </section>
      <section class="card">
        <h2>${t("watch.byCodeHeading")}</h2>
        <form id="watch-form" class="watch-form" @submit=${act.submitCode}>
          <label>${t("watch.codeLabel")}
            <input id="watch-code" data-testid="watch-code" maxlength="60" autocapitalize="characters"
              autocomplete="off" spellcheck="false" placeholder=${t("watch.codePlaceholder")} ${ref(refs.code)}
              .value=${live(s.codeField)}
              @input=${(e: Event) => act.editCode((e.target as HTMLInputElement).value)} />
          </label>
          <label>${t("watch.nameLabel")}
            <input id="watch-name" data-testid="watch-name" maxlength="20" autocomplete="nickname" ${ref(refs.name)}
              .value=${live(s.nameField)} @input=${(e: Event) => act.editName((e.target as HTMLInputElement).value)} />
          </label>
          <button id="watch-join" data-testid="watch-join" class="primary" type="submit">${t("watch.watchButton")}</button>
        </form>
      </section>
    </div>
  </div>`;
}
