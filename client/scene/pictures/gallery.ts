// "The spirals": every catalog entry's picture with its caption (what it is, its pitch, where the
// figures come from), its points laid over it on a second canvas. Loaded when opened (home page).
import { html, render } from "lit-html";
import { CATALOG } from "../../../shared/spirals";
import { captionFacts } from "../../screens/spiral-caption";
import { onLanguageChange, t } from "../../i18n/i18n";
import { spiralName } from "../../i18n/spiral-names";
import { paintPicture } from "./index";
import { sampleArm } from "./sample";

const SIDE = 360;

/** The galleries on screen, drawn again in the language the player picks. */
const shown = new Set<HTMLElement>();
let listening = false;

export function renderGallery(root: HTMLElement): void {
  shown.add(root);
  if (!listening) {
    listening = true;
    onLanguageChange(() => {
      for (const box of shown) {
        if (box.isConnected) renderGallery(box);
        else shown.delete(box);
      }
    });
  }
  root.textContent = "";
  const grid = document.createElement("div");
  grid.className = "spiral-gallery-grid";
  root.append(grid);
  CATALOG.spirals.forEach((entry, i) => {
    const figure = document.createElement("figure");
    figure.className = "spiral-card";
    figure.dataset.testid = "spiral-card";
    figure.dataset.id = entry.id;
    figure.dataset.kind = entry.kind;
    const box = document.createElement("div");
    box.className = "spiral-card-picture";
    const picture = document.createElement("canvas");
    picture.width = picture.height = SIDE;
    picture.className = "spiral-card-object";
    picture.setAttribute("role", "img");
    picture.setAttribute("aria-label", t("lesson.galleryPicture", { name: spiralName(entry.name) }));
    const dots = document.createElement("canvas");
    dots.width = dots.height = SIDE;
    dots.className = "spiral-card-points";
    dots.setAttribute("aria-hidden", "true");
    box.append(picture, dots);
    const arm = sampleArm(entry, (i * 2.39996) % (2 * Math.PI));
    const k = (SIDE / 2) * 0.9;
    paintPicture(picture.getContext("2d")!, {
      kind: entry.kind,
      entry,
      x: arm.x,
      y: arm.y,
      k,
      cx: SIDE / 2,
      cy: SIDE / 2,
      box: { left: 0, top: 0, side: SIDE },
      seed: entry.id,
    });
    const ctx = dots.getContext("2d")!;
    for (let j = 0; j < arm.x.length; j += 2) {
      const x = SIDE / 2 + arm.x[j] * k,
        y = SIDE / 2 - arm.y[j] * k;
      ctx.fillStyle = "rgba(4, 10, 26, 0.85)";
      ctx.beginPath();
      ctx.arc(x, y, 3.6, 0, 2 * Math.PI);
      ctx.fill();
      ctx.fillStyle = "#56b4e9";
      ctx.beginPath();
      ctx.arc(x, y, 2.4, 0, 2 * Math.PI);
      ctx.fill();
    }
    const caption = captionFacts(entry);
    const text = document.createElement("figcaption");
    const name = document.createElement("strong");
    name.textContent = spiralName(entry.name);
    const what = document.createElement("span");
    what.textContent = ` ${caption.what}`;
    const facts = document.createElement("span");
    facts.className = "small muted spiral-card-facts";
    render(html`${caption.pitch} ${caption.source}`, facts);
    text.append(name, what, document.createElement("br"), facts);
    figure.append(box, text);
    grid.append(figure);
  });
}
