// The facts beside a spiral's picture: its name and what it is, then (opened on demand) its pitch
// and where the figures come from — from the catalog's facts, worded in the page's language. And the
// picture / data toggle, remembered (client/scene/pictures/mode.ts).
import { html, nothing, type TemplateResult } from "lit-html";
import type { SpiralEntry } from "../../shared/catalog";
import { shortCitation } from "../../shared/spiral-art";
import { t, tHtml } from "../i18n/i18n";
import { spiralAbout, spiralBumps, spiralName } from "../i18n/spiral-names";
import { entryFor } from "../scene/pictures";
import { picturesShown, setPicturesShown } from "../scene/pictures/mode";

/**
 * The caption's facts in the page's language: what it is, its pitch (measured or our estimate) and
 * where the figures come from.
 */
export function captionFacts(entry: SpiralEntry): { what: string; pitch: string; source: unknown[] } {
  const arms =
    entry.arms > 1
      ? t(entry.kind === "plant" ? "lesson.captionRows" : "lesson.captionArms", { count: entry.arms })
      : "";
  return {
    what: spiralAbout(entry),
    pitch: t("lesson.captionPitch", {
      type: entry.spiralType,
      pitch: Number(entry.pitchDeg.value.toFixed(1)),
      estimate: entry.pitchDeg.estimate ? "yes" : "no",
      arms,
      bumps: spiralBumps(entry),
    }),
    // The citation is authors' names: marked so that nothing translates it.
    source: tHtml("lesson.captionSource", {
      citation: html`<cite translate="no">${shortCitation(entry)}</cite>`,
      estimates: entry.pitchDeg.estimate || entry.turns.estimate ? "yes" : "no",
    }),
  };
}

/** "A: Chambered nautilus — a cephalopod …", with the figures behind a summary. */
export function captionTemplate(label: string, name: string | undefined, id = "spiral-caption"): TemplateResult {
  const entry = entryFor(name);
  if (!entry) return html``;
  const c = captionFacts(entry);
  return html`<div id=${id} class="spiral-caption small" data-testid=${id}>
    <strong>${t("lesson.captionName", { label, name: spiralName(entry.name) })}</strong> ${c.what}
    <details><summary>${t("lesson.pitchAndSources")}</summary><p class="muted">${c.pitch} ${c.source}</p></details>
  </div>`;
}

/** The picture / data toggle (a pressed button means the picture is shown). */
export function pictureToggle(redraw: () => void): TemplateResult | typeof nothing {
  const shown = picturesShown();
  return html`<button id="picture-toggle" data-testid="picture-toggle" class="picture-toggle small" type="button"
    aria-pressed=${shown ? "true" : "false"} title=${t("lesson.pictureToggleTitle")}
    @click=${() => {
      setPicturesShown(!picturesShown());
      redraw();
    }}>${t(shown ? "lesson.pictureOn" : "lesson.pictureOff")}</button>`;
}
