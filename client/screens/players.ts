// The player list (the lobby's, and the host's "Players & room" panel during a match): names,
// host / you / reconnecting tags, and for the host a Remove button per player (asked first).
// Keyed by player, so a re-render never replaces the button under a click.
import { html, nothing, render } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import type { RoomPort } from "../port";
import { confirmAction } from "../ui";
import type { PlayerRow } from "../view-model";

function kick(port: RoomPort, p: PlayerRow, current: () => RoomPort | undefined): void {
  const question = `Remove ${p.name} from room ${port.code}? They will be told the host removed them.`;
  void confirmAction(question, `Remove ${p.name}`).then((ok) => {
    if (ok && current() === port) port.send("kick", { sessionId: p.id });
  });
}

/** Renders the list into `list` (the one #player-list, which moves between the lobby and the host's panel). */
export function renderPlayers(
  rows: PlayerRow[],
  isHost: boolean,
  port: RoomPort,
  list: HTMLElement,
  current: () => RoomPort | undefined,
): void {
  const seated = [...rows].sort((a, b) => a.seat - b.seat);
  render(
    repeat(
      seated,
      (p) => p.id,
      (p) => html`<li class=${p.isMe ? "me" : ""} data-name=${p.name} data-session-id=${p.id}
    ><span class="name">${p.name}</span>${p.isHost ? html`<span class="tag host">host</span>` : nothing}${
      p.isMe ? html`<span class="tag">you</span>` : nothing
    }${!p.connected ? html`<span class="tag off">reconnecting</span>` : nothing}${
      isHost && !p.isMe
        ? html`<button class="kick" type="button" data-testid="kick-player" data-session-id=${p.id}
        data-name=${p.name} title="Remove ${p.name}" aria-label="Remove ${p.name}"
        @click=${() => kick(port, p, current)}>✕</button>`
        : nothing
    }</li>`,
    ),
    list,
  );
}
