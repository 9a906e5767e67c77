// The key's card: the link to keep (data-testid="teacher-key") and what it means, or how to get a
// key, or why the server refused the one this browser had. The key is a bearer link: the card can
// mask it before the page goes on a projector, and it never prints.
import { html, type TemplateResult } from "lit-html";
import { t, tHtml } from "../i18n/i18n";
import { teacherPageUrl } from "../teacher-key";
import type { TeacherState } from "./teacher-state";

export interface KeyActions {
  makeKey(): void;
  copyKey(): void;
  mask(masked: boolean): void;
  revoke(): void;
}

const getOne = (s: Readonly<TeacherState>, act: KeyActions, label: string) =>
  html`<p>${tHtml("teacher.keyHowToGet", { gamePage: html`<a href="/">${t("teacher.keyGamePage")}</a>` })}</p>
    <button type="button" class="primary" data-testid="make-key" ?disabled=${s.keyBusy} @click=${act.makeKey}>
      ${label}
    </button>`;

export function keyCard(s: Readonly<TeacherState>, act: KeyActions): TemplateResult {
  if (s.keyStatus === "refused") {
    return html`<section class="card key-card no-print" data-testid="key-refused">
      <h2>${t("teacher.keyRefusedTitle")}</h2>
      <p class="error" role="alert">${t("teacher.keyRefused", { why: s.refusal?.() ?? "" })}</p>
      ${getOne(s, act, t("teacher.makeNewKey"))}
    </section>`;
  }
  if (!s.key) {
    return html`<section class="card key-card no-print" data-testid="no-key">
      <h2>${t("teacher.noKeyTitle")}</h2>
      <p class="muted">${tHtml("teacher.noKey", { link: html`<code>/teacher#tk-…</code>` })}</p>
      ${getOne(s, act, t("teacher.makeKey"))}
    </section>`;
  }
  const link = teacherPageUrl(s.key);
  return html`<section class="card key-card no-print">
    <div class="card-head">
      <h2>${t("teacher.keyTitle")}</h2>
      <button type="button" class="small-button" aria-pressed=${s.keyMasked ? "true" : "false"}
        @click=${() => act.mask(!s.keyMasked)}>${s.keyMasked ? t("teacher.showKey") : t("teacher.hideKey")}</button>
    </div>
    <p class="key-prompt">${tHtml("teacher.keyPrompt", { copy: html`<strong>${t("teacher.keyPromptCopy")}</strong>` })}</p>
    <div class="key-row">
      <code class="key-link ${s.keyMasked ? "masked" : ""}" data-testid="teacher-key"
        >${s.keyMasked ? t("teacher.keyMasked") : link}</code>
      <button type="button" data-testid="copy-key" @click=${act.copyKey}>${t("teacher.copyLink")}</button>
    </div>
    <p class="small muted">${t("teacher.keyPrivacy")}</p>
    <p class="small">
      <button type="button" class="small-button danger" data-testid="revoke-key" ?disabled=${s.keyBusy}
        @click=${act.revoke}>${t("teacher.revokeButton")}</button>
      <span class="muted">${t("teacher.revokeHint")}</span>
    </p>
  </section>`;
}
