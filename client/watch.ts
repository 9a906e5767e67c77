// /watch: the live public rooms (Colyseus's LobbyRoom with realtime listing) and a compact live
// view of one room, watched as a spectator (a click on a listed room, or a private room's code).
// The address bar keeps /watch?room=CODE, so a reload or a shared link watches the same room,
// and Back stops watching. Everything shown follows from the page's store (./spectator/watch-state).
// When the server process dies (a crash, a restart), the page watches the restored room again by
// code (./spectator/watch-rejoin).
import { render } from "lit-html";
import { createRef } from "lit-html/directives/ref.js";
import { serverOffset } from "../shared/clock";
import { secondsLeftNow, tickSeconds } from "./countdown";
import {
  nameSchema,
  type ClockMessage,
  type ErrorMessage,
  type RevealMessage,
  type RoundMessage,
} from "../shared/protocol";
import { revealFromState } from "../shared/reveal-view";
import { normalizeRoomCode } from "../shared/room-code";
import { fromWire } from "../shared/round-messages";
import { byId } from "./dom";
import { initI18n, mountLanguageMenu, onLanguageChange, t } from "./i18n/i18n";
import { describeRefusal } from "./i18n/refusal-text";
import { isUnreachable, leftMessage, spectate, watchListing, type MatchRoom } from "./net";
import { giveUpIfProcessGone } from "./gone-process";
import { rejoinCause, type RejoinCause } from "./rejoin";
import { showRestored } from "./restored-notice";
import { writeStored } from "./storage";
import { errorText, nameIssueText, roomCodeRefusal, showError, showNotice } from "./ui";
import {
  SPECTATOR_NAME_KEY,
  watchStore,
  type Listing,
  type ListingProblem,
  type Watching,
} from "./spectator/watch-state";
import { watchPage, type WatchActions, type WatchRefs } from "./spectator/watch-view";
import { rejoiningNotice, watchAgain } from "./spectator/watch-rejoin";

const LISTING_RETRY_MS = 5_000;

await initI18n(); // the language shown, before anything is worded (the name field's default too)

const store = watchStore(t("watch.defaultSpectatorName"));
const refs: WatchRefs = { live: createRef(), code: createRef(), name: createRef() };
const urlCode = () => normalizeRoomCode(new URLSearchParams(location.search).get("room") ?? "");

// --- The listing -----------------------------------------------------------------------------

const setListing = (patch: Partial<Listing>) => store.set({ listing: { ...store.get().listing, ...patch } });

async function connectListing(): Promise<void> {
  try {
    const lobby = await watchListing((rooms) => setListing({ rooms, problem: undefined }));
    setListing({ live: "true", status: "live", problem: undefined });
    lobby.onLeave(() => {
      setListing({ live: "error", status: "reconnecting" });
      setTimeout(() => void connectListing(), LISTING_RETRY_MS / 2);
    });
  } catch (err) {
    const message = (err as Error).message ?? "";
    const problem: ListingProblem = isUnreachable(message)
      ? { kind: "unreachable" }
      : { kind: "unavailable", detail: message || undefined };
    setListing({ live: "error", status: "offline", problem });
    setTimeout(() => void connectListing(), LISTING_RETRY_MS);
  }
}

// --- Watching one room -----------------------------------------------------------------------

function spectatorName(): string | undefined {
  const parsed = nameSchema.safeParse(store.get().nameField || t("watch.defaultSpectatorName"));
  if (!parsed.success) {
    showError(() => t("watch.badName", { reason: nameIssueText(parsed.error.issues[0]) }));
    refs.name.value?.focus();
    return undefined;
  }
  writeStored(SPECTATOR_NAME_KEY, parsed.data);
  return parsed.data;
}

async function watch(code: string, push = true): Promise<void> {
  const { watching, joining } = store.get();
  if (watching?.code === code || joining === code) return;
  const name = spectatorName();
  if (!name) return;
  showError(null);
  stopWatching(false);
  store.set({ joining: code });
  showNotice(() => t("watch.joining", { code }));
  try {
    const room = await spectate(code, name);
    showNotice(null);
    if (store.get().joining !== code) return void room.leave(true).catch(() => undefined); // stopped meanwhile
    enter(room, code);
    if (push && urlCode() !== code) history.pushState({ room: code }, "", `/watch?room=${code}`);
  } catch (err) {
    showNotice(null);
    showError(() => errorText(err));
    if (urlCode() === code) history.replaceState({}, "", "/watch");
  } finally {
    if (store.get().joining === code) store.set({ joining: undefined });
  }
}

/** The reveal's results once the state has reached that reveal (a patch after the message). */
function settleReveal(w: Watching): void {
  if (w.revealMessage && !w.reveal) w.reveal = revealFromState(w.revealMessage, w.room.state);
}

function enter(room: MatchRoom, code: string): void {
  store.set({ watching: listen(room, code), codeField: code, now: Date.now() });
  refs.live.value?.scrollIntoView({ block: "nearest" });
}

