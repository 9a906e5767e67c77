// The classroom's parts around the screens: the host bar, the player list and room settings
// (in the lobby card, else in the host's panel), live picks, the shake-up, the daily result and
// the homework attempt's line.
// Each is one element (one data-testid) placed in one slot per render (./placement).
import type { Phase } from "../shared/protocol";
import { countsNow, type RoomRead } from "./room-views";
import { movable, place } from "./placement";
import type { RoomPort } from "./port";
import type { LobbyScreen } from "./screens/lobby";
import { renderPlayers } from "./screens/players";
import { renderHostBar } from "./screens/host-bar";
import { renderDaily } from "./screens/daily";
import { renderHomeworkNotice } from "./screens/homework-notice";
import { renderHistogram } from "./screens/histogram";
import { renderShakeUp } from "./screens/shake-up";
import { toggleProjector } from "./session/projector";
import { t } from "./i18n/i18n";

export interface ClassroomParts {
  lobby: LobbyScreen;
  /** The room settings' element: the lobby screen draws into it, this places it. */
  roomSettings: HTMLElement;
  /** The daily challenge's result region. */
  daily: HTMLElement;
  /** The homework attempt's line. */
  homework: HTMLElement;
  /** The room's current port (undefined once home: a question asked in a room answers nothing). */
  port: () => RoomPort | undefined;
}

export function createClassroom(parts: ClassroomParts) {
  const hostBar = movable("div", { id: "host-bar", class: "host-bar", hidden: "" });
  const playerList = movable("ul", { id: "player-list", class: "player-list", "data-testid": "player-list" });
  const histogram = movable("div", {
    id: "pick-histogram",
    class: "histogram",
    "data-testid": "pick-histogram",
    hidden: "",
  });
  const shakeBox = movable("div", { id: "shake-up-box", class: "shake-up-box", hidden: "" });

  function draw(r: RoomRead, phase: Phase, p: RoomPort, onProjector: boolean): void {
    const { state, session } = r;
    place(hostBar, onProjector ? "pjHostBar" : "hostBar");
    renderHostBar(
      {
        phase,
        paused: state.paused === true,
        isHost: r.isHost,
        solo: session.mode !== "match",
        projector: onProjector,
        lastRound: state.round >= state.rounds,
        matchId: state.matchId ?? "",
        code: state.code,
        toggleProjector,
        current: parts.port,
      },
      p,
      hostBar,
    );
    // The player list and the room settings: in the lobby card, else in the host's panel.
    const inLobbyCard = phase === "lobby" && !onProjector;
    place(playerList, inLobbyCard ? "lobbyPlayers" : "hostPlayers");
    place(parts.roomSettings, inLobbyCard ? "lobbyRoom" : "hostRoom");
    renderPlayers(r.rows, r.isHost, p, playerList, parts.port);
    parts.lobby.renderRoomSettings({ state, isHost: r.isHost }, p);

    // Live picks: the counts of locked picks arrive only when the host shows picks live.
    const counts = countsNow(r);
    place(histogram, onProjector ? "pjHistogram" : "tuningHistogram");
    histogram.hidden = !counts;
    if (counts) renderHistogram(counts, state.playingCount ?? 0, histogram);

    // The shake-up: this round's at the reveal, the whole match's at the podium (two players or more).
    const narrow = onProjector || innerWidth < 560;
    const reveal = session.reveal?.round === state.round ? session.reveal : undefined;
    const shake = phase === "reveal" ? reveal?.shakeUp : phase === "podium" ? session.podium?.shakeUp : undefined;
    const columns =
      phase === "reveal"
        ? narrow
          ? { left: t("classroom.fitToA"), right: t("classroom.fitToB") }
          : { left: t("classroom.rankByFitToA"), right: t("classroom.rankByFitToB") }
        : narrow
          ? { left: t("classroom.ifScoredOnA"), right: t("classroom.finalOnB") }
          : { left: t("classroom.rankIfScoredOnA"), right: t("classroom.finalRankOnB") };
    if (phase === "reveal") place(shakeBox, onProjector ? "pjRevealShake" : "revealShake");
    if (phase === "podium") place(shakeBox, onProjector ? "pjPodiumShake" : "podiumShake");
    const showShake = Boolean(shake && shake.rows.length >= 2);
    shakeBox.hidden = !showShake;
    if (shake && showShake) {
      const maxRows = onProjector ? (phase === "reveal" ? 6 : 14) : 60;
      renderShakeUp(shakeBox, shake, { ...columns, me: p.me, maxRows, projector: onProjector });
    }
    renderDaily(session.mode === "daily" ? session.daily : undefined, parts.daily);
    const homework = session.mode === "homework" ? session.homework : undefined;
    renderHomeworkNotice(
      homework && { homework, phase, round: state.round, points: r.mine?.points ?? 0 },
      parts.homework,
    );
  }

  /** Out of a room (home, practice): none of the classroom's parts show. */
  function hide(): void {
    hostBar.hidden = true;
    histogram.hidden = true;
    shakeBox.hidden = true;
    renderDaily(undefined, parts.daily);
    renderHomeworkNotice(undefined, parts.homework);
  }

  return { draw, hide };
}
