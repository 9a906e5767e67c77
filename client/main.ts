// The game client: home → room (lobby, training, tuning, reveal, podium). The server is the
// authority; this file keeps the connection, the URL (/?room=CODE) and which screen shows.
// Reconnection: a dropped connection is retried by the SDK (settings in ./reconnection) behind a
// "reconnecting…" notice; the seat's token is kept in localStorage so a closed tab or a reload
// gets the same seat back by opening the link again. Only Leave gives the seat up (and a kick:
// the host removed this player, so the token is forgotten and nothing reconnects).
// Classrooms: the host's settings and bar (screens/lobby, screens/host-bar), the projector view
// (a host toggle, or /host?room=CODE, which joins as a spectator), the shake-up, and the daily
// challenge (a solo round on the server, from the home screen).
import { byId, setText, show } from "./dom";
import { normalizeRoomCode } from "../shared/room-code";
import {
  CLOSE_FLOODING, CLOSE_KICKED, CLOSE_SERVER_SHUTDOWN,
  type DailyMessage, type ErrorMessage, type Phase, type PickCountsMessage, type PodiumMessage, type RevealMessage, type RoundMessage, type ShakeUp,
} from "../shared/protocol";
import { fromWire } from "../shared/round-messages";
import { revealFromState, type RevealView } from "../shared/reveal-view";
import { createDaily, createRoom, joinRoom, reconnectRoom, type MatchRoom } from "./net";
import { forgetSeatToken, loadSeatToken, saveSeatToken } from "./reconnection";
import { clearError, setPhaseBadge, showError, showNotice } from "./ui";
import { phaseOf, playerRows } from "./view-model";
import { initHome, openRoomLink, submitJoin } from "./screens/home";
import { initLobby, renderLobby, renderRoomSettings, settingsSummary } from "./screens/lobby";
import { initPlayers, renderPlayers } from "./screens/players";
import { initHostBar, renderHostBar } from "./screens/host-bar";
import { renderShakeUp } from "./screens/shake-up";
import { renderHistogram } from "./screens/histogram";
import { refreshProjector, renderProjector } from "./screens/projector";
import { renderDaily } from "./screens/daily";
import { renderTraining } from "./screens/training";
import { initTuning, redrawTuning, renderTuning } from "./screens/tuning";
import { initReveal, renderReveal } from "./screens/reveal";
import { renderLeaderboard } from "./screens/leaderboard";
import { initPodium, renderPodium } from "./screens/podium";
import { refreshViews } from "./screens/stage";
import { announcePhase } from "./screens/announce";
import { initHowTo } from "./screens/how-to";
import { initMuteToggle } from "./feel";
import { initPractice, practicing } from "./practice/practice-mode";
import { saveDailyProof } from "./daily-proof";

interface Session {
  room: MatchRoom;
  code: string;
  round?: RoundMessage;
  revealMessage?: RevealMessage;
  /** The last reveal with everybody's results, built once the state has reached it. */
  reveal?: RevealView;
  counts?: PickCountsMessage;
  podium?: PodiumMessage;
  daily?: DailyMessage;
  /** The daily challenge's solo room (no link to share, no seat to restore). */
  isDaily: boolean;
  /** The host removed this player: the close that follows is explained, and nothing reconnects. */
  kicked: boolean;
  leaving: boolean;
  shownPhase?: Phase;
}

/** /host: the page of a room's projector (joins as a spectator; the projector view is on). */
const HOST_PATH = /^\/host\/?$/;
let hostPage = HOST_PATH.test(location.pathname);
/** The projector view is showing (the host's toggle, or /host). */
let projectorOn = hostPage;
const PROJECTOR_KEY = "shell-galaxy:projector:";
/** The name a /host projector joins with (spectators are not listed, so it need not be unique). */
const PROJECTOR_NAME = "Projector";

let session: Session | undefined;
/** The room code whose stored seat is being reclaimed right now (a Join waits for it). */
let resuming: string | undefined;

const roomUrl = (code: string) => `${hostPage ? "/host" : "/"}?room=${code}`;
const urlCode = () => normalizeRoomCode(new URLSearchParams(location.search).get("room") ?? "");

