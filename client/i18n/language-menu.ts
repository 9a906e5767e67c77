// The language menu every page has in its header: each language in its own name, the current one
// selected. Choosing one shows it at once (./i18n.ts setLanguage), no reload.
import { html, render } from "lit-html";
import { LANGUAGES, LANGUAGE_NAMES } from "../../shared/languages";
import { language, onLanguageChange, setLanguage, t } from "./i18n";
import "./language-menu.css";

/** The menu as a template, for a screen that draws its own header (the projector). */
export function languageMenu() {
  return html`<label class="language-menu">
      <svg class="language-globe" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.6">
        <circle cx="12" cy="12" r="9" /><path d="M3 12h18M12 3c2.6 2.6 2.6 15.4 0 18M12 3c-2.6 2.6-2.6 15.4 0 18" />
      </svg>
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
