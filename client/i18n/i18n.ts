// The client's words: which language is shown, its messages (ICU MessageFormat, through FormatJS's
// intl-messageformat) and locale-aware numbers and dates (Intl). The server sends codes and facts;
// every sentence a player reads is made here. English is the fallback for a key a language lacks.
//
// The language: ?lang= in the link, else the one picked before (remembered), else the browser's,
// else English. <html lang> and dir follow it. ?lang=pseudo shows the pseudo-locale (./pseudo.ts).
import { IntlMessageFormat } from "intl-messageformat";
import { DEFAULT_LANGUAGE, isRtl, languageSchema, matchLanguage, type Language } from "../../shared/languages";
import { readStored, writeStored } from "../storage";
import { ENGLISH, loadMessages, type MessageTable } from "./messages";

export type MessageParams = Record<string, unknown>;

/** The language shown; "pseudo" only when a link asked for it. */
let current: Language | "pseudo" = DEFAULT_LANGUAGE;
let table: MessageTable = ENGLISH;
const compiled = new Map<string, IntlMessageFormat>();
const listeners = new Set<() => void>();

const STORAGE_KEY = "language";

/** The language shown (the pseudo-locale counts as English for everything but its words). */
export const language = (): Language => (current === "pseudo" ? "en" : current);

/** The tag Intl formats with. */
const locale = () => language();

function formatter(key: string): IntlMessageFormat | undefined {
  const cacheKey = `${current}\u0000${key}`;
  let found = compiled.get(cacheKey);
  if (!found) {
    const message = table.get(key) ?? ENGLISH.get(key);
    if (message === undefined) return undefined;
    found = new IntlMessageFormat(message, locale(), undefined, { ignoreTag: true });
    compiled.set(cacheKey, found);
  }
  return found;
}

function missing(key: string): string {
  if (import.meta.env.DEV) console.warn(`i18n: no message "${key}"`);
  return key;
}

/** The message `key` ("namespace.key") in the current language, with ICU parameters. */
export function t(key: string, params?: MessageParams): string {
  const message = formatter(key);
  if (!message) return missing(key);
  const out = message.format(params as never);
  return Array.isArray(out) ? out.join("") : String(out);
}

/**
 * The message with lit-html templates (or any object) as parameters, e.g. a name in <strong>:
 * an array lit-html renders in order.
 */
export function tHtml(key: string, params: MessageParams): unknown[] {
  const message = formatter(key);
  if (!message) return [missing(key)];
  const out = message.format(params as never);
  return Array.isArray(out) ? out : [out];
}

/**
 * Intl formatters are costly to make and screens format on every render (tuning redraws as the
 * slider moves): one per language and options, kept.
 */
type Formatter = Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat;
const formatters = new Map<string, Formatter>();
function kept<F extends Formatter>(kind: string, options: object, make: () => F): F {
  const key = `${locale()}\u0000${kind}\u0000${JSON.stringify(options)}`;
  let found = formatters.get(key) as F | undefined;
  if (!found) formatters.set(key, (found = make()));
  return found;
}
const numbers = (options: Intl.NumberFormatOptions = {}) =>
  kept("n", options, () => new Intl.NumberFormat(locale(), options));
const dates = (options: Intl.DateTimeFormatOptions) =>
  kept("d", options, () => new Intl.DateTimeFormat(locale(), options));

export const formatNumber = (value: number, options?: Intl.NumberFormatOptions) => numbers(options).format(value);

/** A share (0.55) as the locale writes a percentage. */
export const formatPercent = (share: number, options?: Intl.NumberFormatOptions) =>
  numbers({ style: "percent", maximumFractionDigits: 0, ...options }).format(share);

export const formatDate = (
  date: Date | number | string,
  options: Intl.DateTimeFormatOptions = { dateStyle: "medium" },
) => dates(options).format(new Date(date));

export const formatTime = (
  date: Date | number | string,
  options: Intl.DateTimeFormatOptions = { timeStyle: "short" },
) => dates(options).format(new Date(date));

/** Items as the language lists them, short ("Shells, Galaxies"; "贝壳、星系"). */
export const formatList = (items: string[]) =>
  kept("l", {}, () => new Intl.ListFormat(locale(), { type: "unit", style: "short" })).format(items);

/** Called after another language is shown: each page re-renders what it drew. */
export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Fills static HTML: `data-i18n="ns.key"` (text) and `data-i18n-attr="aria-label=ns.key;title=ns.key2"`. */
export function translateDom(root: ParentNode = document): void {
  root.querySelectorAll<HTMLElement>("[data-i18n]").forEach((el) => (el.textContent = t(el.dataset.i18n!)));
  root.querySelectorAll<HTMLElement>("[data-i18n-attr]").forEach((el) => {
    for (const pair of el.dataset.i18nAttr!.split(";")) {
      const [attribute, key] = pair.split("=").map((s) => s.trim());
      if (attribute && key) el.setAttribute(attribute, t(key));
    }
  });
}

function chosenLanguage(): Language | "pseudo" {
  const fromLink = new URLSearchParams(location.search).get("lang");
  if (fromLink === "pseudo") return "pseudo";
  const linked = fromLink ? matchLanguage([fromLink]) : undefined;
  if (linked) return linked;
  const stored = languageSchema.safeParse(readStored(STORAGE_KEY));
  if (stored.success) return stored.data;
  return matchLanguage(navigator.languages ?? [navigator.language]) ?? DEFAULT_LANGUAGE;
}

async function show(next: Language | "pseudo"): Promise<void> {
  table = await loadMessages(next);
  current = next;
  const html = document.documentElement;
  html.lang = next === "pseudo" ? "en-XA" : next;
  html.dir = isRtl(next) ? "rtl" : "ltr";
  translateDom();
}

/** Before a page's first render: shows the chosen language (a link's ?lang= is remembered). */
export async function initI18n(): Promise<void> {
  const chosen = chosenLanguage();
  if (chosen !== "pseudo" && new URLSearchParams(location.search).has("lang")) writeStored(STORAGE_KEY, chosen);
  try {
    await show(chosen);
  } catch (error) {
    console.warn("i18n: could not load the language's messages; showing English", error);
    await show(DEFAULT_LANGUAGE);
  }
}

/** The player picked a language: show it, remember it, keep a link's ?lang= in step, re-render. */
export async function setLanguage(next: Language): Promise<void> {
  await show(next);
  writeStored(STORAGE_KEY, next);
  const url = new URL(location.href);
  if (url.searchParams.has("lang")) {
    url.searchParams.set("lang", next);
    history.replaceState(history.state, "", url);
  }
  for (const listener of listeners) listener();
}

export { languageMenu, mountLanguageMenu } from "./language-menu";