function enter(room: MatchRoom, isDaily = false): void {
  const s: Session = { room, code: room.roomId, leaving: false, isDaily, kicked: false };
  session = s;
  if (!isDaily) {
    // Keep the shareable link in the address bar; Back then returns home.
    if (urlCode() !== s.code) history.pushState({ room: s.code }, "", roomUrl(s.code));
    else if (location.search !== `?room=${s.code}`) history.replaceState({ room: s.code }, "", roomUrl(s.code));
  }
  projectorOn = !isDaily && (hostPage || loadProjectorPreference(s.code));
  room.onMessage("round", (m: RoundMessage) => { s.round = fromWire(m); render(); });
  room.onMessage("reveal", (m: RevealMessage) => {
    s.revealMessage = fromWire(m);
    s.reveal = undefined;
    // The daily's values come out when its day ends: keep what to check them against (the leaderboard does).
    if (isDaily && s.round?.round === m.round) saveDailyProof(s.round, s.revealMessage);
    render();
  });
  room.onMessage("pickCounts", (m: PickCountsMessage) => { s.counts = m; render(); });
  room.onMessage("podium", (m: PodiumMessage) => { s.podium = m; render(); });
  room.onMessage("daily", (m: DailyMessage) => { s.daily = m; render(); });
  room.onMessage("error", (e: ErrorMessage) => {
    // A pick or lock-in that crossed the end of tuning on the wire: the round has moved on.
    // Likewise the host's Pause, Reveal now or Next pressed as the phase changed by itself.
    if (e.code === "wrong-phase" && e.type && ["pick", "lockIn", "pause", "skip", "next"].includes(e.type)) return;
    if (e.code === "kicked") {
      // The close (CLOSE_KICKED) follows at once: forget the seat now, explain when it closes.
      s.kicked = true;
      forgetSeatToken(s.code);
      return;
    }
    showError(e.message);
  });
  room.onStateChange(() => render());
  // The SDK calls onDrop on the drop and again on every failed try, then onReconnect or onLeave.
  room.onDrop(() => { if (session === s) showReconnecting(true); });
  room.onReconnect(() => {
    if (session !== s || s.leaving) {
      void room.leave(true).catch(() => undefined); // Leave was pressed while reconnecting: give the seat up now
      return;
    }
    // The server hands out a new token on every reconnect; the SDK stores it just after this call.
    queueMicrotask(() => { if (session === s) saveSeatToken(s.code, room.reconnectionToken); });
    showReconnecting(false);
    render();
  });
  room.onLeave((code, reason) => {
    if (session !== s || s.leaving) return;
    if (s.kicked || code === CLOSE_KICKED) return kickedOut(s);
    goHome(false, false);
    showError(leftMessage(s.code, code, reason));
  });
  if (!isDaily) saveSeatToken(s.code, room.reconnectionToken);
  render();
}

/** The host removed us: home with the reason; the seat's token and the room link are dropped. */
function kickedOut(s: Session): void {
  forgetSeatToken(s.code);
  goHome(false, false);
  if (urlCode()) history.replaceState({}, "", "/");
  hostPage = false;
  showError(`The host removed you from room ${s.code}.`);
}

/** Why the room was lost, in words. The seat token stays: opening the link again may restore it. */
function leftMessage(code: string, closeCode: number, reason?: string): string {
  if (closeCode === 4003 && /no more retries/i.test(reason ?? "")) {
    // The SDK tried for about 66 s: the 60 s the server holds a seat are over.
    return `Lost the connection to room ${code} and could not reconnect for over a minute, so your seat is gone. Check your connection, then join again with the code.`;
  }
  if (closeCode === 4003) {
    return `Lost the connection to room ${code} and could not reconnect: the room no longer holds your seat (a seat is kept 60 seconds after a drop). Join again with the code to play on.`;
  }
  if (closeCode === 1006) {
    return `Lost the connection to room ${code} right after joining. Open the link again (or join with the code) within 60 seconds to get your seat back.`;
  }
  if (closeCode === CLOSE_SERVER_SHUTDOWN) {
    return `The server restarted, so room ${code} closed. Finished rounds are saved; create or join a room again in a minute.`;
  }
  if (closeCode === CLOSE_FLOODING) {
    return `You were disconnected from room ${code} for sending too many messages. Join again with the code.`;
  }
  if (closeCode === 4002) {
    return `You were disconnected from room ${code} (code 4002). If you opened this room in another tab or window, you are playing there now.`;
  }
  return `You were disconnected from room ${code}${reason ? `: ${reason}` : ""} (code ${closeCode}). Join again with the code.`;
}

let reconnectingShown = false;
/** The "reconnecting…" notice (sticky at the top of the page while it shows). */
function showReconnecting(on: boolean): void {
  const notice = byId("notice");
  if (on) showNotice("Connection lost — reconnecting… Your seat, points and pick are kept.");
  else if (reconnectingShown) showNotice(null);
  reconnectingShown = on;
  notice.classList.toggle("reconnecting", on);
}

