// /watch: the live public rooms (Colyseus's LobbyRoom with realtime listing) and a compact live
// view of one room, watched as a spectator (a click on a listed room, or a private room's code).
// The address bar keeps /watch?room=CODE, so a reload or a shared link watches the same room,
// and Back stops watching.
import { nameSchema, type RevealMessage, type RoundMessage } from "../shared/protocol";
import { fromWire } from "../shared/round-messages";
import { revealFromState, type RevealView } from "../shared/reveal-view";
import { normalizeRoomCode } from "../shared/room-code";
import { byId, h, renderOnce, setText, show, showError, showNotice } from "./pages/dom";
import { phaseLabel, spectate, watchListing, type RoomListing, type WatchedRoom } from "./pages/net";
import { renderRoomBoard } from "./pages/room-board";
import { proofOf } from "./reveal-lesson";
import { renderProof } from "./screens/proof";

interface Watching {
  room: WatchedRoom;
  code: string;
  round?: RoundMessage;
  revealMessage?: RevealMessage;
  /** The round message of the reveal's round (its commitment), kept after the next round starts. */
  revealRound?: RoundMessage;
  /** The last reveal with everybody's results, kept after the phase moves on ("Last reveal"). */
  reveal?: RevealView;
  leaving: boolean;
}

const LISTING_RETRY_MS = 5_000;
const NAME_KEY = "shell-galaxy:spectator-name";

let rooms: RoomListing[] = [];
let watching: Watching | undefined;
/** The code being joined right now (a second click waits for it). */
let joining: string | undefined;

const codeInput = () => byId<HTMLInputElement>("watch-code");
const nameInput = () => byId<HTMLInputElement>("watch-name");
const urlCode = () => normalizeRoomCode(new URLSearchParams(location.search).get("room") ?? "");

// --- The listing ---------------------------------------------------------------------------

function setListingStatus(live: "true" | "false" | "error", text: string): void {
  const el = byId("listing-status");
  el.dataset.live = live;
  setText(el, text);
}

async function connectListing(): Promise<void> {
  try {
    const lobby = await watchListing((list) => { rooms = list; renderList(); });
    setListingStatus("true", "live");
    lobby.onLeave(() => {
      setListingStatus("error", "reconnecting…");
      setTimeout(() => void connectListing(), LISTING_RETRY_MS / 2);
    });
  } catch (err) {
    setListingStatus("error", "offline — retrying");
    const message = (err as Error).message ?? "";
    const reach = /failed to fetch|networkerror|ECONNREFUSED|load failed/i.test(message);
    renderOnce(byId("room-list"), `offline:${message}`, () => [h("li", { class: "empty-state",
      text: reach ? "Cannot reach the game server to list the rooms — retrying every few seconds." : `The room list is not available right now (${message || "no answer"}) — retrying every few seconds.` })]);
    setTimeout(() => void connectListing(), LISTING_RETRY_MS);
  }
}

const order: Record<string, number> = { tuning: 0, reveal: 1, training: 2, lobby: 3, podium: 4 };

function renderList(): void {
  const list = byId("room-list");
  const sorted = [...rooms].sort((a, b) =>
    (order[a.metadata?.phase ?? ""] ?? 5) - (order[b.metadata?.phase ?? ""] ?? 5) ||
    (b.metadata?.players ?? b.clients ?? 0) - (a.metadata?.players ?? a.clients ?? 0) || a.roomId.localeCompare(b.roomId));
  const key = JSON.stringify([watching?.code, sorted.map((r) => [r.roomId, r.locked, r.metadata])]);
  renderOnce(list, key, () => {
    if (!sorted.length) {
      return [h("li", { class: "empty-state" }, "No public rooms right now — ", h("a", { text: "create one", attrs: { href: "/" } }),
        " and make it public in its settings, or watch a private room by its code below.")];
    }
    return sorted.map((r) => {
      const m = r.metadata ?? {};
      const code = m.code ?? r.roomId;
      const phase = m.phase ?? "lobby";
      const players = m.players ?? 0;
      const meta = [
        `${players} player${players === 1 ? "" : "s"}`,
        m.spectators ? `${m.spectators} watching` : "",
        m.round && phase !== "lobby" ? `round ${m.round} / ${m.rounds ?? "?"}` : m.rounds ? `${m.rounds} rounds` : "",
        r.locked ? "locked" : "",
      ].filter(Boolean).join(" · ");
      const button = h("button", {
        class: "room-item",
        attrs: {
          type: "button", "data-testid": "room-item", "data-code": code, "data-phase": phase, "data-round": String(m.round ?? 0),
          "data-players": String(players), "aria-pressed": String(watching?.code === code), "aria-label": `Watch room ${code}`,
        },
      },
      h("span", { class: "room-code", text: code }),
      h("span", { class: "host", text: m.host ? `hosted by ${m.host}` : "a match" }),
      h("span", { class: "phase", text: phaseLabel(phase), attrs: { "data-phase": phase } }),
      h("span", { class: "meta", text: meta }));
      button.addEventListener("click", () => void watch(code));
      return h("li", {}, button);
    });
  });
}

