// /teacher's round sets: the key's sets (made on /create), each playable in a room or as homework
// ("Rounds from" in the new homework form), and the way to /create for a new one.
import { html, type TemplateResult } from "lit-html";
import type { SetSummary } from "../../shared/round-set";

export function setsCard(sets: SetSummary[] | undefined): TemplateResult {
  return html`<section class="card sets-card no-print" data-testid="teacher-sets" aria-labelledby="sets-title">
    <h2 id="sets-title">Round sets</h2>
    <p class="small muted">
      Your own rounds: spirals traced from photos or drawn, against each other or the catalog's. Players never see a
      set; B stays hidden until each reveal.
      <a href="/create">Trace a spiral or build a set on /create</a>.
    </p>
    ${
      !sets || sets.length === 0
        ? html`<p class="small muted">No sets yet.</p>`
        : html`<ul class="set-list">
          ${sets.map(
            (s) => html`<li data-testid="teacher-set">
              <strong>${s.name}</strong> · ${s.rounds} round${s.rounds === 1 ? "" : "s"}, ${s.spirals} traced ·
              <a href=${`/?set=${s.id}`}>Play in a room</a> · homework: choose it under “Rounds from”
            </li>`,
          )}
        </ul>`
    }
  </section>`;
}
