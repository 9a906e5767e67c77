// Podium: the top three, the full leaderboard below, and Play again for the host (or Back home
// after the daily challenge, back to the homework's page after homework).
import { html, render } from "lit-html";
import type { RoomPort } from "../port";
import type { PlayerRow } from "../view-model";

const PLACES = ["1st", "2nd", "3rd"];

export interface PodiumView {
  rows: PlayerRow[];
  isHost: boolean;
  /** A solo room's podium leads out of the room instead of to another match. */
  solo?: "daily" | "homework";
  home(): void;
}

/** The top three as list items (the game's podium and the projector's). */
export const topThree = (rows: PlayerRow[]) =>
  rows.slice(0, 3).map(
    (p, i) => html`<li class="place place-${i + 1}"
  ><span class="medal">${PLACES[i]}</span><span class="name">${p.name}</span><span class="points">${p.points} pts</span></li>`,
  );

export function renderPodium(v: PodiumView, port: RoomPort, root: HTMLElement): void {
  const canPlayAgain = v.isHost && !v.solo;
  render(
    html`
    <h2>Podium</h2>
    <ol id="top3" class="top3">${topThree(v.rows)}</ol>
    <button id="play-again" data-testid="play-again" class="primary wide" type="button" ?hidden=${!canPlayAgain}
      @click=${() => port.send("playAgain", {})}>Play again</button>
    <p id="podium-wait" class="muted" ?hidden=${canPlayAgain || Boolean(v.solo)}>Waiting for the host to start a new match…</p>
    <button id="daily-home" class="primary wide" type="button" ?hidden=${v.solo !== "daily"} @click=${v.home}>Back home</button>
    <button id="homework-back" data-testid="homework-back" class="primary wide" type="button"
      ?hidden=${v.solo !== "homework"} @click=${v.home}>Back to the homework page</button>`,
    root,
  );
}
