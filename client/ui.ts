// Page-wide bits every screen uses: the error line, the status notice, the phase badge.
import { byId, setText, show } from "./dom";

export function showError(message: string): void {
  const el = byId("error");
  el.textContent = message;
  el.hidden = false;
}

export function clearError(): void {
  byId("error").hidden = true;
}

export function showNotice(message: string | null): void {
  const el = byId("notice");
  if (message) setText(el, message);
  show(el, Boolean(message));
}

const PHASE_LABELS: Record<string, string> = {
  home: "Home", lobby: "Lobby", training: "Training", tuning: "Tuning", reveal: "Reveal", podium: "Podium",
};

export function setPhaseBadge(phase: string, detail = ""): void {
  const el = byId("phase");
  if (el.dataset.phase !== phase) el.dataset.phase = phase;
  setText(el, PHASE_LABELS[phase] + (detail ? ` · ${detail}` : ""));
}

/** A modal question with Cancel and OK (the page's own dialog: big enough for a projector). */
export function confirmAction(question: string, okLabel: string): Promise<boolean> {
  const dialog = byId<HTMLDialogElement>("confirm-dialog");
  setText(byId("confirm-text"), question);
  setText(byId("confirm-yes"), okLabel);
  if (dialog.open) dialog.close("no");
  dialog.returnValue = "";
  dialog.showModal();
  byId("confirm-no").focus();
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => resolve(dialog.returnValue === "yes"), { once: true });
  });
}
