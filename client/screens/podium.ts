// Podium: the top three, the full leaderboard below, and Play again for the host (or Back home
// after the daily challenge, back to the homework's page after homework).
import { html, render } from "lit-html";
import type { RoomPort } from "../port";
import type { PlayerRow } from "../view-model";
import { t } from "../i18n/i18n";

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
  ><span class="medal">${t("reveal.place", { place: i + 1 })}</span><span class="name">${p.name}</span><span class="points">${t(
    "reveal.pts",
    { points: p.points },
  )}</span></li>`,
  );

export function renderPodium(v: PodiumView, port: RoomPort, root: HTMLElement): void {
  const canPlayAgain = v.isHost && !v.solo;
  render(
    html`
    <h2>${t("reveal.podium")}</h2>
    <ol id="top3" class="top3">${topThree(v.rows)}</ol>
    <button id="play-again" data-testid="play-again" class="primary wide" type="button" ?hidden=${!canPlayAgain}
      @click=${() => port.send("playAgain", {})}>${t("reveal.playAgain")}</button>
    <p id="podium-wait" class="muted" ?hidden=${canPlayAgain || Boolean(v.solo)}>${t("reveal.podiumWait")}</p>
    <button id="daily-home" class="primary wide" type="button" ?hidden=${v.solo !== "daily"} @click=${v.home}>${t("reveal.backHome")}</button>
    <button id="homework-back" data-testid="homework-back" class="primary wide" type="button"
      ?hidden=${v.solo !== "homework"} @click=${v.home}>${t("reveal.backToHomework")}</button>`,
    root,
  );
}
