// Lobby: the code shown big, the live player list, the host's settings and Start. Match settings
// (rounds, tuning time, kinds, difficulty, speed bonus) go in `settings`, lobby only; room
// settings (live picks, public/private, lock) go in `roomSettings`, any phase (the host bar holds
// them during a match). Guests see the same controls, disabled.
import { byId, h, setText, show } from "../dom";
import { DIFFICULTIES, ROUNDS, TUNING_SECONDS, VISIBILITIES, type ClientMessage } from "../../shared/protocol";
import { SPIRAL_KINDS } from "../../shared/catalog";
import { send, type MatchRoom } from "../net";
import type { MatchState } from "../../server/state";
import { showError } from "../ui";
import { num, type PlayerRow } from "../view-model";
import { renderPlayers } from "./players";

const roundsInput = () => byId<HTMLInputElement>("rounds-input");
const secondsInput = () => byId<HTMLInputElement>("tuning-seconds-input");
const difficultyInput = () => byId<HTMLSelectElement>("difficulty-input");
const speedBonusInput = () => byId<HTMLInputElement>("speed-bonus-input");
const showPicksInput = () => byId<HTMLInputElement>("show-picks-input");
const visibilityInput = () => byId<HTMLSelectElement>("visibility-input");
const lockInput = () => byId<HTMLInputElement>("lock-room");
const kindBoxes = () => Array.from(byId("kinds-input").querySelectorAll<HTMLInputElement>("input[type=checkbox]"));

const KIND_LABELS: Record<string, string> = {
  shell: "Shells", galaxy: "Galaxies", cyclone: "Cyclones", plant: "Plants", horn: "Horns", other: "Other",
};

let room: MatchRoom | undefined;
let pending: { rounds?: number; tuningSeconds?: number } = {};
let timer: ReturnType<typeof setTimeout> | undefined;
/** A setting the host just changed, until the server's state echoes it (ms timestamp by control). */
const changedAt = new Map<HTMLElement, number>();
const ECHO_WAIT_MS = 1500;

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

function sendSettings(control: HTMLElement, message: ClientMessage<"settings">): void {
  changedAt.set(control, performance.now());
  if (room) send(room, "settings", message);
}

function sendRoomSettings(control: HTMLElement, message: ClientMessage<"roomSettings">): void {
  changedAt.set(control, performance.now());
  if (room) send(room, "roomSettings", message);
}

/** True while the host's own change is on its way (the state shown may still be the old one). */
const settling = (control: HTMLElement) => performance.now() - (changedAt.get(control) ?? -Infinity) < ECHO_WAIT_MS;

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

  const kinds = byId("kinds-input");
  for (const kind of SPIRAL_KINDS) {
    kinds.append(h("label", { class: "check kind" },
      h("input", { attrs: { type: "checkbox", value: kind, name: "kinds" } }),
      KIND_LABELS[kind] ?? kind));
  }
  kinds.addEventListener("change", (e) => {
    const box = e.target as HTMLInputElement;
    const chosen = kindBoxes().filter((b) => b.checked).map((b) => b.value as (typeof SPIRAL_KINDS)[number]);
    if (chosen.length === 0) {
      box.checked = true;
      showError("At least one kind of spiral has to appear.");
      return;
    }
    sendSettings(kinds, { kinds: chosen });
  });
  difficultyInput().addEventListener("change", () => {
    const value = difficultyInput().value as (typeof DIFFICULTIES)[number];
    if (DIFFICULTIES.includes(value)) sendSettings(difficultyInput(), { difficulty: value });
  });
  speedBonusInput().addEventListener("change", () => sendSettings(speedBonusInput(), { speedBonus: speedBonusInput().checked }));
  showPicksInput().addEventListener("change", () => sendRoomSettings(showPicksInput(), { showPicksLive: showPicksInput().checked }));
  lockInput().addEventListener("change", () => sendRoomSettings(lockInput(), { locked: lockInput().checked }));
  visibilityInput().addEventListener("change", () => {
    const value = visibilityInput().value as (typeof VISIBILITIES)[number];
    if (VISIBILITIES.includes(value)) sendRoomSettings(visibilityInput(), { visibility: value });
  });
}

/** The kinds the room draws from (an empty list from the server means all of them). */
export function roomKinds(state: MatchState): string[] {
  const kinds = state.kinds ? [...state.kinds].filter((k): k is string => typeof k === "string") : [];
  return kinds.length ? kinds : [...SPIRAL_KINDS];
}

/** "Shells, Galaxies · hard · speed bonus" for summaries. */
export function settingsSummary(state: MatchState): string {
  const kinds = roomKinds(state);
  const kindText = kinds.length === SPIRAL_KINDS.length ? "all kinds of spirals" : kinds.map((k) => KIND_LABELS[k] ?? k).join(", ");
  return [kindText, `${state.difficulty || "normal"} difficulty`, state.speedBonus ? "speed bonus on" : "", state.showPicksLive ? "picks shown live" : ""]
    .filter(Boolean).join(" · ");
}

/** The room settings' controls follow the state (any phase; the host bar may hold them). */
export function renderRoomSettings(r: MatchRoom, state: MatchState, isHost: boolean): void {
  room = r;
  for (const el of [showPicksInput(), lockInput(), visibilityInput()]) el.disabled = !isHost;
  if (!settling(showPicksInput())) showPicksInput().checked = state.showPicksLive === true;
  if (!settling(lockInput())) lockInput().checked = state.locked === true;
  if (!settling(visibilityInput()) && document.activeElement !== visibilityInput()) visibilityInput().value = state.visibility === "public" ? "public" : "private";
}

export function renderLobby(r: MatchRoom, state: MatchState, rows: PlayerRow[], isHost: boolean): void {
  room = r;
  setText(byId("big-code"), state.code);
  setText(byId("join-host"), location.host);
  setText(byId("player-count"), `(${rows.length}${num(state.spectatorCount) ? ` + ${num(state.spectatorCount)} watching` : ""})`);
  renderPlayers(r, rows, isHost);

  for (const [input, value] of [[roundsInput(), state.rounds], [secondsInput(), state.tuningSeconds]] as const) {
    input.disabled = !isHost;
    // Never overwrite what the host is typing.
    if (document.activeElement !== input && input.value !== String(value)) input.value = String(value);
  }
  const kinds = new Set(roomKinds(state));
  for (const box of kindBoxes()) {
    box.disabled = !isHost;
    if (!settling(byId("kinds-input"))) box.checked = kinds.has(box.value);
  }
  difficultyInput().disabled = !isHost;
  if (!settling(difficultyInput()) && document.activeElement !== difficultyInput()) difficultyInput().value = state.difficulty || "normal";
  speedBonusInput().disabled = !isHost;
  if (!settling(speedBonusInput())) speedBonusInput().checked = state.speedBonus === true;
  renderRoomSettings(r, state, isHost);
  setText(byId("settings-note"), isHost ? "" : "(set by the host)");

  show(byId("start-match"), isHost);
  show(byId("lobby-wait"), !isHost);
}
