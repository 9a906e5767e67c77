// The host's teacher key, in the lobby (host only; never on the projector, never to players): the
// link to keep (it opens the class reports on /teacher), Copy, and the teacher page. Open and
// prominent the first time the key is made; afterwards a small "Teacher key" disclosure.
import { html } from "lit-html";
import { teacherPageUrl } from "../teacher-key";
import { showNotice } from "../ui";
import { t, tHtml } from "../i18n/i18n";

export interface TeacherKeyView {
  key: string;
  /** Made just now, with this room. */
  fresh: boolean;
}

function copy(e: Event, link: string): void {
  const field = (e.target as HTMLElement).closest("details")?.querySelector<HTMLInputElement>("input");
  // No key in the notice: the notice also shows over the projector view.
  const selectIt = () => {
    field?.select();
    showNotice(() => t("lobby.copyRefused"));
  };
  if (!navigator.clipboard) return selectIt();
  navigator.clipboard.writeText(link).then(() => showNotice(t("lobby.teacherLinkCopied")), selectIt);
}

export function teacherKeyPanel(v: TeacherKeyView) {
  const link = teacherPageUrl(v.key);
  return html`<details id="teacher-key-panel" class="teacher-key-panel ${v.fresh ? "fresh" : ""}" ?open=${v.fresh}>
    <summary>${v.fresh ? t("lobby.teacherKeyFresh") : t("lobby.teacherKey")}</summary>
    <p><strong>${t("lobby.keepLink")}</strong> ${t("lobby.keepPrivate")}</p>
    <input id="teacher-link" class="teacher-link" readonly .value=${link} aria-label=${t("lobby.teacherLinkLabel")}
      @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
    <p class="small">${tHtml("lobby.keyLine", { key: html`<code data-testid="teacher-key">${v.key}</code>` })}</p>
    <div class="row wrap">
      <button id="copy-teacher-link" data-testid="copy-teacher-link" type="button" class="small-button"
        @click=${(e: Event) => copy(e, link)}>${t("lobby.copyLink")}</button>
      <a id="open-teacher" href="/teacher" target="_blank" rel="noopener">${t("lobby.openTeacher")}</a>
    </div>
  </details>`;
}
