// The game client: home → room (lobby, training, tuning, reveal, podium). The server is the
// authority; this file keeps the connection, the URL (/?room=CODE) and which screen shows.
import { byId, setText, show } from "./dom";
import { normalizeRoomCode } from "../shared/room-code";
import type { ErrorMessage, Phase, RevealMessage, RoundMessage } from "../shared/protocol";
import { createRoom, joinRoom, type MatchRoom } from "./net";
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
  room.onDrop(() => showNotice("Connection lost — reconnecting…"));
  room.onReconnect(() => showNotice(null));
  room.onLeave((code, reason) => {
    if (session !== s || s.leaving) return;
    goHome(false);
    showError(`You were disconnected from room ${s.code}${reason ? `: ${reason}` : ""} (code ${code}). Join again with the code.`);
  });
  render();
}

/** Leave the room (if any) and show home. */
function goHome(updateUrl: boolean): void {
  const s = session;
  session = undefined;
  if (s) {
    s.leaving = true;
    void s.room.leave(true).catch(() => undefined);
    byId<HTMLInputElement>("code-input").value = s.code;
  }
  if (updateUrl && location.search) history.pushState({}, "", "/");
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
  if (session?.code === code) return;
  showNotice(null);
  if (session) goHome(false);
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
  if (openRoomLink(code) === "join") submitJoin();
  else showNotice(`Choose a name, then press Join to enter room ${code}.`);
}