// --- Watching one room ---------------------------------------------------------------------

function spectatorName(): string | null {
  const parsed = nameSchema.safeParse(nameInput().value || "Spectator");
  if (!parsed.success) {
    showError(`Please choose another spectator name: ${parsed.error.issues[0].message}.`);
    nameInput().focus();
    return null;
  }
  try { localStorage.setItem(NAME_KEY, parsed.data); } catch { /* storage blocked */ }
  return parsed.data;
}

async function watch(code: string, push = true): Promise<void> {
  if (watching?.code === code || joining === code) return;
  const name = spectatorName();
  if (!name) return;
  showError(null);
  showNotice(null);
  stopWatching(false);
  joining = code;
  showNotice(`Joining room ${code} as a spectator…`);
  try {
    const room = await spectate(code, name);
    showNotice(null);
    if (joining !== code) { void room.leave(true).catch(() => undefined); return; } // stopped meanwhile
    enter(room, code);
    if (push && urlCode() !== code) history.pushState({ room: code }, "", `/watch?room=${code}`);
  } catch (err) {
    showNotice(null);
    showError((err as Error).message);
    if (urlCode() === code) history.replaceState({}, "", "/watch");
  } finally {
    if (joining === code) joining = undefined;
  }
}

function enter(room: WatchedRoom, code: string): void {
  const w: Watching = { room, code, leaving: false };
  watching = w;
  Object.assign(room.reconnection, { minUptime: 1_000, minDelay: 500, maxDelay: 3_000, maxRetries: 24 });
  room.onMessage("round", (m: RoundMessage) => { w.round = fromWire(m); renderLive(); });
  room.onMessage("reveal", (m: RevealMessage) => {
    w.revealMessage = fromWire(m);
    w.revealRound = w.round?.round === m.round ? w.round : undefined;
    w.reveal = undefined;
    renderLive();
  });
  room.onMessage("error", (e: { message?: string }) => { if (e?.message) showError(e.message); });
  for (const type of ["podium", "pickCounts", "kicked", "daily"]) room.onMessage(type, () => undefined);
  room.onStateChange(() => renderLive());
  room.onDrop(() => { if (watching === w) showNotice(`Connection to room ${code} lost — reconnecting…`); });
  room.onReconnect(() => { if (watching === w) showNotice(null); });
  room.onLeave((closeCode, reason) => {
    if (watching !== w || w.leaving) return;
    stopWatching(true);
    const why = closeCode === 4403 ? `the host removed you${reason ? ` (${reason})` : ""}` : closeCode === 4001 ? "the server restarted" : "the room has closed";
    showNotice(`Stopped watching room ${code}: ${why}.`);
  });
  codeInput().value = code;
  byId<HTMLAnchorElement>("live-board-link").href = `/leaderboard?room=${code}`;
  renderLive();
  renderList();
  byId("live").scrollIntoView({ block: "nearest" });
}

/** Leaves the watched room (consented) and hides the live view; `updateUrl` goes back to /watch. */
function stopWatching(updateUrl: boolean): void {
  const w = watching;
  watching = undefined;
  joining = undefined;
  if (w) {
    w.leaving = true;
    if (w.room.connection?.isOpen) void w.room.leave(true).catch(() => undefined);
    else w.room.reconnection.maxRetries = 0;
  }
  if (updateUrl && location.search) history.pushState({}, "", "/watch");
  renderLive();
  renderList();
}

