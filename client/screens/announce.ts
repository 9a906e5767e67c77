// The live region's sentences for the phases the page shows (lobby, training, podium); tuning and
// the reveal announce themselves (./tuning, ./reveal), so solo practice gets them too.
import type { MatchState } from "../../shared/state";
import type { Phase } from "../../shared/protocol";
import { announce } from "../feel";
import { num, type PlayerRow } from "../view-model";
import { t } from "../i18n/i18n";

export function announcePhase(phase: Phase, state: MatchState, rows: PlayerRow[], isHost: boolean): void {
  const me = rows.find((r) => r.isMe);
  switch (phase) {
    case "lobby":
      announce(
        t(isHost ? "room.announceLobbyHost" : "room.announceLobbyGuest", { code: state.code, count: rows.length }),
      );
      break;
    case "training":
      announce(t("room.announceTraining", { round: state.round, rounds: state.rounds }));
      break;
    case "podium":
      announce(
        [
          t("room.announceMatchOver"),
          me
            ? t("room.announceYouFinished", {
                rank: me.rank || rows.indexOf(me) + 1,
                count: rows.length,
                points: num(me.points),
              })
            : "",
          rows[0] ? t("room.announceWinner", { name: rows[0].name, points: num(rows[0].points) }) : "",
        ]
          .filter(Boolean)
          .join(" "),
      );
      break;
  }
}
