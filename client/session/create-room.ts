// Creating a match room with this browser's teacher key (made by the server the first time), so
// its matches appear in the teacher's class reports. No key (the server would not make one) still
// creates the room, and says so; a key the server refuses (revoked) is forgotten, and the host may
// create the room without one.
import { createRoom, RoomRefused } from "../net";
import { ensureTeacherKey, readTeacherKey, rememberTeacherKey } from "../teacher-key";
import { store } from "../store";
import { confirmAction, errorText, showError, showNotice } from "../ui";
import { t } from "../i18n/i18n";
import { enter, refusedOrShown, type NameRefusal } from "./connection";
import { saveProjectorPreference } from "./projector";

/** This browser's key, and whether it was made just now; undefined (with a notice) when none could be made. */
async function teacherKey(): Promise<{ key: string; fresh: boolean } | undefined> {
  const known = readTeacherKey();
  try {
    return { key: await ensureTeacherKey(), fresh: !known };
  } catch (err) {
    showNotice(() => t("session.noTeacherKey", { reason: errorText(err).replace(/\.$/, "") }));
    return undefined;
  }
}

/** /?set=ID (from /create): the room plays that round set of this browser's teacher key. */
export function setFromLink(): string | undefined {
  const set = new URLSearchParams(location.search).get("set");
  return set && /^[0-9a-f-]{36}$/i.test(set) ? set : undefined;
}

export async function create(name: string): Promise<NameRefusal | undefined> {
  const key = await teacherKey();
  try {
    return opened(await createRoom(name, key?.key, setFromLink()), key);
  } catch (err) {
    if (!(key && err instanceof RoomRefused && err.refusal === "teacher-key")) return refusedOrShown(err);
    rememberTeacherKey(undefined);
    const question = t("session.keyRefusedQuestion", { reason: errorText(err) });
    if (!(await confirmAction(question, t("session.createWithoutKey")))) {
      showError(() => t("session.keyForgotten"));
      return undefined;
    }
    try {
      return opened(await createRoom(name), undefined);
    } catch (again) {
      return refusedOrShown(again);
    }
  }
}

function opened(room: Awaited<ReturnType<typeof createRoom>>, key: { key: string; fresh: boolean } | undefined) {
  // Created from /host: this browser is the host (its link is the room's, not /host's), and
  // the projector view opens at once.
  const fromHostPage = store.get().hostPage;
  store.set({ hostPage: false });
  if (fromHostPage) saveProjectorPreference(room.roomId, true);
  enter(room, "match", key ? { teacherKey: key } : {});
  return undefined;
}
