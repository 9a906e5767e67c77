// The daily challenge's result: today's score, the best today under this name, and the rank
// among today's players, with a link to the leaderboards.
import { byId, h } from "../dom";
import type { DailyMessage } from "../../shared/protocol";

export function renderDaily(msg: DailyMessage | undefined): void {
  const box = byId("daily-result");
  box.hidden = !msg;
  if (!msg) {
    box.replaceChildren();
    box.removeAttribute("data-points");
    return;
  }
  const key = JSON.stringify(msg);
  if (box.dataset.key === key) return;
  box.dataset.key = key;
  box.dataset.points = String(msg.points);
  box.dataset.rank = String(msg.rank);
  box.replaceChildren(
    h("h2", { text: `Today's challenge (${msg.date})` }),
    h("p", { class: "daily-line" },
      "You scored ", h("strong", { text: `${msg.points} points` }),
      `; your best today ${msg.best}, rank ${msg.rank} of ${msg.players}.`),
    h("p", { class: "small" },
      h("a", { text: "See today's leaderboard", attrs: { href: `/leaderboard?board=daily&date=${encodeURIComponent(msg.date)}` } }),
      " · a new spiral pair comes at midnight UTC."),
  );
}
