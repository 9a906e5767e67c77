// Leaving a room for the home screen: Leave, Back, joining another room (consented: the seat is
// given up and its tokens forgotten), or a room that is lost (the tokens stay: the link may get
// the seat back).
import { forgetSeatToken } from "../reconnection";
import { forgetRoomSeat } from "../seat-token";
import { showRestored } from "../restored-notice";
import { store } from "../store";
import { showNotice } from "../ui";
import { showReconnecting } from "./reconnect-notice";

/** Forgets every way back into room `code`'s seat (the SDK's token and the seat token). */
export function forgetSeat(code: string): void {
  forgetSeatToken(code);
  forgetRoomSeat(code);
}

/**
 * Show home. `consented` (Leave, Back, joining another room): tell the server, which frees the
 * seat, and forget the seat's tokens. Otherwise the connection is already gone and they stay.
 */
export function goHome(updateUrl: boolean, consented = true): void {
  const { session: s, hostPage } = store.get();
  if (s) {
    s.leaving = true;
    if (consented) {
      forgetSeat(s.code);
      if (s.room.connection?.isOpen) void s.room.leave(true).catch(() => undefined);
      else s.room.reconnection.maxRetries = 0; // mid-reconnect: stop trying; a try in flight leaves in onReconnect
    }
  }
  if (updateUrl && s?.mode === "homework") {
    if ((history.state as { homework?: boolean } | null)?.homework) history.back(); // the entry Start pushed
  } else if (updateUrl && (location.search || hostPage)) history.pushState({}, "", "/");
  showReconnecting(false);
  showNotice(null);
  showRestored(false);
  store.set({ session: undefined, projector: false, ...(updateUrl ? { hostPage: false } : {}) });
}
