// The facts beside a spiral's picture: its name and what it is, then (opened on demand) its pitch
// and where the figures come from — from the catalog (shared/spiral-art.ts captionOf). And the
// picture / data toggle, remembered (client/scene/pictures/mode.ts).
import { html, nothing, type TemplateResult } from "lit-html";
import { captionOf } from "../../shared/spiral-art";
import { entryFor } from "../scene/pictures";
import { picturesShown, setPicturesShown } from "../scene/pictures/mode";

/** "A: Chambered nautilus — a cephalopod …", with the figures behind a summary. */
export function captionTemplate(label: string, name: string | undefined, id = "spiral-caption"): TemplateResult {
  const entry = entryFor(name);
  if (!entry) return html``;
  const c = captionOf(entry);
  return html`<div id=${id} class="spiral-caption small" data-testid=${id}>
    <strong>${label}: ${entry.name}.</strong> ${c.what}
    <details><summary>Pitch and sources</summary><p class="muted">${c.pitch} ${c.source}</p></details>
  </div>`;
}

/** The picture / data toggle (a pressed button means the picture is shown). */
export function pictureToggle(redraw: () => void): TemplateResult | typeof nothing {
  const shown = picturesShown();
  return html`<button id="picture-toggle" data-testid="picture-toggle" class="picture-toggle small" type="button"
    aria-pressed=${shown ? "true" : "false"} title="Show the spiral's object behind its points, or the points only"
    @click=${() => {
      setPicturesShown(!picturesShown());
      redraw();
    }}>${shown ? "Picture on · show the data only" : "Data only · show the picture"}</button>`;
}
