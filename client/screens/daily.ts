// The daily challenge's result: today's score, the best today under this name, and the rank
// among today's players, with a link to the leaderboards.
import { html, nothing, render } from "lit-html";
import type { DailyMessage } from "../../shared/protocol";
import { t, tHtml } from "../i18n/i18n";

const board = (date: string) => `/leaderboard?board=daily&date=${encodeURIComponent(date)}`;

export function renderDaily(msg: DailyMessage | undefined, box: HTMLElement): void {
  box.hidden = !msg;
  if (msg) {
    box.dataset.points = String(msg.points);
    box.dataset.rank = String(msg.rank);
  } else {
    delete box.dataset.points;
    delete box.dataset.rank;
  }
  render(
    msg
      ? html`
    <h2>${t("room.dailyTitle", { date: msg.date })}</h2>
    <p class="daily-line">${tHtml("room.dailyLine", {
      scored: html`<strong>${t("room.dailyPoints", { points: msg.points })}</strong>`,
      best: msg.best,
      rank: msg.rank,
      players: msg.players,
    })}</p>
    <p class="small">${tHtml("room.dailyFooter", {
      leaderboard: html`<a href=${board(msg.date)}>${t("room.dailyLeaderboard")}</a>`,
    })}</p>`
      : nothing,
    box,
  );
}
