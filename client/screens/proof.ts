// The reveal's two lessons on screen (words in ../reveal-lesson): the proof line ("✓ Verified: B
// was fixed before anyone picked", with a "how?" and the replay link) and the gaps box (the
// training → validation and validation → hidden gaps of the picked and the best level, one
// sentence each, with three mini bars per level on one scale). Used by the game screen, the
// projector (compact: no bars, the three errors on one line) and solo practice.
import { h } from "../dom";
import type { GapRow, Proof } from "../reveal-lesson";
import { formatError } from "../view-model";

export interface ProofOptions {
  /** The replay link opens in a new tab (a live room: the seat stays where it is). */
  newTab?: boolean;
  /** No "how?" and no link (the projector). */
  compact?: boolean;
}

/** Fills `box` with the proof line; redrawn only when the proof changes. */
export function renderProof(box: HTMLElement, proof: Proof, options: ProofOptions = {}): void {
  const key = JSON.stringify([proof, options]);
  if (box.dataset.key === key) return;
  box.dataset.key = key;
  const line = h("p", { class: `proof-verdict ${proof.state}`, attrs: { "data-verified": proof.state, title: proof.how } });
  if (!options.compact) line.dataset.testid = "reveal-verified";
  if (proof.state === "pending" && !options.compact) {
    const board = `/leaderboard${proof.date ? `?date=${encodeURIComponent(proof.date)}` : ""}`;
    line.append(proof.text.replace(/ on the leaderboard\.$/, " "), h("a", { text: "on the leaderboard", attrs: { href: board } }), ".");
  } else {
    line.append(proof.text);
  }
  const parts: Node[] = [line];
  if (!options.compact) {
    parts.push(h("details", { class: "proof-how" }, h("summary", { text: "how?" }), h("p", { class: "small", text: proof.how })));
    if (proof.replay) {
      parts.push(h("a", {
        class: "replay-link", text: "Replay this round",
        attrs: {
          href: proof.replay, "data-testid": "replay-link", title: "Plays this very round again in solo practice: the same A, the same B, every level",
          ...(options.newTab ? { target: "_blank", rel: "noopener" } : {}),
        },
      }));
    }
  }
  box.dataset.verified = proof.state;
  box.replaceChildren(...parts);
}

const BARS = [
  { key: "train", label: "training" },
  { key: "validation", label: "validation" },
  { key: "hidden", label: "hidden (B)" },
] as const;

/** Fills `box` with the gaps of each row; redrawn only when they change. */
export function renderGaps(box: HTMLElement, rows: GapRow[], options: { compact?: boolean } = {}): void {
  const key = JSON.stringify([rows, options]);
  if (box.dataset.key === key) return;
  box.dataset.key = key;
  box.hidden = rows.length === 0;
  // One scale for every bar, so the levels compare at a glance.
  const top = Math.max(1e-9, ...rows.flatMap((r) => [r.train ?? 0, r.validation, r.hidden]));
  box.replaceChildren(
    h(options.compact ? "p" : "h3", { class: "gaps-title", text: "Where the error comes from" }),
    h("div", { class: "gap-rows" }, ...rows.map((r) => h("div", {
      class: `gap-row ${r.kind}`,
      attrs: { "data-testid": options.compact ? "pj-gap-row" : "gap-row", "data-kind": r.kind, "data-level": String(r.level) },
    },
    h("p", { class: "gap-head" }, h("strong", { text: r.title })),
    // Compact (the projector): the three errors on one line instead of the bars, so the strip stays low.
    ...(options.compact ? [h("p", { class: "gap-values", text: BARS.filter((b) => r[b.key] !== undefined).map((b) => `${b.label} ${formatError(r[b.key]!)}`).join(" → ") })] : []),
    ...(options.compact ? [] : [h("div", { class: "gap-bars", attrs: { "aria-hidden": "true" } }, ...BARS.filter((b) => r[b.key] !== undefined).map((b) => {
      const value = r[b.key]!;
      return h("div", { class: `gap-bar ${b.key}` },
        h("span", { class: "gap-bar-label", text: b.label }),
        h("span", { class: "gap-bar-track" }, h("span", { class: "gap-bar-fill", attrs: { style: `width: ${Math.max(1, (100 * value) / top).toFixed(1)}%` } })),
        h("span", { class: "gap-bar-value", text: formatError(value) }));
    }))]),
    ...(r.noise ? [h("p", { class: "gap-sentence", text: r.noise, attrs: { "data-gap": "noise" } })] : []),
    h("p", { class: "gap-sentence", text: r.bumps, attrs: { "data-gap": "bumps" } })))),
  );
}
