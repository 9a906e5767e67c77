// The live region's sentences for the phases the page shows (lobby, training, podium); tuning and
// the reveal announce themselves (./tuning, ./reveal), so solo practice gets them too.
import type { MatchState } from "../../shared/state";
import type { Phase } from "../../shared/protocol";
import { announce } from "../feel";
import { num, type PlayerRow } from "../view-model";

const ordinal = (n: number) =>
  `${n}${["th", "st", "nd", "rd"][n % 100 > 10 && n % 100 < 14 ? 0 : Math.min(n % 10, 4) % 4] ?? "th"}`;

export function announcePhase(phase: Phase, state: MatchState, rows: PlayerRow[], isHost: boolean): void {
  const me = rows.find((r) => r.isMe);
  switch (phase) {
    case "lobby":
      announce(
        `Lobby of room ${state.code}: ${rows.length} ${rows.length === 1 ? "player" : "players"}. ${isHost ? "You are the host: set the match up and start it." : "Waiting for the host to start."}`,
      );
      break;
    case "training":
      announce(`Round ${state.round} of ${state.rounds}: the model is training. Get ready to pick a detail level.`);
      break;
    case "podium":
      announce(
        `Match over. ${me ? `You finished ${ordinal(me.rank || rows.indexOf(me) + 1)} of ${rows.length} with ${me.points} points. ` : ""}${rows[0] ? `Winner: ${rows[0].name} with ${num(rows[0].points)} points.` : ""}`,
      );
      break;
  }
}
