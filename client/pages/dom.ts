// DOM helpers for the spectator pages (/watch, /leaderboard). User strings (names, messages)
// only ever go in as text (textContent), never as HTML.

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id} in the page`);
  return el as T;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { class?: string; text?: string; attrs?: Record<string, string> } = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.text !== undefined) el.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

/** Sets text only when it changed (keeps selection and screen readers calm). */
export function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

export function show(el: HTMLElement, visible: boolean): void {
  if (el.hidden === visible) el.hidden = !visible;
}

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
