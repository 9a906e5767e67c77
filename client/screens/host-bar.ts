// The host's bar during a match: Pause / Resume and Reveal now (tuning), Next (reveal, in the
// projector view; the reveal screen has its own), End match (asked first), the results as CSV
// (reveal and podium), the projector toggle, and "Players & room" (kick, live picks, visibility,
// lock). Spectators on a projector see only the toggle (to leave the projector view).
import { html, render } from "lit-html";
import { ref } from "lit-html/directives/ref.js";
import { slots } from "../placement";
import type { Phase } from "../../shared/protocol";
import type { RoomPort } from "../port";
import { confirmAction } from "../ui";
import { t } from "../i18n/i18n";

export interface HostBarView {
  phase: Phase;
  paused: boolean;
  isHost: boolean;
  /** A solo room (daily, homework): its one player steers nothing. */
  solo: boolean;
  projector: boolean;
  lastRound: boolean;
  matchId: string;
  code: string;
  toggleProjector(): void;
  /** The port in use now (End match asks first: the answer must reach the same room). */
  current(): RoomPort | undefined;
}

function endMatch(port: RoomPort, current: () => RoomPort | undefined): void {
  void confirmAction(t("room.endMatchQuestion"), t("room.endMatch")).then((ok) => {
    if (ok && current() === port) port.send("endMatch", {});
  });
}

export function renderHostBar(v: HostBarView, port: RoomPort, bar: HTMLElement): void {
  const { phase, isHost, projector } = v;
  const inMatch = phase === "training" || phase === "tuning" || phase === "reveal";
  const canDownload = isHost && Boolean(v.matchId) && (phase === "reveal" || phase === "podium");
  bar.hidden = !((isHost && !v.solo) || projector);
  render(
    html`
    <span id="host-label" class="host-label" ?hidden=${!isHost}>${t("room.hostLabel")}</span>
    <button id="host-start" type="button" class="primary" ?hidden=${!(isHost && projector && phase === "lobby")}
      @click=${() => port.send("start", {})}>${t("room.start")}</button>
    <button id="pause-match" data-testid="pause-match" type="button" ?hidden=${!(isHost && phase === "tuning")}
      aria-pressed=${String(v.paused)} @click=${() => port.send("pause", { paused: !v.paused })}>${v.paused ? t("room.resume") : t("room.pause")}</button>
    <button id="skip-round" data-testid="skip-round" type="button" ?hidden=${!(isHost && phase === "tuning")}
      title=${t("room.revealNowTitle")} @click=${() => port.send("skip", {})}>${t("room.revealNow")}</button>
    <button id="host-next" type="button" class="primary" ?hidden=${!(isHost && projector && phase === "reveal")}
      @click=${() => port.send("next", {})}>${v.lastRound ? t("room.toPodium") : t("room.nextRound")}</button>
    <a id="download-csv" data-testid="download-csv" class="button-link" ?hidden=${!canDownload}
      href=${canDownload ? `/api/matches/${v.matchId}.csv` : ""}
      download=${canDownload ? `shell-galaxy-${v.code}-${v.matchId.slice(0, 8)}.csv` : ""}>${t("room.resultsCsv")}</a>
    <button id="end-match" data-testid="end-match" type="button" class="danger" ?hidden=${!(isHost && inMatch)}
      @click=${() => endMatch(port, v.current)}>${t("room.endMatch")}</button>
    <button id="projector-toggle" data-testid="projector-toggle" type="button" aria-pressed=${String(projector)}
      ?hidden=${!(isHost || projector)} @click=${v.toggleProjector}>${projector ? t("room.exitProjector") : t("room.projectorView")}</button>
    <details id="host-tools" ?hidden=${!(isHost && (inMatch || phase === "podium" || projector))}>
      <summary>${t("room.playersAndRoom")}</summary>
      <div id="host-tools-body" class="host-tools-body">
        <div id="host-players-slot" ${ref(slots.hostPlayers)}></div>
        <div id="host-room-slot" ${ref(slots.hostRoom)}></div>
      </div>
    </details>`,
    bar,
  );
}
