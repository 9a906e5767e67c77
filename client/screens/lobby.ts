// Lobby: the code shown big, the host's teacher key (./teacher-key), the live player list, the
// host's settings and Start. Match settings (rounds, tuning time, kinds, difficulty, speed bonus)
// go in `settings`, lobby only; room settings (live picks, public/private, lock, friendly names)
// go in `roomSettings`, any phase (the host bar holds them during a match). Guests see the same
// controls, disabled. The limits come from shared/.
import { html, noChange, nothing, render } from "lit-html";
import { live } from "lit-html/directives/live.js";
import { ref } from "lit-html/directives/ref.js";
import { slots } from "../placement";
import { DIFFICULTIES, ROUNDS, TUNING_SECONDS, VISIBILITIES, type ClientMessage } from "../../shared/protocol";
import { SPEED_BONUS_MAX } from "../../shared/match";
import { SPIRAL_KINDS } from "../../shared/catalog";
import type { RoomPort } from "../port";
import { showError } from "../ui";
import { t, tHtml } from "../i18n/i18n";
import { kindLabel, roomKinds, type SettingsState } from "./settings-summary";
import { teacherKeyPanel, type TeacherKeyView } from "./teacher-key";

const ECHO_WAIT_MS = 1500;

export interface LobbyView {
  state: SettingsState & { code: string; rounds: number; tuningSeconds: number };
  players: number;
  watching: number;
  isHost: boolean;
  /** The teacher key the room was made with: given for the host who made it, never for anyone else. */
  teacherKey?: TeacherKeyView;
}

type Range = { min: number; max: number };
type Kind = (typeof SPIRAL_KINDS)[number];

function clampWhole(value: string, range: Range): number | undefined {
  const n = Math.round(Number(value));
  if (value.trim() === "" || !Number.isFinite(n)) return undefined;
  return Math.min(range.max, Math.max(range.min, n));
}

export interface LobbyScreen {
  render(view: LobbyView, port: RoomPort): void;
  /** The room settings (in the lobby card, or in the host's panel during a match). */
  renderRoomSettings(view: Pick<LobbyView, "state" | "isHost">, port: RoomPort): void;
}

