// The host's bar during a match: Pause / Resume and Reveal now (tuning), Next (reveal, in the
// projector view; the reveal screen has its own), End match (asked first), the results as CSV
// (reveal and podium), the projector toggle, and "Players & room" (kick, live picks, visibility,
// lock). Spectators on a projector see only the toggle (to leave the projector view).
import { byId, setText, show } from "../dom";
import { send, type MatchRoom } from "../net";
import type { MatchState } from "../../server/state";
import { confirmAction } from "../ui";

let room: MatchRoom | undefined;
let paused = false;

export interface HostBarActions {
  toggleProjector(): void;
}

export function initHostBar(actions: HostBarActions): void {
  byId("host-start").addEventListener("click", () => { if (room) send(room, "start", {}); });
  byId("pause-match").addEventListener("click", () => { if (room) send(room, "pause", { paused: !paused }); });
  byId("skip-round").addEventListener("click", () => { if (room) send(room, "skip", {}); });
  byId("host-next").addEventListener("click", () => { if (room) send(room, "next", {}); });
  byId("end-match").addEventListener("click", () => {
    const target = room;
    if (!target) return;
    void confirmAction("End the match now? It goes straight to the podium; a round not yet revealed is not scored.", "End match").then((ok) => {
      if (ok && room === target) send(target, "endMatch", {});
    });
  });
  byId("projector-toggle").addEventListener("click", () => actions.toggleProjector());
}

export function renderHostBar(r: MatchRoom, state: MatchState, isHost: boolean, projector: boolean): void {
  room = r;
  const phase = state.phase;
  const inMatch = phase === "training" || phase === "tuning" || phase === "reveal";
  paused = state.paused === true;
  const daily = state.mode === "daily";
  show(byId("host-bar"), (isHost && !daily) || projector);
  show(byId("host-label"), isHost);
  show(byId("host-start"), isHost && projector && phase === "lobby");
  show(byId("pause-match"), isHost && phase === "tuning");
  setText(byId("pause-match"), paused ? "Resume" : "Pause");
  byId("pause-match").setAttribute("aria-pressed", String(paused));
  show(byId("skip-round"), isHost && phase === "tuning");
  show(byId("host-next"), isHost && projector && phase === "reveal");
  setText(byId("host-next"), state.round >= state.rounds ? "To the podium" : "Next round");
  show(byId("end-match"), isHost && inMatch);
  const csv = byId<HTMLAnchorElement>("download-csv");
  const canDownload = isHost && Boolean(state.matchId) && (phase === "reveal" || phase === "podium");
  show(csv, canDownload);
  if (canDownload) {
    const href = `/api/matches/${state.matchId}.csv`;
    if (csv.getAttribute("href") !== href) csv.setAttribute("href", href);
    csv.setAttribute("download", `shell-galaxy-${state.code}-${state.matchId.slice(0, 8)}.csv`);
  }
  show(byId("projector-toggle"), isHost || projector);
  setText(byId("projector-toggle"), projector ? "Exit projector" : "Projector view");
  byId("projector-toggle").setAttribute("aria-pressed", String(projector));
  // During a match (or on the projector) the player list and room settings live here.
  show(byId("host-tools"), isHost && (inMatch || phase === "podium" || projector));
}
