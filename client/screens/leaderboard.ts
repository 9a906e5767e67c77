// The leaderboard in rank order, with round points, picks and movement since the last reveal.
import { byId, h } from "../dom";
import { movement, type PlayerRow } from "../view-model";

export function renderLeaderboard(rows: PlayerRow[], withRound: boolean): void {
  const items = rows.map((p) => {
    const move = movement(p);
    const li = h("li", { class: `leaderboard-row${p.isMe ? " me" : ""}`, attrs: { "data-testid": "leaderboard-row", "data-name": p.name, "data-points": String(p.points) } },
      h("span", { class: "rank", text: String(p.rank || "–") }),
      h("span", { class: `move ${move.kind}`, text: move.symbol, attrs: { title: move.label, "aria-label": move.label } }),
      h("span", { class: "who" },
        h("span", { class: "name", text: p.name + (p.isMe ? " (you)" : "") }),
        h("span", { class: "detail", text: withRound && p.revealedPick ? `level ${p.revealedPick} · +${p.roundPoints}` : "" })),
      h("span", { class: "points", text: String(p.points) }),
    );
    return li;
  });
  byId("leaderboard").replaceChildren(...items);
}
