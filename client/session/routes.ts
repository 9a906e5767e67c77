// The page's address: /?room=CODE (a room's shareable link), /host (a projector page, joining as a
// spectator with /host?room=CODE), /homework/<id> (a homework link; the server serves the game page
// for it); /?practice=SEED and /?replay=TOKEN belong to ../practice.
import { normalizeRoomCode } from "../../shared/room-code";

/** /host: the page of a room's projector (joins as a spectator; the projector view is on). */
const HOST_PATH = /^\/host\/?$/;

export const onHostPath = () => HOST_PATH.test(location.pathname);

/** The address of room `code` (on /host, the projector's). */
export const roomUrl = (code: string, hostPage: boolean) => `${hostPage ? "/host" : "/"}?room=${code}`;

/** The valid room code in the address, or "". */
export const urlCode = () => normalizeRoomCode(new URLSearchParams(location.search).get("room") ?? "");

/** The raw ?room= value (null when the address names no room). */
export const urlRoomParam = () => new URLSearchParams(location.search).get("room");

/** The link players join with. */
export const joinLink = (code: string) => `${location.origin}/?room=${code}`;

/** /homework/<id>: the id as written (the API says whether it is one), or undefined elsewhere. */
const HOMEWORK_PATH = /^\/homework\/([^/]{1,100})\/?$/;

export function urlHomework(): string | undefined {
  const m = HOMEWORK_PATH.exec(location.pathname);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1]; // a broken %-escape: the API refuses it as it is
  }
}
