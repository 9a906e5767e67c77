// The game client: home → room (lobby, training, tuning, reveal, podium). The server is the
// authority; this file keeps the connection, the URL (/?room=CODE) and which screen shows.
// Reconnection: a dropped connection is retried by the SDK (settings in ./reconnection) behind a
// "reconnecting…" notice; the seat's token is kept in localStorage so a closed tab or a reload
// gets the same seat back by opening the link again. Only Leave gives the seat up.
import { byId, setText, show } from "./dom";
import { normalizeRoomCode } from "../shared/room-code";
import { CLOSE_FLOODING, CLOSE_SERVER_SHUTDOWN, type ErrorMessage, type Phase, type RevealMessage, type RoundMessage } from "../shared/protocol";
import { createRoom, joinRoom, reconnectRoom, type MatchRoom } from "./net";
import { forgetSeatToken, loadSeatToken, saveSeatToken } from "./reconnection";
import { clearError, setPhaseBadge, showError, showNotice } from "./ui";
import { phaseOf, playerRows } from "./view-model";
import { initHome, openRoomLink, submitJoin } from "./screens/home";
import { initLobby, renderLobby } from "./screens/lobby";
import { renderTraining } from "./screens/training";
import { initTuning, redrawTuning, renderTuning } from "./screens/tuning";
import { initReveal, renderReveal } from "./screens/reveal";
import { renderLeaderboard } from "./screens/leaderboard";
import { initPodium, renderPodium } from "./screens/podium";
import { refreshViews } from "./screens/stage";

interface Session {
  room: MatchRoom;
  code: string;
  round?: RoundMessage;
  reveal?: RevealMessage;
  leaving: boolean;
  shownPhase?: Phase;
}

let session: Session | undefined;
/** The room code whose stored seat is being reclaimed right now (a Join waits for it). */
let resuming: string | undefined;

const roomUrl = (code: string) => `/?room=${code}`;
const urlCode = () => normalizeRoomCode(new URLSearchParams(location.search).get("room") ?? "");

function enter(room: MatchRoom): void {
  const s: Session = { room, code: room.roomId, leaving: false };
  session = s;
  // Keep the shareable link in the address bar; Back then returns home.
  if (urlCode() !== s.code) history.pushState({ room: s.code }, "", roomUrl(s.code));
  else if (location.search !== `?room=${s.code}`) history.replaceState({ room: s.code }, "", roomUrl(s.code));
  room.onMessage("round", (m: RoundMessage) => { s.round = m; render(); });
  room.onMessage("reveal", (m: RevealMessage) => { s.reveal = m; render(); });
  room.onMessage("error", (e: ErrorMessage) => {
    // A pick or lock-in that crossed the end of tuning on the wire: the round has moved on.
    if (e.code === "wrong-phase" && (e.type === "pick" || e.type === "lockIn")) return;
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
    goHome(false, false);
    showError(leftMessage(s.code, code, reason));
  });
  saveSeatToken(s.code, room.reconnectionToken);
  render();
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
  if (s) {
    s.leaving = true;
    if (consented) {
      forgetSeatToken(s.code);
      if (s.room.connection?.isOpen) void s.room.leave(true).catch(() => undefined);
      else s.room.reconnection.maxRetries = 0; // mid-reconnect: stop trying; a try in flight leaves in onReconnect
    }
    byId<HTMLInputElement>("code-input").value = s.code;
  }
  if (updateUrl && location.search) history.pushState({}, "", "/");
  showReconnecting(false);
  showNotice(null);
  render();
}

async function create(name: string): Promise<void> {
  try {
    enter(await createRoom(name));
  } catch (err) {
    showError((err as Error).message);
  }
}

async function join(code: string, name: string, spectator: boolean): Promise<void> {
  if (session?.code === code || resuming === code) return;
  showNotice(null);
  if (session) goHome(false);
  if (await resume(code)) return;
  try {
    enter(await joinRoom(code, name, spectator));
  } catch (err) {
    showError((err as Error).message);
    if (urlCode()) history.replaceState({}, "", "/");
  }
}

function render(): void {
  const s = session;
  const state = s?.room.state;
  show(byId("home"), !s);
  show(byId("room"), Boolean(s));
  if (!s || !state?.code) {
    setPhaseBadge("home", s ? "joining…" : "");
    show(byId("my-points"), false);
    for (const id of ["lobby", "training", "stage", "podium", "board-box"]) show(byId(id), false);
    return;
  }
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
  switch (phase) {
    case "lobby": renderLobby(s.room, state, rows, isHost); break;
    case "training": renderTraining(state); break;
    case "tuning":
      renderTuning(s.room, state, s.round?.round === state.round ? s.round : undefined, me);
      if (entering) { refreshViews(); redrawTuning(); }
      break;
    case "reveal":
      renderReveal(s.room, state, s.reveal?.round === state.round ? s.reveal : undefined, me, isHost);
      if (entering) refreshViews();
      break;
    case "podium": renderPodium(s.room, rows, isHost); break;
  }
  if (phase === "reveal" || phase === "podium") {
    placeLeaderboard(phase);
    renderLeaderboard(rows, phase === "reveal");
  }
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
  const link = `${location.origin}${roomUrl(session.code)}`;
  navigator.clipboard?.writeText(link).then(
    () => showNotice(`Link copied: ${link}`),
    () => showNotice(`Share this link: ${link}`),
  ) ?? showNotice(`Share this link: ${link}`);
}

initHome({ create, join });
initLobby();
initTuning();
initReveal();
initPodium();
byId("copy-link").addEventListener("click", copyLink);
byId("leave").addEventListener("click", () => goHome(true));
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
  if (raw === null) return;
  const code = urlCode();
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
