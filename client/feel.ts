// Game feel shared by the screens: the ARIA live region that announces phase changes and
// results, the sound toggle (remembered by ./sound), and numbers that count up (not with
// prefers-reduced-motion).
import { isMuted, play, setMuted, type Effect } from "./sound";
import { reducedMotion } from "./scene/phaser-view";
import { onLanguageChange, t } from "./i18n/i18n";

/**
 * Says `text` through the polite live region (data-testid "announcer"). The same sentence twice
 * in a row is said once. The text stays in the region (tests and late screen readers read it).
 */
export function announce(text: string): void {
  const el = document.getElementById("announcer");
  // The region keeps the last sentence: the same one twice in a row is said once.
  if (!el || !text || el.textContent === text) return;
  // A fresh text node per message: screen readers announce additions reliably.
  el.replaceChildren(document.createTextNode(text));
  el.dataset.count = String(Number(el.dataset.count ?? "0") + 1);
}

/** Plays an effect unless muted (./sound checks). */
export function sound(effect: Effect): void {
  play(effect);
}

function renderMute(button: HTMLElement): void {
  const muted = isMuted();
  button.setAttribute("aria-pressed", String(muted));
  button.setAttribute("aria-label", t(muted ? "tuning.soundOffLabel" : "tuning.soundOnLabel"));
  button.title = t(muted ? "tuning.soundOffTitle" : "tuning.soundOnTitle");
  // A speaker, with waves (on) or a cross (off): an icon drawn here, no emoji font needed.
  button.innerHTML = `<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor"/>${
    muted ? '<path d="M16.5 9.5l5 5M21.5 9.5l-5 5"/>' : '<path d="M16 8.5a5 5 0 0 1 0 7M18.8 6a8.5 8.5 0 0 1 0 12"/>'
  }</svg>`;
}

/** The mute toggle in the top bar (data-testid "mute-toggle", aria-pressed = muted). */
export function initMuteToggle(button: HTMLElement): void {
  renderMute(button);
  onLanguageChange(() => renderMute(button));
  button.addEventListener("click", () => {
    setMuted(!isMuted());
    renderMute(button);
    announce(t(isMuted() ? "tuning.soundOff" : "tuning.soundOn"));
    if (!isMuted()) play("lockIn");
  });
}

const countUps = new WeakMap<HTMLElement, () => void>();

/**
 * Counts `el`'s text up from 0 to `to` (formatted by `format`) over `ms`, then calls `done`.
 * With reduced motion the final value shows at once. `el.dataset.value` holds the final value.
 */
export function countUp(el: HTMLElement, to: number, format: (n: number) => string, ms = 900, done?: () => void): void {
  countUps.get(el)?.();
  el.dataset.value = String(to);
  if (reducedMotion() || to <= 0) {
    el.textContent = format(to);
    done?.();
    return;
  }
  const start = performance.now();
  let raf = 0;
  const frame = (now: number) => {
    const t = Math.min(1, (now - start) / ms);
    el.textContent = format(Math.round(to * (1 - (1 - t) ** 3)));
    if (t < 1) raf = requestAnimationFrame(frame);
    else {
      countUps.delete(el);
      done?.();
    }
  };
  el.textContent = format(0);
  raf = requestAnimationFrame(frame);
  countUps.set(el, () => {
    cancelAnimationFrame(raf);
    el.textContent = format(to);
  });
}

/** Finishes a running count-up at once (its final value shows). */
export function finishCountUp(el: HTMLElement): void {
  countUps.get(el)?.();
  countUps.delete(el);
}
