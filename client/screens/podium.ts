// Podium: the top three, the full leaderboard below, and Play again for the host.
import { byId, h, show } from "../dom";
import { send, type MatchRoom } from "../net";
import type { PlayerRow } from "../view-model";

let room: MatchRoom | undefined;
const PLACES = ["1st", "2nd", "3rd"];

export function initPodium(): void {
  byId("play-again").addEventListener("click", () => {
    if (room) send(room, "playAgain", {});
  });
}

export function renderPodium(r: MatchRoom, rows: PlayerRow[], isHost: boolean): void {
  room = r;
  byId("top3").replaceChildren(...rows.slice(0, 3).map((p, i) =>
    h("li", { class: `place place-${i + 1}` },
      h("span", { class: "medal", text: PLACES[i] }),
      h("span", { class: "name", text: p.name }),
      h("span", { class: "points", text: `${p.points} pts` }),
    )));
  show(byId("play-again"), isHost);
  show(byId("podium-wait"), !isHost);
}
