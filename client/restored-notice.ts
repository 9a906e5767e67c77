// "The server restarted — you are back.": said once a page is back in a room the server restored
// (the room's `restored` message), on the game page (players, the projector) and on /watch. Its
// element (#restored-notice, data-testid "restored-notice") stays in the page, empty and
// invisible, so screen readers hear it as a status when the sentence goes in.
import { t } from "./i18n/i18n";

/** The sentence, in the language shown. */
export const restoredText = () => t("session.restored");

/** Long enough to be read on a projector across the room. */
const SHOWN_MS = 12_000;
let timer: ReturnType<typeof setTimeout> | undefined;

export function showRestored(on = true): void {
  const el = document.getElementById("restored-notice");
  if (!el) return;
  clearTimeout(timer);
  el.textContent = on ? restoredText() : "";
  if (on) timer = setTimeout(() => showRestored(false), SHOWN_MS);
}
