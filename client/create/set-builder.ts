// The set builder's template: the set's name, its traced spirals, its rounds (A and B from the
// catalog or the traced spirals, a relation, a cue), what is wrong with it (the same checks the
// server makes), and the buttons to save, export and import. State and actions are create.ts's.
import { html, nothing } from "lit-html";
import { CATALOG } from "../../shared/spirals";
import {
  RELATIONS,
  SET_LIMITS,
  suggestedRelation,
  type SetSummary,
  type SpiralRef,
  type TracedSpiral,
} from "../../shared/round-set";
import { fitSpiral } from "../../shared/tracer";
import schemaUrl from "../../docs/round-set.schema.json?url";

export interface DraftRound {
  a: SpiralRef;
  b: SpiralRef;
  relation: "" | (typeof RELATIONS)[number];
  cue: string;
}

export interface BuilderView {
  name: string;
  spirals: TracedSpiral[];
  rounds: DraftRound[];
  problem?: { error: string; field: string };
  saved?: SetSummary & { link?: string };
  busy: boolean;
  mine?: SetSummary[];
}

export interface BuilderActions {
  rename(name: string): void;
  removeSpiral(index: number): void;
  addRound(): void;
  removeRound(index: number): void;
  changeRound(index: number, change: Partial<DraftRound>): void;
  save(): void;
  exportJson(): void;
  importJson(file: File): void;
  share(id: string): void;
  load(id: string): void;
  remove(id: string): void;
}

const refValue = (ref: SpiralRef) => ("catalog" in ref ? `catalog:${ref.catalog}` : `traced:${ref.traced}`);
export const refOf = (value: string): SpiralRef =>
  value.startsWith("traced:") ? { traced: Number(value.slice(7)) } : { catalog: value.slice(8) };

function spiralSelect(v: BuilderView, ref: SpiralRef, label: string, testid: string, pick: (r: SpiralRef) => void) {
  const chosen = refValue(ref);
  return html`<label
    >${label}
    <select data-testid=${testid} @change=${(e: Event) => pick(refOf((e.target as HTMLSelectElement).value))}>
      ${
        v.spirals.length
          ? html`<optgroup label="Traced">
            ${v.spirals.map(
              (s, i) =>
                html`<option value=${`traced:${i}`} ?selected=${chosen === `traced:${i}`}>${s.name} (traced)</option>`,
            )}
          </optgroup>`
          : nothing
      }
      <optgroup label="Catalog">
        ${CATALOG.spirals.map(
          (s) =>
            html`<option value=${`catalog:${s.id}`} ?selected=${chosen === `catalog:${s.id}`}>${s.name} (${s.kind})</option>`,
        )}
      </optgroup>
    </select></label
  >`;
}

const kindOf = (v: BuilderView, ref: SpiralRef) =>
  "catalog" in ref
    ? (CATALOG.spirals.find((s) => s.id === ref.catalog)?.kind ?? "")
    : (v.spirals[ref.traced]?.kind ?? "");
/** The relation the server will take when the round names none (the same spiral: twin; the same kind: cousin). */
const suggested = (v: BuilderView, r: DraftRound) => suggestedRelation(r.a, r.b, kindOf(v, r.a), kindOf(v, r.b));

