// The languages the game is written in. A code is a BCP 47 tag, as <html lang> and Intl take it.
import { z } from "zod";

export const LANGUAGES = ["en", "es", "fr", "de", "pt-BR", "zh-CN", "hi", "ar"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "en";

export const languageSchema = z.enum(LANGUAGES);

/** Each language's name in itself, for the language menu and the projector's host language. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: "English",
  es: "Español",
  fr: "Français",
  de: "Deutsch",
  "pt-BR": "Português (Brasil)",
  "zh-CN": "简体中文",
  hi: "हिन्दी",
  ar: "العربية",
};

export const isRtl = (language: string) => language === "ar";

/**
 * The best of our languages for a list of preferred tags (navigator.languages, ?lang=): an exact
 * tag first, then the same base language ("pt-PT" → "pt-BR", "zh-TW" → "zh-CN").
 */
export function matchLanguage(wanted: readonly string[]): Language | undefined {
  for (const tag of wanted) {
    const exact = LANGUAGES.find((l) => l.toLowerCase() === tag.toLowerCase());
    if (exact) return exact;
    const base = tag.split("-")[0].toLowerCase();
    const sameBase = LANGUAGES.find((l) => l.split("-")[0] === base);
    if (sameBase) return sameBase;
  }
  return undefined;
}
