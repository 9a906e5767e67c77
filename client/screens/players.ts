// The player list (the lobby's, and the host's "Players & room" panel during a match): names,
// host / you / reconnecting tags, and for the host a Remove button per player (asked first).
// Rebuilt only when something shown changes, so a click on Remove is never lost to a re-render.
import { byId, h } from "../dom";
import { send, type MatchRoom } from "../net";
import { confirmAction } from "../ui";
import type { PlayerRow } from "../view-model";

let room: MatchRoom | undefined;
let shownKey = "";

export function initPlayers(): void {
  byId("player-list").addEventListener("click", (e) => {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>("button[data-testid=kick-player]");
    if (!button || !room) return;
    const sessionId = button.dataset.sessionId ?? "";
    const name = button.dataset.name ?? "this player";
    const target = room;
    void confirmAction(`Remove ${name} from room ${target.roomId}? They will be told the host removed them.`, `Remove ${name}`).then((ok) => {
      if (ok && room === target) send(target, "kick", { sessionId });
    });
  });
}

export function renderPlayers(r: MatchRoom, rows: PlayerRow[], isHost: boolean): void {
  room = r;
  const seated = [...rows].sort((a, b) => a.seat - b.seat);
  const key = JSON.stringify([isHost, seated.map((p) => [p.id, p.name, p.isHost, p.isMe, p.connected, p.playing])]);
  if (key === shownKey) return;
  shownKey = key;
  const items = seated.map((p) =>
    h("li", { class: p.isMe ? "me" : "", attrs: { "data-name": p.name, "data-session-id": p.id } },
      h("span", { class: "name", text: p.name }),
      ...(p.isHost ? [h("span", { class: "tag host", text: "host" })] : []),
      ...(p.isMe ? [h("span", { class: "tag", text: "you" })] : []),
      ...(!p.connected ? [h("span", { class: "tag off", text: "reconnecting" })] : []),
      ...(isHost && !p.isMe
        ? [h("button", {
          class: "kick",
          text: "✕",
          attrs: {
            type: "button", "data-testid": "kick-player", "data-session-id": p.id, "data-name": p.name,
            title: `Remove ${p.name}`, "aria-label": `Remove ${p.name}`,
          },
        })]
        : []),
    ));
  byId("player-list").replaceChildren(...items);
}
