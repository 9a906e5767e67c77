// The "reconnecting…" notice, sticky at the top of the page while the SDK tries again, or while
// the page joins a restarted server's room again (./rejoin; `text`: the server's own word then).
import { store } from "../store";
import { showNotice, type Words } from "../ui";
import { t } from "../i18n/i18n";

export function showReconnecting(on: boolean, text?: Words): void {
  if (on) showNotice(text ?? (() => t("session.reconnecting")));
  else if (store.get().reconnecting) showNotice(null);
  document.getElementById("notice")?.classList.toggle("reconnecting", on);
  if (store.get().reconnecting !== on) store.set({ reconnecting: on });
}
