// The connection to a room: entering it (its messages into the store), leaving it, joining, the
// daily challenge, and getting a seat back (creating a room: ./create-room; homework: ./homework).
// Reconnection: a dropped connection is retried by the SDK (settings in ../reconnection) behind a
// "reconnecting…" notice; the seat's token is kept in storage so a closed tab or a reload gets the
// same seat back by opening the link again. When the server process itself is gone (a crash, a
// restart), the page joins the restored room by code with the room's seat token (./rejoin).
// Only Leave gives the seat up (and a kick: the host removed this player, so the tokens are
// forgotten and nothing reconnects).
import {
  CLOSE_KICKED,
  type ClockMessage,
  type SeatMessage,
  type DailyMessage,
  type ErrorMessage,
  type HomeworkMessage,
  type PickCountsMessage,
  type PodiumMessage,
  type RevealMessage,
  type RoundMessage,
} from "../../shared/protocol";
import { serverOffset } from "../../shared/clock";
import { fromWire } from "../../shared/round-messages";
import {
  createDaily,
  joinRoom,
  leftMessage,
  reconnectRoom,
  rejoinRoom,
  RoomRefused,
  type MatchRoom,
  type Refusal,
} from "../net";
import { forgetSeatToken, loadSeatToken, saveSeatToken } from "../reconnection";
import { rejoinFailure } from "../rejoin";
import { forgetRoomSeat, loadRoomSeat, saveRoomSeat } from "../seat-token";
import { showRestored } from "../restored-notice";
import { deviceId } from "../teacher-key";
import { store, type RoomSession, type SessionMode } from "../store";
import { rememberedName, showError, showNotice } from "../ui";
import { saveDailyProof } from "../daily-proof";
import { loadProjectorPreference } from "./projector";
import { roomUrl, urlCode } from "./routes";
import { showReconnecting } from "./reconnect-notice";
import { forgetSeat, goHome } from "./go-home";
import { giveUpIfProcessGone } from "../gone-process";
import { describeRefusal } from "../i18n/refusal-text";
import { t } from "../i18n/i18n";
import { rejoin, shouldRejoin } from "./rejoin";

export { goHome } from "./go-home";

/** Refusals that only mean the round moved on while the message was on the wire. */
const LATE = ["pick", "lockIn", "pause", "skip", "next"];

/**
 * A refusal the page answers by its name field (the home screen's, the homework page's): what it
 * was about, the sentence in the language shown when it came, and the server's refusal itself
 * (`{ code: "name-refused", params: { reason: NameReason, … } }`) to word it again after a language change.
 */
export interface NameRefusal {
  refusal: Extract<Refusal, "name-not-allowed" | "generated-names">;
  message: string;
  code: "name-refused";
  params: Record<string, string | number>;
}

/** The name refusal in a failed create or join, if that is what it was. */
export function nameRefusalOf(err: unknown): NameRefusal | undefined {
  if (!(err instanceof RoomRefused)) return undefined;
  const { refusal, message, coded } = err;
  if (refusal !== "name-not-allowed" && refusal !== "generated-names") return undefined;
  return { refusal, message, code: "name-refused", params: coded?.params ?? {} };
}

/** Enters a room; `extra` carries what its creation knew (the teacher key it was made with). */
export function enter(room: MatchRoom, mode: SessionMode = "match", extra: Partial<RoomSession> = {}): void {
  const s = listen(room, mode, extra);
  const solo = mode !== "match";
  const { hostPage } = store.get();
  if (mode === "homework") {
    // Back (and Leave) return to the homework's page, which stays at its own address.
    history.pushState({ homework: true }, "", location.pathname);
  } else if (!solo) {
    // Keep the shareable link in the address bar; Back then returns home.
    if (urlCode() !== s.code) history.pushState({ room: s.code }, "", roomUrl(s.code, hostPage));
    else if (location.search !== `?room=${s.code}`)
      history.replaceState({ room: s.code }, "", roomUrl(s.code, hostPage));
  }
  if (!solo) saveSeatToken(s.code, room.reconnectionToken);
  store.set({ session: s, practice: undefined, projector: !solo && (hostPage || loadProjectorPreference(s.code)) });
}

