// A watched room's players in rank order, as `board-row` items (data-name, data-points, data-rank):
// the live board of /watch and of /leaderboard?room=CODE. The detail line follows the phase: who
// has locked in while tuning, each revealed pick after a reveal.
import { html, nothing, type TemplateResult } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import type { MatchState } from "../../shared/state";
import { formatNumber, t } from "../i18n/i18n";
import { movement, playerRows, type PlayerRow } from "../view-model";

function detail(p: PlayerRow, phase: string): string {
  const parts: string[] = [];
  if (p.isHost) parts.push(t("watch.detailHost"));
  if (!p.connected) parts.push(t("watch.detailOffline"));
  if (!p.playing && phase !== "lobby") parts.push(t("watch.detailPlaysNext"));
  else if (phase === "tuning") parts.push(t(p.locked ? "watch.detailLockedIn" : "watch.detailChoosing"));
  else if ((phase === "reveal" || phase === "podium") && p.revealedPick) {
    parts.push(t("watch.detailPick", { level: p.revealedPick, points: p.roundPoints }));
  }
  return parts.join(" · ");
}

function row(p: PlayerRow, phase: string): TemplateResult {
  const move = movement(p);
  return html`<li class="leaderboard-row ${p.connected ? "" : "offline"}" data-testid="board-row"
      data-name=${p.name} data-points=${p.points} data-rank=${p.rank}>
    <span class="rank">${p.rank ? formatNumber(p.rank) : "–"}</span>
    <span class="move ${move.kind}" title=${move.label || nothing} aria-label=${move.label || nothing}
      >${move.symbol}</span>
    <span class="who"><span class="name">${p.name}</span><span class="detail">${detail(p, phase)}</span></span>
    <span class="points">${formatNumber(p.points)}</span>
  </li>`;
}

/** The board's items (for an <ol>); `empty` says why there is nobody yet. */
export function roomBoard(state: MatchState, empty: string): TemplateResult {
  const phase = state.phase ?? "lobby";
  const rows = playerRows(state);
  if (!rows.length) return html`<li class="empty-state">${empty}</li>`;
  return html`${repeat(
    rows,
    (p) => p.id,
    (p) => row(p, phase),
  )}`;
}
