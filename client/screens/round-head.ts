// The line above the spiral (round label, pause banner, timer) and the cue box under it: one
// owner for the tuning screen, the reveal and practice, which each hand it their words.
import { html, render } from "lit-html";
import { classMap } from "lit-html/directives/class-map.js";
import { t } from "../i18n/i18n";

export interface RoundHead {
  label: string;
  timer: string;
  /** The last five seconds of tuning. */
  urgent: boolean;
  paused: boolean;
  /** The cue about B while tuning, what B was at the reveal. */
  cue: string;
}

export function renderRoundHead(head: RoundHead, root: HTMLElement): void {
  render(
    html`
    <div class="round-head">
      <span id="round-label" class="muted">${head.label}</span>
      <span id="paused-banner" class="paused-banner" data-testid="paused" ?hidden=${!head.paused}>${t("tuning.pausedByHost")}</span>
      <span id="timer" class=${classMap({ timer: true, urgent: head.urgent })} data-testid="timer">${head.timer}</span>
    </div>
    <div class="cue-box"><span class="cue-tag" aria-hidden="true">B?</span><p id="cue" class="cue" .textContent=${head.cue}></p></div>`,
    root,
  );
}