/**
 * Show home. `consented` (Leave, Back, joining another room): tell the server, which frees the
 * seat, and forget the seat's token. Otherwise the connection is already gone and both stay.
 */
function goHome(updateUrl: boolean, consented = true): void {
  const s = session;
  session = undefined;
  projectorOn = false;
  if (s) {
    s.leaving = true;
    if (consented) {
      forgetSeatToken(s.code);
      if (s.room.connection?.isOpen) void s.room.leave(true).catch(() => undefined);
      else s.room.reconnection.maxRetries = 0; // mid-reconnect: stop trying; a try in flight leaves in onReconnect
    }
    byId<HTMLInputElement>("code-input").value = s.code;
  }
  if (updateUrl && (location.search || hostPage)) history.pushState({}, "", "/");
  if (updateUrl) hostPage = false;
  showReconnecting(false);
  showNotice(null);
  render();
}

async function create(name: string): Promise<void> {
  try {
    const room = await createRoom(name);
    // Created from /host: this browser is the host (its link is the room's, not /host's), and
    // the projector view opens at once.
    const fromHostPage = hostPage;
    hostPage = false;
    if (fromHostPage) saveProjectorPreference(room.roomId, true);
    enter(room);
  } catch (err) {
    showError((err as Error).message);
  }
}

async function daily(name: string): Promise<void> {
  showNotice(null);
  if (session) goHome(true);
  try {
    enter(await createDaily(name), true);
  } catch (err) {
    showError((err as Error).message);
  }
}

async function join(code: string, name: string, spectator: boolean, canResume = true): Promise<void> {
  if (session?.code === code || resuming === code) return;
  showNotice(null);
  if (session) goHome(false);
  if (canResume && await resume(code)) return;
  try {
    enter(await joinRoom(code, name, spectator));
  } catch (err) {
    showError((err as Error).message);
    if (urlCode()) history.replaceState({}, "", "/");
  }
}

function render(): void {
  const s = session;
  if (!s && practicing()) return; // solo practice draws its own screens (practice/practice-mode)
  const state = s?.room.state;
  show(byId("home"), !s);
  show(byId("room"), Boolean(s));
  if (!s || !state?.code) {
    setPhaseBadge("home", s ? "joining…" : "");
    show(byId("my-points"), false);
    for (const id of ["lobby", "training", "stage", "podium", "board-box", "daily-result", "projector", "host-bar"]) show(byId(id), false);
    byId("shake-up-box").hidden = true;
    byId("pick-histogram").hidden = true;
    document.body.classList.remove("projector-mode");
    return;
  }
  if (s.revealMessage && !s.reveal) s.reveal = revealFromState(s.revealMessage, state);
  const me = s.room.sessionId;
  const phase = phaseOf(state);
  const rows = playerRows(state, me);
  const mine = rows.find((p) => p.isMe);
  const isHost = state.hostId === me;

  if (s.shownPhase !== phase) clearError();
  setText(byId("room-code"), state.code);
  setPhaseBadge(phase, phase === "lobby" || phase === "podium" ? "" : `round ${state.round}/${state.rounds}`);
  const points = byId("my-points");
  show(points, Boolean(mine));
  if (mine) {
    points.dataset.points = String(mine.points);
    setText(points, `${mine.points} pts`);
  }

  show(byId("lobby"), phase === "lobby");
  show(byId("training"), phase === "training");
  show(byId("stage"), phase === "tuning" || phase === "reveal");
  show(byId("tuning-panel"), phase === "tuning");
  show(byId("reveal-panel"), phase === "reveal");
  show(byId("reveal-extra"), phase === "reveal");
  show(byId("podium"), phase === "podium");
  show(byId("board-box"), phase === "reveal" || phase === "podium");

  const entering = s.shownPhase !== phase;
  s.shownPhase = phase;
  const projector = projectorOn;
  switch (phase) {
    case "lobby": renderLobby(s.room, state, rows, isHost); break;
    case "training": renderTraining(state); break;
    case "tuning":
      renderTuning(s.room, state, s.round?.round === state.round ? s.round : undefined, me);
      if (entering) { refreshViews(); redrawTuning(); }
      break;
    case "reveal":
      renderReveal(s.room, state, s.reveal?.round === state.round ? s.reveal : undefined, me, isHost, { round: s.round });
      if (entering) refreshViews();
      break;
    case "podium": renderPodium(s.room, rows, isHost && !s.isDaily); break;
  }
  if (entering) announcePhase(phase, state, rows, isHost);
  if (phase === "reveal" || phase === "podium") {
    placeLeaderboard(phase);
    renderLeaderboard(rows, phase === "reveal");
  }
  renderClassroom(s, state, phase, rows, isHost, projector);
  if (projector) {
    renderProjector({
      state, rows, phase, round: s.round?.round === state.round ? s.round : undefined, reveal: s.reveal,
      counts: countsNow(s), podium: s.podium,
    });
  }
}