/** What a room rejoined after a restart keeps of the old one until the server says it again. */
const carried = ({ round, revealMessage, counts, podium, daily, homework, teacherKey, seat }: RoomSession) => ({
  round,
  revealMessage,
  counts,
  podium,
  daily,
  homework,
  teacherKey,
  seat,
});

/** A session for `room` with its messages wired into it; the store shows it once it is `store.session`. */
function listen(room: MatchRoom, mode: SessionMode, extra: Partial<RoomSession>): RoomSession {
  const s: RoomSession = { ...extra, room, code: room.roomId, leaving: false, mode, kicked: false };
  const solo = mode !== "match";
  const current = () => store.get().session === s;
  const changed = () => {
    if (current()) store.changed();
  };
  room.onMessage("clock", (m: ClockMessage) => {
    if (current()) store.set({ clockOffset: serverOffset(m.now, Date.now()) });
  });
  room.onMessage("round", (m: RoundMessage) => {
    s.round = fromWire(m);
    changed();
  });
  room.onMessage("reveal", (m: RevealMessage) => {
    s.revealMessage = fromWire(m);
    s.reveal = undefined;
    // The daily's values come out when its day ends: keep what to check them against (the leaderboard does).
    if (mode === "daily" && s.round?.round === m.round) saveDailyProof(s.round, s.revealMessage);
    changed();
  });
  room.onMessage("pickCounts", (m: PickCountsMessage) => {
    s.counts = m;
    changed();
  });
  room.onMessage("podium", (m: PodiumMessage) => {
    s.podium = m;
    changed();
  });
  room.onMessage("daily", (m: DailyMessage) => {
    s.daily = m;
    changed();
  });
  room.onMessage("homework", (m: HomeworkMessage) => {
    s.homework = m;
    changed();
  });
  room.onMessage("seat", (m: SeatMessage) => {
    // Kept for the session's life, and per code for a reopened tab (solo rooms have no link).
    s.seat = m.token;
    if (!solo) saveRoomSeat(s.code, m.token);
  });
  room.onMessage("restored", () => showRestored());
  room.onMessage("error", (e: ErrorMessage) => {
    // A pick or lock-in that crossed the end of tuning on the wire: the round has moved on.
    // Likewise the host's Pause, Reveal now or Next pressed as the phase changed by itself.
    if (e.code === "wrong-phase" && e.type && LATE.includes(e.type)) return;
    if (e.code === "kicked") {
      // The close (CLOSE_KICKED) follows at once: forget the seat now, explain when it closes.
      s.kicked = true;
      forgetSeat(s.code);
      return;
    }
    // SIGTERM: the sockets close next (4001) and the page joins the restored room again.
    if (e.code === "server-restarting") return showReconnecting(true, () => describeRefusal(e));
    showError(() => describeRefusal(e));
  });
  room.onStateChange(changed);
  // The SDK calls onDrop on the drop and again on every failed try, then onReconnect or onLeave.
  room.onDrop(() => {
    if (!current()) return;
    showReconnecting(true);
    void giveUpIfProcessGone(room);
  });
  room.onReconnect(() => {
    if (!current() || s.leaving) {
      void room.leave(true).catch(() => undefined); // Leave was pressed while reconnecting: give the seat up now
      return;
    }
    // The server hands out a new token on every reconnect; the SDK stores it just after this call.
    queueMicrotask(() => {
      if (current()) saveSeatToken(s.code, room.reconnectionToken);
    });
    showReconnecting(false);
    store.changed();
  });
  room.onLeave((code, reason = "") => {
    if (!current() || s.leaving) return;
    if (s.kicked || code === CLOSE_KICKED) return kickedOut(s);
    // The process that held the room is gone (restart, crash): join the restored room by code.
    const cause = shouldRejoin(s, code);
    if (cause) return void rejoin(s, cause, code, reason, (next, old) => listen(next, old.mode, carried(old)));
    goHome(false, false);
    showError(mode === "homework" ? () => t("session.homeworkLost") : () => leftMessage(s.code, code, reason));
  });
  return s;
}

