// Page-wide bits every page uses (the game, /watch, /leaderboard): the error line, the status
// notice, the phase's name and badge, the name this browser plays under.
import { byId, setText, show } from "./dom";
import { readStored, writeStored } from "./storage";

/** Shows the page's error line; null hides it. */
export function showError(message: string | null): void {
  const el = byId("error");
  if (message) setText(el, message);
  show(el, Boolean(message));
}

export function clearError(): void {
  byId("error").hidden = true;
}

export function showNotice(message: string | null): void {
  const el = byId("notice");
  if (message) setText(el, message);
  show(el, Boolean(message));
}

export const PHASE_LABELS: Readonly<Record<string, string>> = {
  home: "Home",
  homework: "Homework",
  lobby: "Lobby",
  training: "Training",
  tuning: "Tuning",
  reveal: "Reveal",
  podium: "Podium",
};

/** A phase's name on a badge; "Starting" before the room's state has one. */
export const phaseLabel = (phase: string | undefined): string => PHASE_LABELS[phase ?? ""] ?? "Starting";

export function setPhaseBadge(phase: string, detail = ""): void {
  const el = byId("phase");
  if (el.dataset.phase !== phase) el.dataset.phase = phase;
  setText(el, phaseLabel(phase) + (detail ? ` · ${detail}` : ""));
}

/** The name this browser plays under (the home screen remembers it; the leaderboard marks its rows). */
/** Why a typed room code was refused; `whenEmpty` says what to type when nothing was. */
export function roomCodeRefusal(raw: string, whenEmpty: string): string {
  const typed = raw.trim();
  if (!typed) return whenEmpty;
  return `"${typed.slice(0, 30)}" is not a room code: a code is 5 letters or digits, like K7M2Q.`;
}

export function rememberedName(): string | undefined {
  return readStored("name");
}

export function rememberName(name: string): void {
  writeStored("name", name);
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