function renderLive(): void {
  const w = watching;
  const state = w?.room.state;
  const live = byId("live");
  show(live, Boolean(w));
  byId("grid").classList.toggle("watching", Boolean(w));
  if (!w || !state) return;
  if (w.revealMessage && !w.reveal) w.reveal = revealFromState(w.revealMessage, state);
  const phase = state.phase ?? "lobby";
  const round = state.round ?? 0;
  const rounds = state.rounds ?? 0;
  setText(byId("live-code"), w.code);
  const badge = byId("live-phase");
  if (badge.dataset.phase !== phase) badge.dataset.phase = phase;
  setText(badge, phaseLabel(phase) + (state.paused ? " · paused" : ""));
  setText(byId("live-round"), phase === "lobby" ? `– / ${rounds || "?"}` : `${round} / ${rounds}`);

  const clockLabel = phase === "training" ? "Training" : phase === "reveal" ? "Next round in" : phase === "lobby" ? "Not started" : phase === "podium" ? "Match over" : "Time left";
  setText(byId("live-clock-label"), clockLabel);
  const progress = phase === "training" ? state.trainingProgress ?? 0 : undefined;
  setText(byId("live-clock"),
    phase === "training" ? `${progress} %` :
    phase === "tuning" || phase === "reveal" ? `${state.secondsLeft ?? 0} s` :
    "–");
  show(byId("live-progress"), progress !== undefined);
  if (progress !== undefined) byId("live-progress-fill").style.width = `${progress}%`;
  const locked = byId("live-locked");
  setText(byId("live-locked-label"), phase === "tuning" ? "Locked in" : "Playing");
  setText(locked, phase === "tuning" ? `${state.lockedCount ?? 0} / ${state.playingCount ?? 0}` : String(state.playingCount ?? 0));
  locked.dataset.locked = String(state.lockedCount ?? 0);
  setText(byId("live-spectators"), String(state.spectatorCount ?? 0));

  const roundMsg = w.round && w.round.round === round && (phase === "tuning" || phase === "reveal") ? w.round : undefined;
  const cue = byId("live-cue");
  show(cue, Boolean(roundMsg));
  if (roundMsg) setText(cue, `${roundMsg.a.name} — ${roundMsg.cue}`);

  renderRoomBoard(byId("live-board"), state, phase === "lobby" ? "No players yet: waiting for people to join." : "No players in this round.");

  const reveal = w.reveal && (phase === "reveal" && w.reveal.round === round || phase !== "lobby") ? w.reveal : undefined;
  renderResults(reveal, phase === "reveal" && reveal?.round === round, w.revealRound);
  renderSpiral(roundMsg, reveal && reveal.round === round && phase === "reveal" ? reveal : undefined);
}

function renderResults(reveal: RevealView | undefined, current: boolean, round: RoundMessage | undefined): void {
  const box = byId("live-results");
  show(box, Boolean(reveal));
  if (!reveal) return;
  const proof = byId("live-proof");
  show(proof, true);
  renderProof(proof, proofOf(round, reveal), { newTab: true });
  setText(byId("live-results-title"), `${current ? "Reveal" : "Last reveal"} · round ${reveal.round}: ${reveal.b.name} · best level ${reveal.bestLevel}`);
  box.dataset.round = String(reveal.round);
  box.dataset.bestLevel = String(reveal.bestLevel);
  const results = [...reveal.results].sort((a, b) => b.points - a.points);
  renderOnce(byId("live-results-list"), JSON.stringify([reveal.round, results.map((r) => [r.name, r.level, r.points])]), () => {
    if (!results.length) return [h("li", { class: "empty-state", text: "Nobody played this round." })];
    return results.map((r) => h("li", { attrs: { "data-testid": "result-row", "data-name": r.name, "data-points": String(r.points), "data-level": String(r.level), title: r.arithmetic } },
      h("span", { class: "name", text: r.name }),
      h("span", { class: "level", text: `level ${r.level}${r.level === reveal.bestLevel ? " ★" : ""}` }),
      h("span", { class: "points", text: `+${r.points}` })));
  });
}

const SVG = "http://www.w3.org/2000/svg";

