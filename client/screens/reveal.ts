// Reveal: B with your fit laid over it, your hidden error and points (with the arithmetic), the
// U-curve with everybody's picks, and Next. The reveal is a moment: B appears as its object and
// dissolves into its points, the fit slides over it, the gaps light up, while the points count up
// (a sound for each; none of the motion with prefers-reduced-motion), and the result is announced
// in the live region. B's caption (what it is, its pitch, the source) stands above the points.
// Below the points: the two gaps of your level and of the best one (training → validation →
// hidden), and the proof that B was fixed at round start, with a link that replays the round.
import { html, nothing, render, type TemplateResult } from "lit-html";
import { createRef, ref } from "lit-html/directives/ref.js";
import type { RoundMessage } from "../../shared/protocol";
import type { RevealView } from "../../shared/reveal-view";
import type { RoomPort } from "../port";
import { COLOURS, type SpiralView } from "../scene/spiral-scene";
import type { UCurveView } from "../scene/u-curve-scene";
import { formatError, formatPoints } from "../view-model";
import { announce, countUp, finishCountUp, sound } from "../feel";
import { gapRows, proofOf } from "../reveal-lesson";
import { gapsTemplate, proofTemplate } from "./proof";
import { slots } from "../placement";
import { captionTemplate } from "./spiral-caption";
import { t, tHtml } from "../i18n/i18n";
import { spiralName } from "../i18n/spiral-names";
import { sumText } from "../i18n/sum-text";

export interface RevealScreenView {
  /** This round's reveal with everybody's results (undefined until the state has reached it). */
  reveal?: RevealView;
  /** The round message of the same round: its commitment and its training errors. */
  round?: RoundMessage;
  /** The level on this page's slider (what a watcher is told about). */
  sliderLevel: number;
  /** Next, or undefined when this player cannot move on. */
  next?: string;
  /** Solo practice: no proof line (its B is public by design; its bar links the round). */
  practice?: boolean;
  /** Homework: B's values are published when the homework closes, not at the reveal. */
  homework?: boolean;
  /** What goes under the U-curve before Next (practice's "what would have been best"). */
  below?: TemplateResult;
}

export interface RevealScreen {
  render(view: RevealScreenView, port: RoomPort): void;
}

