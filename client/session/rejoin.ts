// Back into a room after its server process died (a crash, a restart, a deploy): the room is
// restored under the same code by the next process, and this page joins it again by code — a
// player with the room's seat token (same seat, points and pick), the projector or another
// spectator as a spectator — with the backoff of ../rejoin, behind the reconnecting notice. The
// game goes on in the same screen: the new room object replaces the old one in the store.
// `prepare` (from ./connection) listens to a new room; it is passed in so the two files do not
// import each other.
import type { JoinOptions } from "../../shared/protocol";
import { CLOSE_SERVER_SHUTDOWN } from "../../shared/protocol";
import { leftMessage, rejoinRoom, type MatchRoom } from "../net";
import { rejoinCause, rejoinFailure, rejoinWithBackoff, type RejoinCause } from "../rejoin";
import { saveSeatToken } from "../reconnection";
import { store, type RoomSession } from "../store";
import { deviceId } from "../teacher-key";
import { errorText, rememberedName, showError } from "../ui";
import { t } from "../i18n/i18n";
import { describeRefusal } from "../i18n/refusal-text";
import { forgetSeat, goHome } from "./go-home";
import { showReconnecting } from "./reconnect-notice";

/** How long a new room may take to send its first state before the screen switches to it anyway. */
const FIRST_STATE_MS = 3_000;

/** How this session joins its room again: a player by the seat token, a spectator as one; undefined: it cannot. */
export function rejoinOptions(s: RoomSession): JoinOptions | undefined {
  const state = s.room.state;
  const me = state?.players?.get(s.room.sessionId);
  if (s.seat) {
    const assignment = s.mode === "homework" ? store.get().homeworkPage?.id : undefined;
    const name = me?.name || rememberedName() || "Player"; // the seat's own name is what the server keeps
    return { name, device: deviceId(), seat: s.seat, ...(assignment ? { assignment } : {}) };
  }
  // Spectators have no entry in the players (the projector, a spectator from home).
  if (state?.code && !me)
    return { name: store.get().hostPage ? "Projector" : "Spectator", device: deviceId(), spectator: true };
  return undefined;
}

/** Whether a closed room is one to join again (and why); undefined keeps today's way home. */
export function shouldRejoin(s: RoomSession, closeCode: number): RejoinCause | undefined {
  const cause = rejoinCause(closeCode);
  return cause && rejoinOptions(s) ? cause : undefined;
}

function firstState(room: MatchRoom): Promise<void> {
  if (room.state?.code) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(done, FIRST_STATE_MS);
    room.onStateChange.once(() => {
      clearTimeout(timer);
      done();
    });
  });
}

/** The way back failed: home, and why in words. A refusal or a missing room: the seat is gone, its tokens too. */
function lost(s: RoomSession, closeCode: number, reason: string, outcome: { kind: string; error?: unknown }): void {
  const failure = outcome.error === undefined ? "retry" : rejoinFailure(outcome.error);
  if (failure !== "retry") forgetSeat(s.code);
  goHome(false, false);
  if (s.mode === "homework") {
    showError(() => t("session.homeworkLost"));
  } else if (failure === "refused" && closeCode === CLOSE_SERVER_SHUTDOWN) {
    showError(() => t("session.restartRefused", { code: s.code, reason: errorText(outcome.error) }));
  } else if (failure === "refused") {
    showError(() => leftMessage(s.code, closeCode, reason)); // refused by the same process: the seat is gone
  } else if (failure === "no-room") {
    showError(() => t("session.cameBackWithoutRoom", { code: s.code }));
  } else {
    showError(() => t("session.couldNotGetBack", { code: s.code }));
  }
}

/**
 * Joins `s`'s room again by code until it works (then swaps the new room in), is refused (home,
 * with the refusal), the page stops wanting it (Leave) or a minute is over (home; the tokens stay
 * unless the server came back without the room).
 */
export async function rejoin(
  s: RoomSession,
  cause: RejoinCause,
  closeCode: number,
  reason: string,
  prepare: (room: MatchRoom, old: RoomSession) => RoomSession,
): Promise<void> {
  const options = rejoinOptions(s)!;
  showReconnecting(true, cause === "restart" ? () => describeRefusal({ code: "server-restarting" }) : undefined);
  const wanted = () => store.get().session === s && !s.leaving;
  // `prepare` runs as soon as the join resolves: the room's first messages (seat, restored, round) are not missed.
  const outcome = await rejoinWithBackoff({
    attempt: () => rejoinRoom(s.code, options).then((r) => prepare(r, s)),
    wanted,
  });
  if (outcome.kind === "stopped") {
    void outcome.room?.room.leave(true).catch(() => undefined);
    return;
  }
  if (outcome.kind !== "back") return lost(s, closeCode, reason, outcome);
  const next = outcome.room;
  await firstState(next.room);
  if (!wanted()) return void next.room.leave(true).catch(() => undefined);
  if (next.mode === "match") saveSeatToken(next.code, next.room.reconnectionToken);
  showReconnecting(false);
  store.set({ session: next });
}
