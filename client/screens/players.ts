// The player list (the lobby's, and the host's "Players & room" panel during a match): names,
// host / you / reconnecting tags, and for the host, per other player, Rename (a small inline edit;
// the server filters the name and makes it unique) and Remove (asked first). Keyed by player, so
// a re-render never replaces a button under a click or the rename field being typed in.
import { html, nothing, render } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { NAME_MAX_LENGTH, nameSchema } from "../../shared/protocol";
import type { RoomPort } from "../port";
import { confirmAction, nameIssueText, showError } from "../ui";
import { t } from "../i18n/i18n";
import type { PlayerRow } from "../view-model";

/** The player whose name the host is editing (one at a time), and how to draw the list again. */
let editing: string | undefined;
let redraw = () => {};

function kick(port: RoomPort, p: PlayerRow, current: () => RoomPort | undefined): void {
  const question = t("lobby.removeQuestion", { name: p.name, code: port.code });
  void confirmAction(question, t("lobby.remove", { name: p.name })).then((ok) => {
    if (ok && current() === port) port.send("kick", { sessionId: p.id });
  });
}

function edit(id: string | undefined): void {
  editing = id;
  redraw();
  if (id) document.querySelector<HTMLInputElement>(`[data-testid=rename-input]`)?.select();
}

function rename(e: Event, port: RoomPort, p: PlayerRow, current: () => RoomPort | undefined): void {
  e.preventDefault();
  const field = (e.target as HTMLFormElement).querySelector("input")!;
  const parsed = nameSchema.safeParse(field.value);
  if (!parsed.success) {
    showError(() => t("lobby.cannotRename", { name: p.name, reason: nameIssueText(parsed.error.issues[0]) }));
    field.focus();
    return;
  }
  if (parsed.data !== p.name && current() === port) port.send("rename", { sessionId: p.id, name: parsed.data });
  edit(undefined);
}

function renameForm(port: RoomPort, p: PlayerRow, current: () => RoomPort | undefined) {
  return html`<form class="rename-form" @submit=${(e: Event) => rename(e, port, p, current)}>
    <input data-testid="rename-input" maxlength=${NAME_MAX_LENGTH} value=${p.name} aria-label=${t("lobby.newNameFor", { name: p.name })}
      @keydown=${(e: KeyboardEvent) => e.key === "Escape" && edit(undefined)} />
    <button type="submit" class="small-button" data-testid="rename-save">${t("lobby.save")}</button>
    <button type="button" class="small-button" @click=${() => edit(undefined)}>${t("common.cancel")}</button>
  </form>`;
}

function hostButtons(port: RoomPort, p: PlayerRow, current: () => RoomPort | undefined) {
  return html`<button class="rename" type="button" data-testid="rename-player" data-session-id=${p.id}
      data-name=${p.name} title=${t("lobby.rename", { name: p.name })} aria-label=${t("lobby.rename", { name: p.name })} @click=${() => edit(p.id)}>✎</button
    ><button class="kick" type="button" data-testid="kick-player" data-session-id=${p.id}
      data-name=${p.name} title=${t("lobby.remove", { name: p.name })} aria-label=${t("lobby.remove", { name: p.name })}
      @click=${() => kick(port, p, current)}>✕</button>`;
}

/** Renders the list into `list` (the one #player-list, which moves between the lobby and the host's panel). */
export function renderPlayers(
  rows: PlayerRow[],
  isHost: boolean,
  port: RoomPort,
  list: HTMLElement,
  current: () => RoomPort | undefined,
): void {
  redraw = () => renderPlayers(rows, isHost, port, list, current);
  const seated = [...rows].sort((a, b) => a.seat - b.seat);
  render(
    repeat(
      seated,
      (p) => p.id,
      (p) => html`<li class=${p.isMe ? "me" : ""} data-name=${p.name} data-session-id=${p.id}
    >${
      isHost && editing === p.id && !p.isMe
        ? renameForm(port, p, current)
        : html`<span class="name">${p.name}</span>${p.isHost ? html`<span class="tag host">${t("lobby.tagHost")}</span>` : nothing}${
            p.isMe ? html`<span class="tag">${t("lobby.tagYou")}</span>` : nothing
          }${!p.connected ? html`<span class="tag off">${t("lobby.tagReconnecting")}</span>` : nothing}${
            isHost && !p.isMe ? hostButtons(port, p, current) : nothing
          }`
    }</li>`,
    ),
    list,
  );
}
