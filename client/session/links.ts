// Opening the page at an address: /?room=CODE joins (or reclaims this browser's seat), /host
// waits for a room to be created, /host?room=CODE watches it as a projector; Back and Forward
// between a room and home.
import { loadSeatToken } from "../reconnection";
import { loadRoomSeat } from "../seat-token";
import { store } from "../store";
import { showError, showNotice } from "../ui";
import { t } from "../i18n/i18n";
import type { HomeScreen } from "../screens/home";
import { goHome, join, resume } from "./connection";
import { setFromLink } from "./create-room";
import { onHostPath, urlCode, urlRoomParam } from "./routes";

/** The name a /host projector joins with (spectators are not listed, so it need not be unique). */
const PROJECTOR_NAME = "Projector";

function joinFromLink(home: HomeScreen, code: string): void {
  if (home.openRoomLink(code) === "join") home.submitJoin();
  else showNotice(() => t("session.chooseNameToJoin", { code }));
}

/** A link to a room this browser has a seat in (either token): reclaim it, else the usual link flow. */
async function resumeLink(home: HomeScreen, code: string): Promise<void> {
  home.setCode(code);
  if (await resume(code)) return;
  if (store.get().session?.code === code) return;
  joinFromLink(home, code);
}

/** `/?room=CODE`: straight into joining (or a clear error for a broken link). */
export function openLinkedRoom(home: HomeScreen): void {
  const raw = urlRoomParam();
  const hostPage = onHostPath();
  store.set({ hostPage });
  if (setFromLink()) showNotice(() => t("session.playYourSet"));
  if (raw === null) {
    if (hostPage) {
      store.set({ projector: true });
      showNotice(() => t("session.hostOnThisScreen"));
    }
    return;
  }
  const code = urlCode();
  if (hostPage && code) {
    // A projector: watches as a spectator (the host keeps playing and steering from their own tab).
    home.setCode(code);
    void join(code, PROJECTOR_NAME, true, false);
    return;
  }
  if (!code) {
    showError(() => t("session.badLinkCode", { code: raw.slice(0, 30) }));
    history.replaceState({}, "", "/");
    return;
  }
  if (loadSeatToken(code) || loadRoomSeat(code)) {
    void resumeLink(home, code);
    return;
  }
  joinFromLink(home, code);
}

/** Back and Forward: home leaves the room, a room's address opens it. */
export function followHistory(home: HomeScreen): void {
  window.addEventListener("popstate", () => {
    const code = urlCode();
    const { session } = store.get();
    if (!code && session) goHome(false);
    else if (code && code !== session?.code) openLinkedRoom(home);
  });
}
