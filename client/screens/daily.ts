// The daily challenge's result: today's score, the best today under this name, and the rank
// among today's players, with a link to the leaderboards.
import { html, nothing, render } from "lit-html";
import type { DailyMessage } from "../../shared/protocol";

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
    <h2>Today's challenge (${msg.date})</h2>
    <p class="daily-line">You scored <strong>${msg.points} points</strong>${`; your best today ${msg.best}, rank ${msg.rank} of ${msg.players}.`}</p>
    <p class="small"><a href=${board(msg.date)}>See today's leaderboard</a> · a new spiral pair comes at midnight UTC.</p>`
      : nothing,
    box,
  );
}