/** A small picture of the round: A's points; at the reveal B's points and the best level's fit over B. */
function renderSpiral(round: RoundMessage | undefined, reveal: RevealView | undefined): void {
  const svg = document.getElementById("live-spiral") as unknown as SVGSVGElement;
  const legend = byId("live-legend");
  show(byId("live-picture"), Boolean(round || reveal));
  const key = `${round?.commitment ?? ""}:${round?.round ?? ""}:${reveal?.round ?? ""}`;
  if (svg.dataset.renderKey === key) return;
  svg.dataset.renderKey = key;
  svg.replaceChildren();
  const arm = reveal ? reveal.b : round?.a;
  if (!arm) return;
  // Fit the points' bounding box into the picture (a wild fit may leave it; the points never do).
  const [x0, x1, y0, y1] = [Math.min(...arm.x), Math.max(...arm.x), Math.min(...arm.y), Math.max(...arm.y)];
  const k = 2 / Math.max(x1 - x0, y1 - y0, 1e-6);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const sx = (x: number) => ((x - cx) * k).toFixed(3);
  const sy = (y: number) => (-(y - cy) * k).toFixed(3);
  const el = (tag: string, attrs: Record<string, string>) => {
    const e = document.createElementNS(SVG, tag);
    for (const [a, v] of Object.entries(attrs)) e.setAttribute(a, v);
    svg.append(e);
    return e;
  };
    const dots = (xs: number[], ys: number[], colour: string) => {
    let d = "";
    for (let i = 0; i < xs.length; i++) d += `M${sx(xs[i])} ${sy(ys[i])}h0`;
    el("path", { d, stroke: colour, "stroke-width": "0.05", "stroke-linecap": "round", fill: "none" });
  };
  if (reveal) {
    const fit = reveal.overB.find((f) => f.level === reveal.bestLevel);
    if (fit) {
      const pts = fit.x.map((x, i) => `${sx(x)},${sy(fit.y[i])}`).join(" ");
      el("polyline", { points: pts, fill: "none", stroke: "#e69f00", "stroke-width": "0.025", "stroke-linejoin": "round", opacity: "0.9" });
    }
    dots(reveal.b.x, reveal.b.y, "#cc79a7");
    svg.setAttribute("aria-label", `Spiral B, ${reveal.b.name}, with the best level's fit`);
    renderOnce(legend, `b:${reveal.round}`, () => [h("span", { class: "dot b" }), ` B: ${reveal.b.name} `, h("span", { class: "line fit" }), ` best level ${reveal.bestLevel}`]);
  } else if (round) {
    dots(round.a.x, round.a.y, "#56b4e9");
    svg.setAttribute("aria-label", `Spiral A, ${round.a.name}`);
    renderOnce(legend, `a:${round.round}`, () => [h("span", { class: "dot a" }), ` A: ${round.a.name} — B stays hidden until the reveal`]);
  }
}

// --- Wiring --------------------------------------------------------------------------------

function submitCode(event?: Event): void {
  event?.preventDefault();
  const raw = codeInput().value;
  const code = normalizeRoomCode(raw);
  if (!code) {
    showError(raw.trim() ? `"${raw.trim().slice(0, 30)}" is not a room code: a code is 5 letters or digits, like K7M2Q.` : "Type the code of the room to watch (5 letters or digits).");
    codeInput().focus();
    return;
  }
  codeInput().value = code;
  void watch(code);
}

try {
  const saved = localStorage.getItem(NAME_KEY);
  if (saved) nameInput().value = saved;
} catch { /* storage blocked */ }
byId("watch-form").addEventListener("submit", submitCode);
byId("stop-watching").addEventListener("click", () => stopWatching(true));
window.addEventListener("popstate", () => {
  const code = urlCode();
  if (!code) stopWatching(false);
  else if (code !== watching?.code) void watch(code, false);
});
window.addEventListener("pagehide", () => { if (watching) { watching.leaving = true; void watching.room.leave(true).catch(() => undefined); } });

renderList();
renderLive();
void connectListing();
{
  const raw = new URLSearchParams(location.search).get("room");
  if (raw !== null) {
    const code = urlCode();
    if (code) void watch(code, false);
    else {
      showError(`This link's room code "${raw.slice(0, 30)}" is not valid: a code is 5 letters or digits.`);
      history.replaceState({}, "", "/watch");
    }
  }
}
