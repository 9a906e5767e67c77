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
