// The "reconnecting…" notice, sticky at the top of the page while the SDK tries again.
import { store } from "../store";
import { showNotice } from "../ui";

export function showReconnecting(on: boolean): void {
  if (on) showNotice("Connection lost — reconnecting… Your seat, points and pick are kept.");
  else if (store.get().reconnecting) showNotice(null);
  document.getElementById("notice")?.classList.toggle("reconnecting", on);
  if (store.get().reconnecting !== on) store.set({ reconnecting: on });
}
