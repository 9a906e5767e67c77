// The key's card: the link to keep (data-testid="teacher-key") and what it means, or how to get a
// key, or why the server refused the one this browser had. The key is a bearer link: the card can
// mask it before the page goes on a projector, and it never prints.
import { html, type TemplateResult } from "lit-html";
import { teacherPageUrl } from "../teacher-key";
import type { TeacherState } from "./teacher-state";

export interface KeyActions {
  makeKey(): void;
  copyKey(): void;
  mask(masked: boolean): void;
  revoke(): void;
}

const getOne = (s: Readonly<TeacherState>, act: KeyActions, label: string) =>
  html`<p>A key is made for you the first time you create a room on <a href="/">the game page</a>: this browser then
      remembers it, and every room and homework you make from it is listed here. No account, no e-mail.</p>
    <button type="button" class="primary" data-testid="make-key" ?disabled=${s.keyBusy} @click=${act.makeKey}>
      ${label}
    </button>`;

export function keyCard(s: Readonly<TeacherState>, act: KeyActions): TemplateResult {
  if (s.keyStatus === "refused") {
    return html`<section class="card key-card no-print" data-testid="key-refused">
      <h2>This key does not work</h2>
      <p class="error" role="alert">${s.refusal} This browser has forgotten it.</p>
      ${getOne(s, act, "Make a new key")}
    </section>`;
  }
  if (!s.key) {
    return html`<section class="card key-card no-print" data-testid="no-key">
      <h2>No teacher key in this browser</h2>
      <p class="muted">A teacher key opens your class reports and homework on this page. If you have a key link
        (<code>/teacher#tk-…</code>), open it here.</p>
      ${getOne(s, act, "Make a key")}
    </section>`;
  }
  const link = teacherPageUrl(s.key);
  return html`<section class="card key-card no-print">
    <div class="card-head">
      <h2>Your teacher key</h2>
      <button type="button" class="small-button" aria-pressed=${s.keyMasked ? "true" : "false"}
        @click=${() => act.mask(!s.keyMasked)}>${s.keyMasked ? "Show the key" : "Hide the key (projecting)"}</button>
    </div>
    <p class="key-prompt"><strong>Copy and keep this link</strong> — it is your key:</p>
    <div class="key-row">
      <code class="key-link ${s.keyMasked ? "masked" : ""}" data-testid="teacher-key"
        >${s.keyMasked ? "•••• hidden ••••" : link}</code>
      <button type="button" data-testid="copy-key" @click=${act.copyKey}>Copy link</button>
    </div>
    <p class="small muted">Anyone with this link sees your class reports, so keep it private. Losing it loses access
      to them, nothing else: your rooms and your students' games do not need it. Only the names students type and
      their play are stored.</p>
    <p class="small">
      <button type="button" class="small-button danger" data-testid="revoke-key" ?disabled=${s.keyBusy}
        @click=${act.revoke}>Revoke this key…</button>
      <span class="muted">It then stops working everywhere, for good.</span>
    </p>
  </section>`;
}