export function createLobbyScreen(root: HTMLElement, roomSettings: HTMLElement): LobbyScreen {
  let port: RoomPort | undefined;
  let pending: { rounds?: number; tuningSeconds?: number } = {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** A setting the host just changed, until the server's state echoes it (ms timestamp by control id). */
  const changedAt = new Map<string, number>();
  const settling = (control: string) => performance.now() - (changedAt.get(control) ?? -Infinity) < ECHO_WAIT_MS;

  /** Sends the host's pending settings now (before Start, and on change). */
  function flushSettings(): void {
    clearTimeout(timer);
    if (port && (pending.rounds !== undefined || pending.tuningSeconds !== undefined)) port.send("settings", pending);
    pending = {};
  }

  function onNumber(e: Event, key: "rounds" | "tuningSeconds", range: Range, final: boolean): void {
    const input = e.target as HTMLInputElement;
    const value = clampWhole(input.value, range);
    if (value === undefined) return;
    if (final) input.value = String(value);
    else if (String(value) !== input.value.trim()) return; // still typing something out of range
    pending[key] = value;
    clearTimeout(timer);
    if (final) flushSettings();
    else timer = setTimeout(flushSettings, 250);
  }

  function sendSettings(control: string, message: ClientMessage<"settings">): void {
    changedAt.set(control, performance.now());
    port?.send("settings", message);
  }

  function sendRoomSettings(control: string, message: ClientMessage<"roomSettings">): void {
    changedAt.set(control, performance.now());
    port?.send("roomSettings", message);
  }

  function onKinds(e: Event): void {
    const box = e.target as HTMLInputElement;
    const boxes = Array.from(box.closest("fieldset")?.querySelectorAll<HTMLInputElement>("input[type=checkbox]") ?? []);
    const chosen = boxes.filter((b) => b.checked).map((b) => b.value as Kind);
    if (chosen.length === 0) {
      box.checked = true;
      showError(() => t("lobby.kindsNeedOne"));
      return;
    }
    sendSettings("kinds-input", { kinds: chosen });
  }

  // What is on screen stays (noChange) while the host types or chooses in it, or while their change settles.
  const focused = (id: string) => (document.activeElement as HTMLElement | null)?.id === id;
  const follow = <T>(control: string, value: T) => (settling(control) || focused(control) ? noChange : live(value));

  function number(
    id: string,
    testid: string,
    key: "rounds" | "tuningSeconds",
    range: Range,
    value: number,
    disabled: boolean,
  ) {
    return html`<input id=${id} data-testid=${testid} type="number" min=${range.min} max=${range.max} step="1"
      inputmode="numeric" ?disabled=${disabled} .value=${follow(id, String(value))}
      @input=${(e: Event) => onNumber(e, key, range, false)} @change=${(e: Event) => onNumber(e, key, range, true)} />`;
  }

  function renderRoomSettings(v: Pick<LobbyView, "state" | "isHost">, p: RoomPort): void {
    port = p;
    const { state } = v;
    const visibility = state.visibility === "public" ? "public" : "private";
    render(
      html`
      <legend>${t("lobby.roomLegend")}</legend>
      <label class="check"><input id="show-picks-input" data-testid="show-picks-input" type="checkbox" ?disabled=${!v.isHost}
        .checked=${follow("show-picks-input", state.showPicksLive === true)}
        @change=${(e: Event) => sendRoomSettings("show-picks-input", { showPicksLive: (e.target as HTMLInputElement).checked })} />
        ${t("lobby.showPicks")}</label>
      <label class="check"><input id="lock-room" data-testid="lock-room" type="checkbox" ?disabled=${!v.isHost}
        .checked=${follow("lock-room", state.locked === true)}
        @change=${(e: Event) => sendRoomSettings("lock-room", { locked: (e.target as HTMLInputElement).checked })} />
        ${t("lobby.lockRoom")}</label>
      <label class="check"><input id="friendly-names" data-testid="friendly-names" type="checkbox" ?disabled=${!v.isHost}
        .checked=${follow("friendly-names", state.friendlyNames === true)}
        @change=${(e: Event) => sendRoomSettings("friendly-names", { friendlyNames: (e.target as HTMLInputElement).checked })} />
        ${t("lobby.friendlyNames")}</label>
      <label class="inline">${t("lobby.listed")}
        <select id="visibility-input" data-testid="visibility-input" ?disabled=${!v.isHost}
          .value=${follow("visibility-input", visibility)}
          @change=${(e: Event) => {
            const value = (e.target as HTMLSelectElement).value as (typeof VISIBILITIES)[number];
            if (VISIBILITIES.includes(value)) sendRoomSettings("visibility-input", { visibility: value });
          }}>
          <option value="private">${t("lobby.private")}</option>
          <option value="public">${t("lobby.public")}</option>
        </select>
      </label>`,
      roomSettings,
    );
  }

  return {
    renderRoomSettings,
    render(v, p) {
      port = p;
      const { state, isHost } = v;
      const kinds = new Set<string>(roomKinds(state));
      const difficulty = state.difficulty || "normal";
      render(
        html`
        <p class="big-code-label">${tHtml("lobby.joinAt", { host: html`<span id="join-host">${location.host}</span>` })}</p>
        <p id="big-code" class="big-code">${state.code}</p>
        ${v.teacherKey ? teacherKeyPanel(v.teacherKey) : nothing}
        <h2>${t("lobby.players")} <span id="player-count" class="muted">${
          v.watching
            ? t("lobby.playerCountWatching", { players: v.players, watching: v.watching })
            : t("lobby.playerCount", { players: v.players })
        }</span></h2>
        <div id="lobby-players-slot" ${ref(slots.lobbyPlayers)}></div>
        <h2>${t("lobby.matchSettings")} <span id="settings-note" class="muted small">${isHost ? "" : t("lobby.setByHost")}</span></h2>
        <div class="settings">
          <label>${t("lobby.rounds")} ${number("rounds-input", "rounds-input", "rounds", ROUNDS, state.rounds, !isHost)}</label>
          <label>${t("lobby.tuningTime")} ${number(
            "tuning-seconds-input",
            "tuning-seconds-input",
            "tuningSeconds",
            TUNING_SECONDS,
            state.tuningSeconds,
            !isHost,
          )}</label>
          <label>${t("lobby.difficulty")}
            <select id="difficulty-input" data-testid="difficulty-input" ?disabled=${!isHost}
              .value=${follow("difficulty-input", difficulty)}
              @change=${(e: Event) => {
                const value = (e.target as HTMLSelectElement).value as (typeof DIFFICULTIES)[number];
                if (DIFFICULTIES.includes(value)) sendSettings("difficulty-input", { difficulty: value });
              }}>
              <option value="easy">${t("lobby.difficultyEasy")}</option>
              <option value="normal">${t("lobby.difficultyNormal")}</option>
              <option value="hard">${t("lobby.difficultyHard")}</option>
            </select>
          </label>
        </div>
        <fieldset id="kinds-input" data-testid="kinds-input" class="kinds" @change=${onKinds}>
          <legend>${t("lobby.kinds")}</legend>
          ${SPIRAL_KINDS.map(
            (kind) => html`<label class="check kind"><input type="checkbox" value=${kind} name="kinds"
            ?disabled=${!isHost} .checked=${follow("kinds-input", kinds.has(kind))} />${kindLabel(kind)}</label>`,
          )}
        </fieldset>
        <label class="check"><input id="speed-bonus-input" data-testid="speed-bonus-input" type="checkbox" ?disabled=${!isHost}
          .checked=${follow("speed-bonus-input", state.speedBonus === true)}
          @change=${(e: Event) => sendSettings("speed-bonus-input", { speedBonus: (e.target as HTMLInputElement).checked })} />
          ${t("lobby.speedBonus", { max: SPEED_BONUS_MAX })}</label>
        <div id="lobby-room-slot" ${ref(slots.lobbyRoom)}></div>
        <button id="start-match" data-testid="start-match" class="primary wide" type="button" ?hidden=${!isHost}
          @click=${() => {
            flushSettings();
            port?.send("start", {});
          }}>${t("lobby.start")}</button>
        <p id="lobby-wait" class="muted" ?hidden=${isHost}>${t("lobby.waiting")}</p>`,
        root,
      );
    },
  };
}