export function createRevealScreen(
  panel: HTMLElement,
  extra: HTMLElement,
  spiral: () => SpiralView,
  uCurve: (box: HTMLElement) => UCurveView,
): RevealScreen {
  const burst = createRef<HTMLElement>();
  const uCurveBox = createRef<HTMLElement>();
  let port: RoomPort | undefined;
  /** The reveal being played (round, B, results), so each reveal's moment plays once. */
  let playedKey = "";

  function play(msg: RevealView, me: string, key: string): void {
    const el = burst.value!;
    finishCountUp(el);
    const mine = msg.results.find((x) => x.sessionId === me);
    announce(
      [
        t("reveal.announceB", { name: spiralName(msg.b.name) }),
        mine
          ? t("reveal.announceMine", { level: mine.level, points: mine.points, error: formatError(mine.hiddenError) })
          : "",
        t("reveal.announceBest", { level: msg.bestLevel }),
      ]
        .filter(Boolean)
        .join(" "),
    );
    sound("reveal");
    el.textContent = "";
    const level = mine?.level;
    const over = msg.overB.find((x) => x.level === level);
    spiral().reveal({ points: msg.b, colour: COLOURS.b, curve: over, gaps: true }, () => {
      if (!mine || playedKey !== key) return;
      countUp(
        el,
        mine.points,
        (n) => `+${formatPoints(n)}`,
        900,
        () => {
          if (mine.points > 0) sound("points");
        },
      );
    });
    uCurve(uCurveBox.value!).show({
      hidden: msg.hidden,
      bestLevel: msg.bestLevel,
      picks: msg.results.map((x) => ({ level: x.level, mine: x.sessionId === me })),
    });
  }

  function result(msg: RevealView | undefined, me: string, sliderLevel: number): TemplateResult {
    const mine = msg?.results.find((x) => x.sessionId === me);
    if (!msg) return html``;
    if (mine) {
      return html`${tHtml("reveal.youPicked", {
        level: mine.level,
        error: formatError(mine.hiddenError),
        points: html`<strong>${t("reveal.points", { points: mine.points })}</strong>`,
      })}`;
    }
    const hidden = msg.hidden.find((x) => x.level === sliderLevel);
    return html`${t("reveal.youWatched", { level: sliderLevel, error: hidden ? formatError(hidden.error) : "–" })}`;
  }

  return {
    render(v, p) {
      port = p;
      const msg = v.reveal;
      const round = msg && v.round?.round === msg.round ? v.round : undefined;
      const mine = msg?.results.find((x) => x.sessionId === p.me);
      const best = msg?.hidden.find((x) => x.level === msg.bestLevel);
      const bonus = mine?.speedBonus ?? 0;
      const arithmetic = !msg
        ? ""
        : mine
          ? t(mine.speedBonus ? "reveal.arithmeticBonus" : "reveal.arithmetic", { arithmetic: sumText(mine) })
          : t("reveal.arithmeticOthers");
      const proof = msg && !v.practice ? proofOf(round, msg, v.homework ? "homework" : "day") : undefined;
      const gaps = msg
        ? gapRows(round, msg, mine ? { level: mine.level, label: t("reveal.yourLevel") } : undefined)
        : [];
      render(
        html`
        <p id="reveal-title" class="reveal-title">${
          msg
            ? best
              ? t("reveal.bestLevelError", { level: msg.bestLevel, error: formatError(best.error) })
              : t("reveal.bestLevel", { level: msg.bestLevel })
            : ""
        }</p>
        <p class="legend small"><span class="dot b diamond"></span> ${t("reveal.legendB")} <span class="line fit"></span> ${t(
          "reveal.legendFit",
        )}
          <span class="line gap"></span> ${t("reveal.legendGaps")}</p>
        ${msg ? captionTemplate("B", msg.b.name, "reveal-caption") : nothing}
        <p id="points-burst" class="points-burst" aria-hidden="true" ?hidden=${!mine} ${ref(burst)}></p>
        <p id="my-result" class="my-result">${result(msg, p.me, v.sliderLevel)}</p>
        <p id="speed-bonus-line" class="small speed-bonus-line" ?hidden=${bonus <= 0}>${
          bonus > 0 ? t("reveal.speedBonus", { bonus }) : ""
        }</p>
        <details id="arithmetic-box" ?hidden=${!msg}><summary>${t("reveal.howPoints")}</summary>
          <p id="arithmetic" class="small">${arithmetic}</p></details>
        <section id="reveal-gaps" class="reveal-gaps" data-testid="reveal-gaps" aria-label=${t("lesson.gapsTitle")}
          ?hidden=${gaps.length === 0}>${gapsTemplate(gaps)}</section>
        <div id="reveal-proof" class="proof-line" ?hidden=${!proof} data-verified=${proof?.state ?? nothing}>${
          proof ? proofTemplate(proof, { newTab: true }) : nothing
        }</div>
        <div ${ref(slots.revealBoard)}></div>`,
        panel,
      );
      render(
        html`
        <h2>${t("reveal.uCurveTitle")}</h2>
        <div id="u-curve" class="canvas-box wide-box" aria-label=${t("reveal.uCurveLabel")}
          ${ref(uCurveBox)}></div>
        <p class="legend small"><span class="line b"></span> ${t("reveal.legendHidden")} <span class="dot me"></span> ${t(
          "reveal.legendMine",
        )}
          <span class="dot others"></span> ${t("reveal.legendOthers")} <span class="ring"></span> ${t("reveal.legendBest")}</p>
        <div id="reveal-shake-slot" ${ref(slots.revealShake)}></div>
        ${v.below ?? nothing}
        <button id="next-round" class="primary wide" type="button" ?hidden=${!v.next}
          @click=${() => port?.send("next", {})}>${v.next ?? t("reveal.next")}</button>`,
        extra,
      );
      const key = msg
        ? `${msg.round}:${msg.b.name}:${msg.bestLevel}:${msg.results.map((x) => x.sessionId + x.points).join()}:${round?.commitment ?? ""}`
        : "";
      if (msg && key !== playedKey) {
        playedKey = key;
        play(msg, p.me, key);
      }
    },
  };
}
