// Page-wide bits every page uses (the game, /watch, /leaderboard): the error line, the status
// notice, the phase's name and badge, the name this browser plays under.
import { byId, setText, show } from "./dom";
import { readStored, writeStored } from "./storage";
import { nameIssue } from "../shared/protocol";
import { parseRefusal } from "../shared/refusals";
import { onLanguageChange, t } from "./i18n/i18n";
import { describeRefusal } from "./i18n/refusal-text";

/** A sentence for the page's error or notice line, or how to word it (again, in another language). */
export type Words = string | (() => string);

const shown: Record<"error" | "notice", Words | null> = { error: null, notice: null };

function say(line: "error" | "notice", words: Words | null): void {
  shown[line] = words;
  const el = byId(line);
  const text = typeof words === "function" ? words() : words;
  if (text) setText(el, text);
  show(el, Boolean(text));
}

/** Shows the page's error line; null hides it. Given as words, it is worded again on a language change. */
export const showError = (words: Words | null): void => say("error", words);

export function clearError(): void {
  shown.error = null;
  byId("error").hidden = true;
}

/** Shows the page's notice line (as showError). */
export const showNotice = (words: Words | null): void => say("notice", words);

onLanguageChange(() => {
  for (const line of ["error", "notice"] as const) {
    const words = shown[line];
    if (typeof words === "function" && !byId(line).hidden) say(line, words);
  }
});

/** Each phase's message key (its name on a badge). */
const PHASE_KEYS: Readonly<Record<string, string>> = {
  home: "room.phaseHome",
  homework: "room.phaseHomework",
  lobby: "room.phaseLobby",
  training: "room.phaseTraining",
  tuning: "room.phaseTuning",
  reveal: "room.phaseReveal",
  podium: "room.phasePodium",
};

/** A phase's name on a badge; "Starting" before the room's state has one. */
export const phaseLabel = (phase: string | undefined): string => {
  const key = phase && Object.hasOwn(PHASE_KEYS, phase) ? PHASE_KEYS[phase] : "room.phaseStarting";
  return t(key);
};

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
  return t("session.notRoomCode", { typed: typed.slice(0, 30) });
}

/** An error whose sentence is made again in the language shown (`words()`); `message` is the one made first. */
export class Worded extends Error {
  constructor(readonly words: () => string) {
    super(words());
  }
}

/**
 * An error in words, in the language shown: a Worded error's words, a server refusal (a code,
 * JSON-encoded) worded; any other message as it is.
 */
export function errorText(err: unknown): string {
  if (err instanceof Worded) return err.words();
  const message = (err as { message?: unknown } | undefined)?.message;
  if (typeof message !== "string") return String(err);
  const refusal = parseRefusal(message);
  return refusal ? describeRefusal(refusal) : message;
}

/** Why a typed name is not valid (nameSchema's first issue), in words: "a name needs at least one character". */
export function nameIssueText(issue: { message?: string; params?: unknown }): string {
  return describeRefusal(nameIssue(issue));
}

export function rememberedName(): string | undefined {
  return readStored("name");
}

export function rememberName(name: string): void {
  writeStored("name", name);
}

/** The page's question dialog, made on first use (every page that asks shares this one). */
function confirmDialog(): HTMLDialogElement {
  const made = document.getElementById("confirm-dialog");
  if (made) return made as HTMLDialogElement;
  const dialog = document.createElement("dialog");
  dialog.id = "confirm-dialog";
  dialog.className = "confirm-dialog";
  dialog.innerHTML = `<form method="dialog"><p id="confirm-text"></p><div class="row end">
    <button id="confirm-no" value="no" type="submit"></button>
    <button id="confirm-yes" data-testid="confirm-yes" value="yes" type="submit" class="danger"></button>
  </div></form>`;
  document.body.append(dialog);
  return dialog;
}

/** A modal question with Cancel and OK (big enough for a projector); its words in the language shown. */
export function confirmAction(question: string, okLabel: string): Promise<boolean> {
  const dialog = confirmDialog();
  setText(byId("confirm-text"), question);
  setText(byId("confirm-no"), t("common.cancel"));
  setText(byId("confirm-yes"), okLabel);
  if (dialog.open) dialog.close("no");
  dialog.returnValue = "";
  dialog.showModal();
  byId("confirm-no").focus();
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => resolve(dialog.returnValue === "yes"), { once: true });
  });
}