export function builderView(v: BuilderView, act: BuilderActions) {
  const fieldIs = (prefix: string) => v.problem?.field.startsWith(prefix);
  return html`
    <section class="panel set-builder" aria-labelledby="set-title">
      <h2 id="set-title">The round set</h2>
      <label class="set-name ${fieldIs("name") ? "invalid" : ""}"
        >Name
        <input
          data-testid="set-name"
          maxlength="60"
          .value=${v.name}
          @input=${(e: Event) => act.rename((e.target as HTMLInputElement).value)}
      /></label>
      <h3>Traced spirals (${v.spirals.length} of ${SET_LIMITS.maxSpirals})</h3>
      ${
        v.spirals.length === 0
          ? html`<p class="hint">None yet: trace an arm above and press “Add to the set”.</p>`
          : html`<ul class="traced-list" data-testid="traced-list">
            ${v.spirals.map((s, i) => {
              const fit = fitSpiral(s);
              return html`<li>
                <strong>${s.name}</strong> (${s.kind}) · pitch ${fit.pitchDeg.toFixed(1)}°, ${fit.turns.toFixed(2)} turns,
                ${s.theta.length} points · “${s.cue}”
                <button type="button" class="small" @click=${() => act.removeSpiral(i)}>Remove</button>
              </li>`;
            })}
          </ul>`
      }
      <h3>Rounds (${v.rounds.length} of ${SET_LIMITS.maxRounds})</h3>
      <ol class="round-list" data-testid="round-list">
        ${v.rounds.map(
          (r, i) => html`<li class="round-row ${fieldIs(`rounds.${i}.`) ? "invalid" : ""}" data-testid="round-row">
            ${spiralSelect(v, r.a, "A (seen)", "round-a", (a) => act.changeRound(i, { a }))}
            ${spiralSelect(v, r.b, "B (hidden)", "round-b", (b) => act.changeRound(i, { b }))}
            <label
              >Relation
              <select
                data-testid="round-relation"
                @change=${(e: Event) =>
                  act.changeRound(i, { relation: (e.target as HTMLSelectElement).value as DraftRound["relation"] })}
              >
                <option value="" ?selected=${r.relation === ""}>suggested: ${suggested(v, r)}</option>
                ${RELATIONS.map((rel) => html`<option value=${rel} ?selected=${r.relation === rel}>${rel}</option>`)}
              </select></label
            >
            <label class="cue"
              >Cue players read
              <input
                data-testid="round-cue"
                maxlength="160"
                placeholder="suggested from A and B when the round is played"
                .value=${r.cue}
                @input=${(e: Event) => act.changeRound(i, { cue: (e.target as HTMLInputElement).value })}
            /></label>
            <button type="button" class="small" @click=${() => act.removeRound(i)} aria-label="Remove round ${i + 1}">
              Remove
            </button>
          </li>`,
        )}
      </ol>
      <button type="button" data-testid="add-round" ?disabled=${v.rounds.length >= SET_LIMITS.maxRounds} @click=${act.addRound}>
        Add a round
      </button>
      <p class="error set-problem" data-testid="set-problem" role="alert" ?hidden=${!v.problem}>
        ${v.problem ? `${v.problem.error}` : ""}
      </p>
      <div class="row set-actions">
        <button type="button" class="primary" data-testid="save-set" ?disabled=${v.busy} @click=${act.save}>
          Save on the server
        </button>
        <button type="button" data-testid="export-set" @click=${act.exportJson}>Export JSON</button>
        <label class="button-like"
          >Import JSON
          <input
            type="file"
            accept="application/json,.json"
            data-testid="import-set"
            class="visually-hidden"
            @change=${(e: Event) => {
              const file = (e.target as HTMLInputElement).files?.[0];
              if (file) act.importJson(file);
              (e.target as HTMLInputElement).value = "";
            }}
        /></label>
        <a href=${schemaUrl} class="hint" target="_blank" rel="noopener">The file's schema</a>
      </div>
      ${
        v.saved
          ? html`<p class="notice" data-testid="set-saved" data-set-id=${v.saved.id}>
            Saved “${v.saved.name}” (${v.saved.rounds} rounds).
            <a data-testid="play-set" href=${`/?set=${v.saved.id}`}>Play it in a room</a> — you host, with this
            browser's teacher key; players never see the set.
          </p>`
          : nothing
      }
    </section>
    <section class="panel my-sets" aria-labelledby="mine-title">
      <h2 id="mine-title">Your saved sets</h2>
      ${
        !v.mine
          ? html`<p class="hint">Sets saved with this browser's teacher key appear here.</p>`
          : v.mine.length === 0
            ? html`<p class="hint">No sets saved yet.</p>`
            : html`<ul class="set-list" data-testid="my-sets">
              ${v.mine.map(
                (s) => html`<li>
                  <strong>${s.name}</strong> · ${s.rounds} rounds, ${s.spirals} traced
                  <a href=${`/?set=${s.id}`}>Play</a>
                  <button type="button" class="small" @click=${() => act.load(s.id)}>Edit a copy</button>
                  <button type="button" class="small" @click=${() => act.share(s.id)}>
                    ${s.share ? "New share link" : "Share with a teacher"}
                  </button>
                  ${
                    s.share
                      ? html`<input class="share-link" readonly aria-label="Share link (for teachers)" .value=${`${location.origin}/create?shared=${s.share}`} />`
                      : nothing
                  }
                  <button type="button" class="small danger" @click=${() => act.remove(s.id)}>Delete</button>
                </li>`,
              )}
            </ul>`
      }
    </section>
  `;
}
