// The leaderboard in rank order, with round points, picks and movement since the last reveal.
import { html, render } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { formatPoints, movement, type PlayerRow } from "../view-model";
import { formatNumber, t } from "../i18n/i18n";

export function renderLeaderboard(rows: PlayerRow[], withRound: boolean, root: HTMLElement): void {
  render(
    html`
    <h2>${t("reveal.leaderboard")}</h2>
    <ol id="leaderboard" class="leaderboard" data-testid="leaderboard">${repeat(
      rows,
      (p) => p.id,
      (p) => {
        const move = movement(p);
        const detail =
          withRound && p.revealedPick
            ? t("reveal.leaderboardDetail", { level: p.revealedPick, points: p.roundPoints })
            : "";
        return html`<li class="leaderboard-row${p.isMe ? " me" : ""}" data-testid="leaderboard-row" data-name=${p.name}
      data-points=${p.points}><span class="rank">${p.rank ? formatNumber(p.rank) : "–"}</span><span class="move ${move.kind}" title=${move.label}
      aria-label=${move.label}>${move.symbol}</span><span class="who"><span class="name">${p.isMe ? t("reveal.nameYou", { name: p.name }) : p.name}</span
      ><span class="detail">${detail}</span></span><span class="points">${formatPoints(p.points)}</span></li>`;
      },
    )}</ol>`,
    root,
  );
}