/** The pick counts of the round being tuned, if the server sent any (live picks on). */
function countsNow(s: Session): number[] | undefined {
  const state = s.room.state;
  return state.phase === "tuning" && s.counts?.round === state.round ? s.counts.counts : undefined;
}

/** Moves `el` into `parent` (end) unless it is there: one element, so one data-testid. */
function place(el: HTMLElement, parent: HTMLElement): void {
  if (el.parentElement !== parent) parent.append(el);
}

/** Host bar, projector view, settings placement, live picks, shake-up, pause and the daily result. */
function renderClassroom(s: Session, state: NonNullable<Session["room"]["state"]>, phase: Phase, rows: ReturnType<typeof playerRows>, isHost: boolean, projector: boolean): void {
  document.body.classList.toggle("projector-mode", projector);
  show(byId("projector"), projector);
  place(byId("host-bar"), byId(projector ? "pj-host-bar-slot" : "host-bar-slot"));
  renderHostBar(s.room, state, isHost, projector);

  // The player list and the room settings: in the lobby card, else in the host's panel.
  const inLobbyCard = phase === "lobby" && !projector;
  place(byId("player-list"), byId(inLobbyCard ? "lobby-players-slot" : "host-players-slot"));
  place(byId("room-settings"), byId(inLobbyCard ? "lobby-room-slot" : "host-room-slot"));
  if (!inLobbyCard) {
    renderPlayers(s.room, rows, isHost);
    renderRoomSettings(s.room, state, isHost);
  }

  // Live picks: the counts of locked picks arrive only when the host shows picks live.
  const counts = countsNow(s);
  const histogram = byId("pick-histogram");
  place(histogram, byId(projector ? "pj-histogram-slot" : "tuning-histogram-slot"));
  show(histogram, Boolean(counts));
  if (counts) renderHistogram(counts, state.playingCount ?? 0);

  // The shake-up: this round's at the reveal, the whole match's at the podium (two players or more).
  const box = byId("shake-up-box");
  let shake: ShakeUp | undefined;
  let columns = { left: "", right: "" };
  if (phase === "reveal" && s.reveal?.round === state.round) {
    shake = s.reveal.shakeUp;
    columns = projector || innerWidth < 560 ? { left: "Fit to A", right: "Fit to B" } : { left: "Rank by fit to A (validation)", right: "Rank by fit to B (hidden)" };
    place(box, byId(projector ? "pj-reveal-shake-slot" : "reveal-shake-slot"));
  } else if (phase === "podium" && s.podium?.shakeUp) {
    shake = s.podium.shakeUp;
    columns = projector || innerWidth < 560 ? { left: "If scored on A", right: "Final (on B)" } : { left: "Rank if scored on A", right: "Final rank (on B)" };
    place(box, byId(projector ? "pj-podium-shake-slot" : "podium-shake-slot"));
  }
  const showShake = Boolean(shake && shake.rows.length >= 2);
  show(box, showShake);
  if (shake && showShake) renderShakeUp(box, shake, { ...columns, me: s.room.sessionId, maxRows: projector ? (phase === "reveal" ? 6 : 14) : 60, projector });

  show(byId("paused-banner"), phase === "tuning" && state.paused === true);
  setText(byId("match-summary"), `${settingsSummary(state)}.`);
  renderDaily(s.isDaily ? s.daily : undefined);
  show(byId("copy-link"), !s.isDaily);
  show(byId("room-label"), !s.isDaily);
  show(byId("daily-label"), s.isDaily);
  show(byId("daily-home"), s.isDaily && phase === "podium");
  if (s.isDaily) show(byId("podium-wait"), false);
}

function loadProjectorPreference(code: string): boolean {
  try {
    return sessionStorage.getItem(PROJECTOR_KEY + code) === "1";
  } catch {
    return false;
  }
}

