// Tiny DOM helpers for the page-wide lines (./ui) and a page's root element; everything else is
// drawn by lit-html templates. User strings (names, messages) only ever go in as text, never as HTML.

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id} in the page`);
  return el as T;
}

/** Sets text only when it changed (keeps focus, selection and screen readers calm). */
export function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

export function show(el: HTMLElement, visible: boolean): void {
  if (el.hidden === visible) el.hidden = !visible;
}
