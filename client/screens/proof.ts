// The reveal's two lessons on screen (words in ../reveal-lesson): the proof line ("✓ Verified: B
// was fixed before anyone picked", with a "how?" and the replay link) and the gaps box (the
// training → validation and validation → hidden gaps of the picked and the best level, one
// sentence each, with three mini bars per level on one scale). Used by the game screen, the
// projector (compact: no bars, the three errors on one line) and solo practice.
import { html, nothing, type TemplateResult } from "lit-html";
import type { GapRow, Proof } from "../reveal-lesson";
import { formatError } from "../view-model";
import { t, tHtml } from "../i18n/i18n";
import { localTime } from "../daily-proof";

export interface ProofOptions {
  /** The replay link opens in a new tab (a live room: the seat stays where it is). */
  newTab?: boolean;
  /** No "how?" and no link (the projector). */
  compact?: boolean;
}

/** The proof line (its box carries `data-verified`, set by the caller's template). */
export function proofTemplate(proof: Proof, options: ProofOptions = {}): TemplateResult {
  // The daily's pending line links its day's leaderboard (homework's has no board).
  const pending = proof.state === "pending" && proof.date !== undefined && !options.compact;
  const board = `/leaderboard${proof.date ? `?date=${encodeURIComponent(proof.date)}` : ""}`;
  const text = pending
    ? html`${tHtml("lesson.pendingDay", {
        when: localTime(proof.after ?? ""),
        board: html`<a href=${board}>${t("lesson.onTheLeaderboard")}</a>`,
      })}`
    : proof.text;
  const verdict = html`<p class="proof-verdict ${proof.state}" data-verified=${proof.state} title=${proof.how}
    data-testid=${options.compact ? nothing : "reveal-verified"}>${text}</p>`;
  if (options.compact) return verdict;
  const replay = proof.replay
    ? html`<a class="replay-link" href=${proof.replay} data-testid="replay-link"
    title=${t("lesson.replayTitle")}
    target=${options.newTab ? "_blank" : nothing} rel=${options.newTab ? "noopener" : nothing}>${t("lesson.replay")}</a>`
    : nothing;
  // No whitespace between the parts: the box's text is exactly theirs.
  return html`${verdict}<details class="proof-how"><summary>${t("lesson.how")}</summary><p class="small">${proof.how}</p></details>${replay}`;
}

const BARS = [
  { key: "train", label: "lesson.barTraining" },
  { key: "validation", label: "lesson.barValidation" },
  { key: "hidden", label: "lesson.barHidden" },
] as const;

/** The gaps of each row (its box is hidden by the caller when there are none). */
export function gapsTemplate(rows: GapRow[], options: { compact?: boolean } = {}): TemplateResult {
  // One scale for every bar, so the levels compare at a glance.
  const top = Math.max(1e-9, ...rows.flatMap((r) => [r.train ?? 0, r.validation, r.hidden]));
  const title = options.compact
    ? html`<p class="gaps-title">${t("lesson.gapsTitle")}</p>`
    : html`<h3 class="gaps-title">${t("lesson.gapsTitle")}</h3>`;
  const row = (r: GapRow) => {
    const bars = BARS.filter((b) => r[b.key] !== undefined);
    return html`<div class="gap-row ${r.kind}" data-testid=${options.compact ? "pj-gap-row" : "gap-row"} data-kind=${r.kind}
      data-level=${r.level}>
      <p class="gap-head"><strong>${r.title}</strong></p>
      ${
        options.compact
          ? // Compact (the projector): the three errors on one line instead of the bars, so the strip stays low.
            html`<p class="gap-values">${bars
              .map((b) => t("lesson.barValue", { label: t(b.label), error: formatError(r[b.key]!) }))
              .join(" → ")}</p>`
          : html`<div class="gap-bars" aria-hidden="true">${bars.map(
              (b) => html`<div class="gap-bar ${b.key}">
          <span class="gap-bar-label">${t(b.label)}</span>
          <span class="gap-bar-track"><span class="gap-bar-fill"
            style="width: ${Math.max(1, (100 * r[b.key]!) / top).toFixed(1)}%"></span></span>
          <span class="gap-bar-value">${formatError(r[b.key]!)}</span></div>`,
            )}</div>`
      }
      ${r.noise ? html`<p class="gap-sentence" data-gap="noise">${r.noise}</p>` : nothing}
      <p class="gap-sentence" data-gap="bumps">${r.bumps}</p>
    </div>`;
  };
  return html`${title}<div class="gap-rows">${rows.map(row)}</div>`;
}