function saveProjectorPreference(code: string, on: boolean): void {
  try {
    if (on) sessionStorage.setItem(PROJECTOR_KEY + code, "1");
    else sessionStorage.removeItem(PROJECTOR_KEY + code);
  } catch {
    // storage blocked: the toggle still works for this page
  }
}

/** The host's toggle (and the projector's own Exit). */
function toggleProjector(): void {
  const s = session;
  if (!s) return;
  projectorOn = !projectorOn;
  if (!hostPage) saveProjectorPreference(s.code, projectorOn);
  if (projectorOn) refreshProjector();
  render();
  if (!projectorOn) refreshViews(); // the normal canvases were hidden: measure them again
}

/** One leaderboard element: beside the spiral in the reveal, under the podium at the end. */
function placeLeaderboard(phase: "reveal" | "podium"): void {
  const board = byId("board-box");
  const panel = byId("reveal-panel");
  const podium = byId("podium");
  if (phase === "reveal" && board.parentElement !== panel) panel.append(board);
  if (phase === "podium" && board.previousElementSibling !== podium) podium.after(board);
}

function copyLink(): void {
  if (!session) return;
  const link = `${location.origin}/?room=${session.code}`;
  navigator.clipboard?.writeText(link).then(
    () => showNotice(`Link copied: ${link}`),
    () => showNotice(`Share this link: ${link}`),
  ) ?? showNotice(`Share this link: ${link}`);
}

initHome({ create, join, daily });
initPractice(render);
initLobby();
initPlayers();
initHostBar({ toggleProjector });
initTuning();
initReveal();
initPodium();
initMuteToggle();
initHowTo();
byId("copy-link").addEventListener("click", copyLink);
byId("leave").addEventListener("click", () => goHome(true));
byId("daily-home").addEventListener("click", () => goHome(true));
window.addEventListener("popstate", () => {
  const code = urlCode();
  if (!code && session) goHome(false);
  else if (code && code !== session?.code) openLinkedRoom();
});

render();
openLinkedRoom();

/**
 * Back into the seat this browser had in room `code` (a closed tab, a reload), when a token is
 * stored and the server still holds the seat. False otherwise: join as a new player.
 */
async function resume(code: string): Promise<boolean> {
  const token = loadSeatToken(code);
  if (!token || resuming) return false;
  resuming = code;
  showNotice(`Getting your seat in room ${code} back…`);
  try {
    const room = await reconnectRoom(token);
    showNotice(null);
    if (session) goHome(false); // joined elsewhere meanwhile: the link asked for this one
    enter(room);
    return true;
  } catch (err) {
    // The server answered (seat left, expired, room gone): the token is dead. A network failure
    // keeps it for the next try (the join below will say the server cannot be reached).
    if (typeof (err as { code?: unknown }).code === "number") forgetSeatToken(code);
    showNotice(null);
    console.info(`Seat in room ${code} not restored (${(err as Error).message}): joining as a new player.`);
    return false;
  } finally {
    resuming = undefined;
  }
}

/** A link to a room this browser has a seat in: reclaim it, else the usual link flow. */
async function resumeLink(code: string): Promise<void> {
  byId<HTMLInputElement>("code-input").value = code;
  if (await resume(code)) return;
  if (session?.code === code) return;
  if (openRoomLink(code) === "join") submitJoin();
  else showNotice(`Choose a name, then press Join to enter room ${code}.`);
}

/** `/?room=CODE`: straight into joining (or a clear error for a broken link). */
function openLinkedRoom(): void {
  const raw = new URLSearchParams(location.search).get("room");
  hostPage = HOST_PATH.test(location.pathname);
  if (raw === null) {
    if (hostPage) {
      projectorOn = true;
      showNotice("Host on this screen: create a room and its projector view opens at once. To show a room someone else runs, open /host?room=CODE.");
    }
    return;
  }
  const code = urlCode();
  if (hostPage && code) {
    // A projector: watches as a spectator (the host keeps playing and steering from their own tab).
    byId<HTMLInputElement>("code-input").value = code;
    void join(code, PROJECTOR_NAME, true, false);
    return;
  }
  if (!code) {
    showError(`This link's room code "${raw.slice(0, 30)}" is not valid: a code is 5 letters or digits. Type the code you were given, or create a room.`);
    history.replaceState({}, "", "/");
    return;
  }
  if (loadSeatToken(code)) {
    void resumeLink(code);
    return;
  }
  if (openRoomLink(code) === "join") submitJoin();
  else showNotice(`Choose a name, then press Join to enter room ${code}.`);
}
