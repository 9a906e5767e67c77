// DOM helpers for the spectator pages (/watch, /leaderboard): the game page's own, plus a few of
// their own. User strings (names, messages) only ever go in as text, never as HTML.
import { byId, setText, show } from "../dom";

export { byId, h, setText, show } from "../dom";

/**
 * Replaces `el`'s children only when `key` (a serialisation of what they show) changed since
 * the last call: a poll or a state patch that changes nothing does not touch the DOM (no flicker).
 */
export function renderOnce(el: HTMLElement, key: string, build: () => (Node | string)[]): boolean {
  if (el.dataset.renderKey === key) return false;
  el.dataset.renderKey = key;
  el.replaceChildren(...build());
  return true;
}

export function showError(message: string | null): void {
  const el = byId("error");
  if (message) setText(el, message);
  show(el, Boolean(message));
}

export function showNotice(message: string | null): void {
  const el = byId("notice");
  if (message) setText(el, message);
  show(el, Boolean(message));
}

/** The name this browser plays under (remembered by the game page), if any. */
export function rememberedName(): string | null {
  try {
    return localStorage.getItem("shell-galaxy:name");
  } catch {
    return null;
  }
}