/** A watching of `room` with its messages wired in; `carry`: what the room before a restart had shown. */
function listen(room: MatchRoom, code: string, carry: Partial<Watching> = {}): Watching {
  const w: Watching = { ...carry, room, code, leaving: false };
  const current = () => store.get().watching === w && !w.leaving;
  const changed = () => store.set({ now: Date.now() });
  room.onMessage("clock", (m: ClockMessage) => store.set({ clockOffset: serverOffset(m.now, Date.now()) }));
  room.onMessage("round", (m: RoundMessage) => {
    w.round = fromWire(m);
    changed();
  });
  room.onMessage("reveal", (m: RevealMessage) => {
    w.revealMessage = fromWire(m);
    w.revealRound = w.round?.round === m.round ? w.round : undefined;
    w.reveal = undefined;
    settleReveal(w);
    changed();
  });
  room.onMessage("error", (e: ErrorMessage) => {
    if (!e?.code) return;
    // SIGTERM: the room closes next (4001) and the page watches the restored room again.
    if (e.code === "server-restarting") return showNotice(() => describeRefusal(e));
    showError(() => describeRefusal(e));
  });
  room.onMessage("restored", () => showRestored());
  for (const type of ["podium", "pickCounts", "kicked", "daily", "seat"]) room.onMessage(type, () => undefined);
  room.onStateChange(() => {
    settleReveal(w);
    changed();
  });
  room.onDrop(() => {
    if (!current()) return;
    showNotice(() => t("watch.connectionLost", { code }));
    void giveUpIfProcessGone(room);
  });
  room.onReconnect(() => current() && showNotice(null));
  room.onLeave((closeCode, reason) => {
    if (!current()) return;
    const cause = rejoinCause(closeCode);
    if (cause) return void comeBack(w, cause);
    stopWatching(true);
    showNotice(() => leftMessage(code, closeCode, reason, "spectator"));
  });
  return w;
}

/** The watched room's process is gone: watch the restored room, or stop and say why. */
async function comeBack(w: Watching, cause: RejoinCause): Promise<void> {
  showNotice(() => rejoiningNotice(w.code, cause));
  const { round, revealMessage, revealRound, reveal } = w;
  const carry = { round, revealMessage, revealRound, reveal };
  const wanted = () => store.get().watching === w && !w.leaving;
  const next = await watchAgain(w, wanted, (room) => listen(room, w.code, carry));
  if (next === undefined || !wanted()) return;
  if (typeof next === "string") {
    stopWatching(true);
    return showNotice(next);
  }
  showNotice(null);
  store.set({ watching: next, now: Date.now() });
}

/** Leaves the watched room (consented) and hides the live view; `updateUrl` goes back to /watch. */
function stopWatching(updateUrl: boolean): void {
  const w = store.get().watching;
  if (w) {
    w.leaving = true;
    if (w.room.connection?.isOpen) void w.room.leave(true).catch(() => undefined);
    else w.room.reconnection.maxRetries = 0;
  }
  store.set({ watching: undefined, joining: undefined });
  if (updateUrl && location.search) history.pushState({}, "", "/watch");
}

/** The countdown's whole seconds, while a timed phase shows (the server patches no ticking counter). */
function countdownSeconds(): number | undefined {
  const { watching, clockOffset } = store.get();
  const state = watching?.room.state;
  if (state?.phase !== "tuning" && state?.phase !== "reveal") return undefined;
  return secondsLeftNow(state, clockOffset);
}

// --- Wiring ----------------------------------------------------------------------------------

function submitCode(event: Event): void {
  event.preventDefault();
  const raw = store.get().codeField;
  const code = normalizeRoomCode(raw);
  if (!code) {
    showError(() => roomCodeRefusal(raw, t("watch.needCode")));
    refs.code.value?.focus();
    return;
  }
  store.set({ codeField: code });
  void watch(code);
}

const actions: WatchActions = {
  watch: (code) => void watch(code),
  stop: () => stopWatching(true),
  submitCode,
  editCode: (codeField) => store.set({ codeField }),
  editName: (nameField) => store.set({ nameField }),
};

const setTitle = () => (document.title = t("watch.title"));
setTitle();
mountLanguageMenu(byId("language-menu"));
const root = byId("watch-page");
const draw = () => render(watchPage(store.get(), actions, refs), root);
store.subscribe(draw);
draw();
onLanguageChange(() => {
  setTitle();
  draw();
});
tickSeconds(countdownSeconds, () => store.set({ now: Date.now() }));

window.addEventListener("popstate", () => {
  const code = urlCode();
  if (!code) stopWatching(false);
  else if (code !== store.get().watching?.code) void watch(code, false);
});
window.addEventListener("pagehide", () => {
  const w = store.get().watching;
  if (!w) return;
  w.leaving = true;
  void w.room.leave(true).catch(() => undefined);
});

void connectListing();
{
  const raw = new URLSearchParams(location.search).get("room");
  if (raw !== null) {
    const code = urlCode();
    if (code) void watch(code, false);
    else {
      showError(() => t("watch.badLinkCode", { code: raw.slice(0, 30) }));
      history.replaceState({}, "", "/watch");
    }
  }
}
