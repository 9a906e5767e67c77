// Opening the page at an address: /?room=CODE joins (or reclaims this browser's seat), /host
// waits for a room to be created, /host?room=CODE watches it as a projector; Back and Forward
// between a room and home.
import { loadSeatToken } from "../reconnection";
import { loadRoomSeat } from "../seat-token";
import { store } from "../store";
import { showError, showNotice } from "../ui";
import type { HomeScreen } from "../screens/home";
import { goHome, join, resume } from "./connection";
import { setFromLink } from "./create-room";
import { onHostPath, urlCode, urlRoomParam } from "./routes";

/** The name a /host projector joins with (spectators are not listed, so it need not be unique). */
const PROJECTOR_NAME = "Projector";

function joinFromLink(home: HomeScreen, code: string): void {
  if (home.openRoomLink(code) === "join") home.submitJoin();
  else showNotice(`Choose a name, then press Join to enter room ${code}.`);
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
  if (setFromLink())
    showNotice("Create a room to play your round set (from /create): you host it with this browser's teacher key.");
  if (raw === null) {
    if (hostPage) {
      store.set({ projector: true });
      showNotice(
        "Host on this screen: create a room and its projector view opens at once. To show a room someone " +
          "else runs, open /host?room=CODE.",
      );
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
    showError(
      `This link's room code "${raw.slice(0, 30)}" is not valid: a code is 5 letters or digits. Type the code ` +
        "you were given, or create a room.",
    );
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