/** The host removed us: home with the reason; the seat's token and the room link are dropped. */
function kickedOut(s: RoomSession): void {
  forgetSeat(s.code);
  goHome(false, false);
  if (urlCode()) history.replaceState({}, "", "/");
  store.set({ hostPage: false });
  showError(() => t("errors.kicked", { room: s.code }));
}

export async function daily(name: string): Promise<NameRefusal | undefined> {
  showNotice(null);
  if (store.get().session) goHome(true);
  try {
    enter(await createDaily(name), "daily");
  } catch (err) {
    return refusedOrShown(err);
  }
}

/** A name refusal goes back to the name field; any other failure is shown. */
export function refusedOrShown(err: unknown): NameRefusal | undefined {
  const refusal = nameRefusalOf(err);
  if (!refusal) showError((err as Error).message);
  return refusal;
}

/** Joins room `code` (or gets this browser's seat in it back). A name refusal is returned for the name field. */
export async function join(
  code: string,
  name: string,
  spectator: boolean,
  canResume = true,
): Promise<NameRefusal | undefined> {
  const { session, resuming } = store.get();
  if (session?.code === code || resuming === code) return;
  showNotice(null);
  if (session) goHome(false);
  if (canResume && (await resume(code))) return;
  try {
    enter(await joinRoom(code, name, spectator));
  } catch (err) {
    const refusal = refusedOrShown(err);
    // A refused name keeps the link: the player picks another and presses Join again.
    if (!refusal && urlCode()) history.replaceState({}, "", "/");
    return refusal;
  }
}

/**
 * Back into the seat this browser had in room `code` (a closed tab, a reload): by the SDK's
 * reconnection token while the process that holds the seat lives, else by the room's seat token
 * (the process restarted and restored the room). False when neither works: join as a new player.
 */
export async function resume(code: string): Promise<boolean> {
  const token = loadSeatToken(code);
  const seat = loadRoomSeat(code);
  if ((!token && !seat) || store.get().resuming) return false;
  store.set({ resuming: code });
  showNotice(() => t("session.gettingSeatBack", { code }));
  try {
    const room = (await reconnectBy(code, token, Boolean(seat))) ?? (await rejoinBy(code, seat));
    showNotice(null);
    if (!room) return false;
    if (store.get().session) goHome(false); // joined elsewhere meanwhile: the link asked for this one
    enter(room);
    return true;
  } finally {
    store.set({ resuming: undefined });
  }
}

const said = (err: unknown) => (err as Error | undefined)?.message ?? String(err);

/** The SDK's reconnection token; undefined when there is none or it no longer works. */
async function reconnectBy(code: string, token: string | undefined, seatNext: boolean): Promise<MatchRoom | undefined> {
  if (!token) return undefined;
  try {
    return await reconnectRoom(token);
  } catch (err) {
    // The server answered (seat left, expired, room gone, process restarted): the token is dead.
    // A network failure keeps it for the next try (the join will say the server cannot be reached).
    if (typeof (err as { code?: unknown }).code === "number") forgetSeatToken(code);
    const next = seatNext ? "trying the room's seat token" : "joining as a new player";
    console.info(`Seat in room ${code} not restored (${said(err)}): ${next}.`);
    return undefined;
  }
}

/** The room's seat token, after the server restarted and restored the room; undefined when it fails. */
async function rejoinBy(code: string, seat: string | undefined): Promise<MatchRoom | undefined> {
  if (!seat) return undefined;
  try {
    return await rejoinRoom(code, { name: rememberedName() || "Player", device: deviceId(), seat });
  } catch (err) {
    // Refused (the seat is not in the room) or no such room: the token is dead. The network: kept.
    if (rejoinFailure(err) !== "retry") forgetRoomSeat(code);
    console.info(`Seat in room ${code} not restored by its seat token (${said(err)}): joining as a new player.`);
    return undefined;
  }
}
