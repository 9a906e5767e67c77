// The language menu every page has in its header: each language in its own name, the current one
// selected. Choosing one shows it at once (./i18n.ts setLanguage), no reload.
import { html, render } from "lit-html";
import { LANGUAGES, LANGUAGE_NAMES } from "../../shared/languages";
import { language, onLanguageChange, setLanguage, t } from "./i18n";
import "./language-menu.css";

/** The menu as a template, for a screen that draws its own header (the projector). */
export function languageMenu() {
  return html`<label class="language-menu">
      <span class="language-globe" aria-hidden="true">🌐</span>
      <select
        data-testid="language-menu"
        aria-label=${t("common.language")}
        @change=${(e: Event) => void setLanguage((e.target as HTMLSelectElement).value as (typeof LANGUAGES)[number])}
      >
        ${LANGUAGES.map(
          (l) => html`<option value=${l} lang=${l} ?selected=${l === language()}>${LANGUAGE_NAMES[l]}</option>`,
        )}
      </select>
    </label>`;
}

/** Draws the menu into `el` and keeps it in step with the language shown. */
export function mountLanguageMenu(el: HTMLElement): void {
  render(languageMenu(), el);
  onLanguageChange(() => render(languageMenu(), el));
}
