// Lobby: the code shown big, the live player list, the host's settings and Start.
import { byId, h, setText, show } from "../dom";
import { ROUNDS, TUNING_SECONDS } from "../../shared/protocol";
import { send, type MatchRoom } from "../net";
import type { MatchState } from "../../server/state";
import { num, type PlayerRow } from "../view-model";

const roundsInput = () => byId<HTMLInputElement>("rounds-input");
const secondsInput = () => byId<HTMLInputElement>("tuning-seconds-input");

let room: MatchRoom | undefined;
let pending: { rounds?: number; tuningSeconds?: number } = {};
let timer: ReturnType<typeof setTimeout> | undefined;

function clampWhole(value: string, range: { min: number; max: number }): number | undefined {
  const n = Math.round(Number(value));
  if (value.trim() === "" || !Number.isFinite(n)) return undefined;
  return Math.min(range.max, Math.max(range.min, n));
}

/** Sends the host's pending settings now (before Start, and on change). */
function flushSettings(): void {
  clearTimeout(timer);
  if (room && (pending.rounds !== undefined || pending.tuningSeconds !== undefined)) send(room, "settings", pending);
  pending = {};
}

function onSettingInput(input: HTMLInputElement, key: "rounds" | "tuningSeconds", range: { min: number; max: number }, final: boolean): void {
  const value = clampWhole(input.value, range);
  if (value === undefined) return;
  if (final) input.value = String(value);
  else if (String(value) !== input.value.trim()) return; // still typing something out of range
  pending[key] = value;
  clearTimeout(timer);
  if (final) flushSettings();
  else timer = setTimeout(flushSettings, 250);
}

export function initLobby(): void {
  for (const [input, key, range] of [[roundsInput(), "rounds", ROUNDS], [secondsInput(), "tuningSeconds", TUNING_SECONDS]] as const) {
    input.addEventListener("input", () => onSettingInput(input, key, range, false));
    input.addEventListener("change", () => onSettingInput(input, key, range, true));
  }
  byId("start-match").addEventListener("click", () => {
    if (!room) return;
    flushSettings();
    send(room, "start", {});
  });
}

export function renderLobby(r: MatchRoom, state: MatchState, rows: PlayerRow[], isHost: boolean): void {
  room = r;
  setText(byId("big-code"), state.code);
  setText(byId("join-host"), location.host);
  setText(byId("player-count"), `(${rows.length}${num(state.spectatorCount) ? ` + ${num(state.spectatorCount)} watching` : ""})`);
  renderPlayerList(rows);

  for (const [input, value] of [[roundsInput(), state.rounds], [secondsInput(), state.tuningSeconds]] as const) {
    input.disabled = !isHost;
    // Never overwrite what the host is typing.
    if (document.activeElement !== input && input.value !== String(value)) input.value = String(value);
  }
  show(byId("start-match"), isHost);
  show(byId("lobby-wait"), !isHost);
}

function renderPlayerList(rows: PlayerRow[]): void {
  const list = byId("player-list");
  const items = [...rows].sort((a, b) => a.seat - b.seat).map((p) =>
    h("li", { class: p.isMe ? "me" : "", attrs: { "data-name": p.name } },
      h("span", { class: "name", text: p.name }),
      ...(p.isHost ? [h("span", { class: "tag host", text: "host" })] : []),
      ...(p.isMe ? [h("span", { class: "tag", text: "you" })] : []),
      ...(!p.connected ? [h("span", { class: "tag off", text: "reconnecting" })] : []),
    ));
  list.replaceChildren(...items);
}
