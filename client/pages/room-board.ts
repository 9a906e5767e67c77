// A watched room's leaderboard from its synchronised state: the players in rank order, as
// `board-row` items (data-name, data-points), shared by /watch and /leaderboard?room=CODE.
import type { MatchState, Player } from "../../server/state";
import { h, renderOnce } from "./dom";

export interface BoardPlayer {
  id: string;
  name: string;
  points: number;
  roundPoints: number;
  rank: number;
  previousRank: number;
  seat: number;
  playing: boolean;
  locked: boolean;
  connected: boolean;
  revealedPick: number;
  isHost: boolean;
}

const n = (v: number | undefined) => (typeof v === "number" && Number.isFinite(v) ? v : 0);

export function boardPlayers(state: MatchState): BoardPlayer[] {
  const rows: BoardPlayer[] = [];
  state.players?.forEach((p: Player, id: string) => {
    rows.push({
      id, name: p.name ?? "", points: n(p.points), roundPoints: n(p.roundPoints), rank: n(p.rank), previousRank: n(p.previousRank),
      seat: n(p.seat), playing: p.playing === true, locked: p.locked === true, connected: p.connected !== false,
      revealedPick: n(p.revealedPick), isHost: id === state.hostId,
    });
  });
  // The server's rank first; then most points, then the earliest seat (ranks unset in the lobby).
  return rows.sort((a, b) => (a.rank || 1e9) - (b.rank || 1e9) || b.points - a.points || a.seat - b.seat);
}

function movement(p: BoardPlayer): { symbol: string; label: string; kind: string } {
  if (!p.previousRank || !p.rank) return { symbol: "", label: "", kind: "new" };
  const d = p.previousRank - p.rank;
  if (d > 0) return { symbol: `▲${d}`, label: `up ${d}`, kind: "up" };
  if (d < 0) return { symbol: `▼${-d}`, label: `down ${-d}`, kind: "down" };
  return { symbol: "–", label: "same place", kind: "same" };
}

/**
 * Renders the players into `list` (a <ol>/<ul>); touches the DOM only when something shown changed.
 * `phase` decides the detail line: who locked in during tuning, the revealed pick after a reveal.
 */
export function renderRoomBoard(list: HTMLElement, state: MatchState, empty: string): void {
  const players = boardPlayers(state);
  const phase = state.phase ?? "lobby";
  const detail = (p: BoardPlayer): string => {
    const parts: string[] = [];
    if (p.isHost) parts.push("host");
    if (!p.connected) parts.push("offline");
    if (!p.playing && phase !== "lobby") parts.push("plays next round");
    else if (phase === "tuning") parts.push(p.locked ? "locked in" : "choosing…");
    else if ((phase === "reveal" || phase === "podium") && p.revealedPick) parts.push(`level ${p.revealedPick} · +${p.roundPoints}`);
    return parts.join(" · ");
  };
  const key = JSON.stringify([phase, players.map((p) => [p.name, p.points, p.rank, p.previousRank, detail(p)])]);
  renderOnce(list, key, () => {
    if (!players.length) return [h("li", { class: "empty-state", text: empty })];
    return players.map((p) => {
      const move = movement(p);
      return h("li", { class: `leaderboard-row${p.connected ? "" : " offline"}`, attrs: { "data-testid": "board-row", "data-name": p.name, "data-points": String(p.points), "data-rank": String(p.rank) } },
        h("span", { class: "rank", text: p.rank ? String(p.rank) : "–" }),
        h("span", { class: `move ${move.kind}`, text: move.symbol, attrs: move.label ? { title: move.label, "aria-label": move.label } : {} }),
        h("span", { class: "who" },
          h("span", { class: "name", text: p.name }),
          h("span", { class: "detail", text: detail(p) })),
        h("span", { class: "points", text: String(p.points) }),
      );
    });
  });
}
