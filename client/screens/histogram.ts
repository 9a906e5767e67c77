// The live histogram of locked picks: how many players locked in at each detail level (counts
// only, from `pickCounts`). One element (#pick-histogram) moves between the tuning panel and the
// projector view.
import { byId, h } from "../dom";
import { MAX_LEVEL } from "../../shared/ladder-levels";

let shownKey = "";

export function renderHistogram(counts: number[] | undefined, playing: number): void {
  const el = byId("pick-histogram");
  const values = Array.from({ length: MAX_LEVEL }, (_, i) => Math.max(0, Math.floor(counts?.[i] ?? 0)));
  const total = values.reduce((a, b) => a + b, 0);
  const key = JSON.stringify([values, playing]);
  if (key === shownKey && el.firstChild) return;
  shownKey = key;
  el.dataset.total = String(total);
  el.dataset.counts = values.join(",");
  const top = Math.max(1, ...values);
  el.setAttribute("role", "img");
  el.setAttribute("aria-label", `Locked picks by detail level: ${values.map((v, i) => `level ${i + 1}: ${v}`).join(", ")}`);
  el.replaceChildren(
    h("p", { class: "histogram-title", text: `Locked picks: ${total} of ${playing}` }),
    h("div", { class: "histogram-bars" },
      ...values.map((v, i) => {
        const bar = h("div", { class: `histogram-bar${v ? "" : " empty"}` });
        bar.style.height = `${(v / top) * 100}%`;
        return h("div", { class: "histogram-col", attrs: { "data-level": String(i + 1), "data-count": String(v) } },
          h("span", { class: "histogram-count", text: v ? String(v) : "" }),
          h("div", { class: "histogram-track" }, bar),
          h("span", { class: "histogram-level", text: String(i + 1) }));
      })),
    h("p", { class: "histogram-axis", text: "detail level" }),
  );
}
