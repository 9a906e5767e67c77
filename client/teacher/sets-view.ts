// /teacher's round sets: the key's sets (made on /create), each playable in a room or as homework
// ("Rounds from" in the new homework form), and the way to /create for a new one.
import { html, type TemplateResult } from "lit-html";
import type { SetSummary } from "../../shared/round-set";
import { t } from "../i18n/i18n";

export function setsCard(sets: SetSummary[] | undefined): TemplateResult {
  return html`<section class="card sets-card no-print" data-testid="teacher-sets" aria-labelledby="sets-title">
    <h2 id="sets-title">${t("teacher.setsTitle")}</h2>
    <p class="small muted">
      ${t("teacher.setsLede")}
      <a href="/create">${t("teacher.setsCreateLink")}</a>.
    </p>
    ${
      !sets || sets.length === 0
        ? html`<p class="small muted">${t("teacher.noSets")}</p>`
        : html`<ul class="set-list">
          ${sets.map(
            (s) => html`<li data-testid="teacher-set">
              <strong>${s.name}</strong> · ${t("teacher.setStats", { rounds: s.rounds, spirals: s.spirals })} ·
              <a href=${`/?set=${s.id}`}>${t("teacher.playSet")}</a> · ${t("teacher.setAsHomework")}
            </li>`,
          )}
        </ul>`
    }
  </section>`;
}
