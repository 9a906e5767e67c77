// Elements that move between screens, so each exists once (one data-testid): the host's bar
// (the room's page or the projector's header), the player list and the room settings (the lobby
// card or the host's panel), the live histogram (tuning or projector), the shake-up (reveal,
// podium, or the projector's) and the leaderboard (beside the reveal, under the podium). Screens
// render empty slots (these refs); the page places each element in exactly one slot per render.
import { createRef, type Ref } from "lit-html/directives/ref.js";

export const slots = {
  hostBar: createRef<HTMLElement>(),
  pjHostBar: createRef<HTMLElement>(),
  lobbyPlayers: createRef<HTMLElement>(),
  lobbyRoom: createRef<HTMLElement>(),
  hostPlayers: createRef<HTMLElement>(),
  hostRoom: createRef<HTMLElement>(),
  tuningHistogram: createRef<HTMLElement>(),
  pjHistogram: createRef<HTMLElement>(),
  revealShake: createRef<HTMLElement>(),
  podiumShake: createRef<HTMLElement>(),
  pjRevealShake: createRef<HTMLElement>(),
  pjPodiumShake: createRef<HTMLElement>(),
  revealBoard: createRef<HTMLElement>(),
  podiumBoard: createRef<HTMLElement>(),
} satisfies Record<string, Ref<HTMLElement>>;

export type Slot = keyof typeof slots;

/** Moves `el` into the slot (at its end) unless it is there already. */
export function place(el: HTMLElement, slot: Slot): void {
  const parent = slots[slot].value;
  if (parent && el.parentElement !== parent) parent.append(el);
}

/** An element the page creates once (it moves between slots, so no template owns it). */
export function movable<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string>,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}
