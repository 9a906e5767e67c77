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
import { t, tHtml } from "../i18n/i18n";
import { kindName, spiralName } from "../i18n/spiral-names";

export interface DraftRound {
  a: SpiralRef;
  b: SpiralRef;
  relation: "" | (typeof RELATIONS)[number];
  cue: string;
}

/** What is wrong with the set or a spiral: its words (made when drawn, in the language shown) and its field. */
export interface SetProblemView {
  text: () => string;
  field: string;
}

export interface BuilderView {
  name: string;
  spirals: TracedSpiral[];
  rounds: DraftRound[];
  problem?: SetProblemView;
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
          ? html`<optgroup label=${t("create.groupTraced")}>
            ${v.spirals.map(
              (s, i) =>
                html`<option value=${`traced:${i}`} ?selected=${chosen === `traced:${i}`}>${t("create.tracedOption", { name: s.name })}</option>`,
            )}
          </optgroup>`
          : nothing
      }
      <optgroup label=${t("create.groupCatalog")}>
        ${CATALOG.spirals.map(
          (s) =>
            html`<option value=${`catalog:${s.id}`} ?selected=${chosen === `catalog:${s.id}`}>${t("create.catalogOption", { name: spiralName(s.name), kind: kindName(s.kind) })}</option>`,
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
      <h2 id="set-title">${t("create.setTitle")}</h2>
      <label class="set-name ${fieldIs("name") ? "invalid" : ""}"
        >${t("create.setName")}
        <input
          data-testid="set-name"
          maxlength="60"
          .value=${v.name}
          @input=${(e: Event) => act.rename((e.target as HTMLInputElement).value)}
      /></label>
      <h3>${t("create.tracedTitle", { count: v.spirals.length, max: SET_LIMITS.maxSpirals })}</h3>
      ${
        v.spirals.length === 0
          ? html`<p class="hint">${t("create.noTraced")}</p>`
          : html`<ul class="traced-list" data-testid="traced-list">
            ${v.spirals.map((s, i) => {
              const fit = fitSpiral(s);
              return html`<li>
                <strong>${s.name}</strong>
                ${t("create.tracedItem", {
                  kind: kindName(s.kind),
                  pitch: fit.pitchDeg,
                  turns: fit.turns,
                  points: s.theta.length,
                  cue: s.cue,
                })}
                <button type="button" class="small" @click=${() => act.removeSpiral(i)}>${t("create.remove")}</button>
              </li>`;
            })}
          </ul>`
      }
      <h3>${t("create.roundsTitle", { count: v.rounds.length, max: SET_LIMITS.maxRounds })}</h3>
      <ol class="round-list" data-testid="round-list">
        ${v.rounds.map(
          (r, i) => html`<li class="round-row ${fieldIs(`rounds.${i}.`) ? "invalid" : ""}" data-testid="round-row">
            ${spiralSelect(v, r.a, t("create.sideA"), "round-a", (a) => act.changeRound(i, { a }))}
            ${spiralSelect(v, r.b, t("create.sideB"), "round-b", (b) => act.changeRound(i, { b }))}
            <label
              >${t("create.relation")}
              <select
                data-testid="round-relation"
                @change=${(e: Event) =>
                  act.changeRound(i, { relation: (e.target as HTMLSelectElement).value as DraftRound["relation"] })}
              >
                <option value="" ?selected=${r.relation === ""}>
                  ${t("create.suggestedRelation", { relation: t(`create.relation.${suggested(v, r)}`) })}
                </option>
                ${RELATIONS.map(
                  (rel) =>
                    html`<option value=${rel} ?selected=${r.relation === rel}>${t(`create.relation.${rel}`)}</option>`,
                )}
              </select></label
            >
            <label class="cue"
              >${t("create.roundCue")}
              <input
                data-testid="round-cue"
                maxlength="160"
                placeholder=${t("create.roundCuePlaceholder")}
                .value=${r.cue}
                @input=${(e: Event) => act.changeRound(i, { cue: (e.target as HTMLInputElement).value })}
            /></label>
            <button
              type="button"
              class="small"
              @click=${() => act.removeRound(i)}
              aria-label=${t("create.removeRound", { round: i + 1 })}
            >
              ${t("create.remove")}
            </button>
          </li>`,
        )}
      </ol>
      <button type="button" data-testid="add-round" ?disabled=${v.rounds.length >= SET_LIMITS.maxRounds} @click=${act.addRound}>
        ${t("create.addRound")}
      </button>
      <p class="error set-problem" data-testid="set-problem" role="alert" ?hidden=${!v.problem}>
        ${v.problem ? v.problem.text() : ""}
      </p>
      <div class="row set-actions">
        <button type="button" class="primary" data-testid="save-set" ?disabled=${v.busy} @click=${act.save}>
          ${t("create.saveSet")}
        </button>
        <button type="button" data-testid="export-set" @click=${act.exportJson}>${t("create.exportJson")}</button>
        <label class="button-like"
          >${t("create.importJson")}
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
        <a href=${schemaUrl} class="hint" target="_blank" rel="noopener">${t("create.schemaLink")}</a>
      </div>
      ${
        v.saved
          ? html`<p class="notice" data-testid="set-saved" data-set-id=${v.saved.id}>
            ${tHtml("create.savedSet", {
              name: v.saved.name,
              rounds: v.saved.rounds,
              play: html`<a data-testid="play-set" href=${`/?set=${v.saved.id}`}>${t("create.playInRoom")}</a>`,
            })}
          </p>`
          : nothing
      }
    </section>
    <section class="panel my-sets" aria-labelledby="mine-title">
      <h2 id="mine-title">${t("create.mineTitle")}</h2>
      ${
        !v.mine
          ? html`<p class="hint">${t("create.mineNoKey")}</p>`
          : v.mine.length === 0
            ? html`<p class="hint">${t("create.mineEmpty")}</p>`
            : html`<ul class="set-list" data-testid="my-sets">
              ${v.mine.map(
                (s) => html`<li>
                  <strong>${s.name}</strong> · ${t("create.mineStats", { rounds: s.rounds, spirals: s.spirals })}
                  <a href=${`/?set=${s.id}`}>${t("create.play")}</a>
                  <button type="button" class="small" @click=${() => act.load(s.id)}>${t("create.editCopy")}</button>
                  <button type="button" class="small" @click=${() => act.share(s.id)}>
                    ${s.share ? t("create.newShareLink") : t("create.shareSet")}
                  </button>
                  ${
                    s.share
                      ? html`<input class="share-link" readonly aria-label=${t("create.shareLinkLabel")} .value=${`${location.origin}/create?shared=${s.share}`} />`
                      : nothing
                  }
                  <button type="button" class="small danger" @click=${() => act.remove(s.id)}>${t("create.deleteSet")}</button>
                </li>`,
              )}
            </ul>`
      }
    </section>
  `;
}
