// Plain reads of the synchronised room state for the game's screens and the spectator pages:
// players in leaderboard order, me, the host, rank movement. No DOM here.
import type { MatchState, Player } from "../shared/state";
import { formatNumber, t } from "./i18n/i18n";

export interface PlayerRow {
  id: string;
  name: string;
  seat: number;
  points: number;
  roundPoints: number;
  rank: number;
  previousRank: number;
  playing: boolean;
  locked: boolean;
  connected: boolean;
  revealedPick: number;
  isHost: boolean;
  isMe: boolean;
}

/** The room's players in leaderboard order; `me` is this client's session id ("" on a spectator page). */
export function playerRows(state: MatchState, me = ""): PlayerRow[] {
  const rows: PlayerRow[] = [];
  state.players?.forEach((p: Player, id: string) => {
    rows.push({
      // Numbers the server has not set yet arrive as undefined: read them as 0.
      id,
      name: p.name ?? "",
      seat: num(p.seat),
      points: num(p.points),
      roundPoints: num(p.roundPoints),
      rank: num(p.rank),
      previousRank: num(p.previousRank),
      playing: p.playing === true,
      locked: p.locked === true,
      connected: p.connected !== false,
      revealedPick: num(p.revealedPick),
      isHost: id === state.hostId,
      isMe: Boolean(me) && id === me,
    });
  });
  // The server's rank first; most points then earliest seat when ranks are not set yet.
  return rows.sort((a, b) => (a.rank || 1e9) - (b.rank || 1e9) || b.points - a.points || a.seat - b.seat);
}

/** "▲2", "▼1", "–" or "" (no previous rank yet). */
export interface Movement {
  symbol: string;
  label: string;
  kind: "up" | "down" | "same" | "new";
}

export function movement(row: Pick<PlayerRow, "rank" | "previousRank">): Movement {
  if (!row.previousRank || !row.rank) return { symbol: "", label: "", kind: "new" };
  const delta = row.previousRank - row.rank;
  if (delta > 0) return { symbol: `▲${formatNumber(delta)}`, label: t("tuning.movedUp", { count: delta }), kind: "up" };
  if (delta < 0)
    return { symbol: `▼${formatNumber(-delta)}`, label: t("tuning.movedDown", { count: -delta }), kind: "down" };
  return { symbol: "–", label: t("tuning.samePlace"), kind: "same" };
}

/** Points (and ranks) as the game writes them: no grouping (2100), in the page's digits. */
export const formatPoints = (n: number): string => formatNumber(n, { useGrouping: false });

/** An error as players read it: four decimals (0.0412), in the page's language. */
export function formatError(v: number): string {
  return formatNumber(v, { minimumFractionDigits: 4, maximumFractionDigits: 4, useGrouping: false });
}

/** "42 s", or "1:05" from a minute on. */
export function formatSeconds(s: number): string {
  return s >= 60
    ? `${formatNumber(Math.floor(s / 60))}:${formatNumber(s % 60, { minimumIntegerDigits: 2 })}`
    : t("tuning.seconds", { seconds: s });
}

/** A schema number the server may not have set yet (undefined until first assigned). */
export function num(v: number | undefined): number {
  return typeof v === "number" && Number.isFinite(v) ? v : 0;
}
