// The projector view: one screen for the front of a classroom, readable from the back at
// 1920×1080 and 1280×720 (sizes in vh; the view is fixed to the window and never scrolls). The
// code huge with a QR code of the join link and the join list; the round's spiral, the timer and
// the live histogram of locked picks (or "k of n locked"); the reveal big with the U-curve, the
// leaderboard and the shake-up; the podium. At the reveal, under B the proof that B was fixed at
// round start (one small line), and along the bottom the two gaps of the class's most common pick
// and of the best level.
import { html, nothing, render } from "lit-html";
import { createRef, ref } from "lit-html/directives/ref.js";
import { classMap } from "lit-html/directives/class-map.js";
import { until } from "lit-html/directives/until.js";
import { MAX_LEVEL } from "../../shared/ladder-levels";
import type { Phase, PodiumMessage, RoundMessage } from "../../shared/protocol";
import type { RevealView } from "../../shared/reveal-view";
import { qrDataUrl } from "../qr";
import { COLOURS, SpiralView } from "../scene/spiral-scene";
import { UCurveView } from "../scene/u-curve-scene";
import { formatError, formatPoints, formatSeconds, type PlayerRow } from "../view-model";
import { settingsSummary, type SettingsState } from "./settings-summary";
import { gapRows, mostPicked, proofOf } from "../reveal-lesson";
import { gapsTemplate, proofTemplate } from "./proof";
import { topThree } from "./podium";
import { slots } from "../placement";
import { languageMenu, t, tHtml } from "../i18n/i18n";
import { cueText } from "../i18n/cue-text";
import { kindName, spiralAbout, spiralName } from "../i18n/spiral-names";
import { LANGUAGE_NAMES, languageSchema } from "../../shared/languages";

export interface ProjectorView {
  state: SettingsState & {
    code: string;
    round: number;
    rounds: number;
    tuningSeconds: number;
    trainingProgress: number;
    paused: boolean;
    lockedCount: number;
    playingCount: number;
    spectatorCount: number;
    /** The host's language (a Language code; "" or absent when unknown). */
    hostLanguage?: string;
  };
  rows: PlayerRow[];
  phase: Phase;
  secondsLeft: number;
  round?: RoundMessage;
  reveal?: RevealView;
  counts?: number[];
  podium?: PodiumMessage;
}

export interface ProjectorScreen {
  render(view: ProjectorView): void;
  /** Call when the view is shown again: canvases measure their boxes anew. */
  refresh(): void;
}

const BOARD_ROWS = 10;
const LIST_SIZES = ["l", "m", "s", "xs", "xxs"] as const;
const joinLink = (code: string) => `${location.origin}/?room=${code}`;

/** The class's pick to explain beside the best level: the only one, everyone's, or the most common (when two or more share it). */
function classPick(levels: number[]): { level: number; label: string } | undefined {
  const top = mostPicked(levels);
  if (!top) return undefined;
  if (levels.length === 1) return { level: top.level, label: t("projector.classPickOne") };
  if (top.count === levels.length) return { level: top.level, label: t("projector.classPickEveryone") };
  return top.count > 1 ? { level: top.level, label: t("projector.classPickMost", { count: top.count }) } : undefined;
}

function board(rows: PlayerRow[], withRound: boolean) {
  const shown = rows.slice(0, BOARD_ROWS);
  return html`${shown.map(
    (
      p,
    ) => html`<li class="pj-board-row"><span class="rank">${p.rank ? formatPoints(p.rank) : "–"}</span><span class="name"
    >${p.name}</span><span class="points">${
      withRound && p.revealedPick ? html`<span class="round">+${formatPoints(p.roundPoints)}</span>` : nothing
    }${formatPoints(p.points)}</span></li>`,
  )}
    ${rows.length > shown.length ? html`<li class="pj-board-more">${t("projector.boardMore", { count: rows.length - shown.length })}</li>` : nothing}`;
}

export function createProjectorScreen(root: HTMLElement): ProjectorScreen {
  const playerList = createRef<HTMLElement>();
  const spiralBox = createRef<HTMLElement>();
  const uCurveBox = createRef<HTMLElement>();
  let spiral: SpiralView | undefined;
  let uCurve: UCurveView | undefined;
  /** What each canvas shows (drawn again only for a new picture). */
  let spiralKey = "";
  let uCurveKey = "";
  let shownPhase = "";
  let qr: { link: string; url: Promise<string> } | undefined;

  /** The biggest type at which every name shows (long names and big classes get smaller type). */
  function fitPlayerList(): void {
    const list = playerList.value;
    if (!list || list.offsetParent === null) return; // hidden: fitted when shown
    for (const size of LIST_SIZES) {
      list.dataset.size = size;
      if (list.scrollHeight <= list.clientHeight + 1) return;
    }
  }
  window.addEventListener("resize", fitPlayerList);

  function lobby(v: ProjectorView) {
    const { state, rows } = v;
    const link = joinLink(state.code);
    if (qr?.link !== link) qr = { link, url: qrDataUrl(link) };
    const watching = state.spectatorCount;
    const summary = t("projector.settings", {
      rounds: state.rounds,
      seconds: state.tuningSeconds,
      summary: settingsSummary(state),
    });
    const settings = state.locked ? t("projector.settingsLocked", { settings: summary }) : summary;
    const names = [...rows].sort((a, b) => a.seat - b.seat).map((p) => p.name);
    const title = rows.length
      ? watching
        ? t("projector.playersWatching", { count: rows.length, watching })
        : t("projector.players", { count: rows.length })
      : t("projector.waitingForPlayers");
    return html`<div class="pj-join">
        <p class="pj-label">${tHtml("projector.joinAt", {
          link: html`<strong id="pj-link" class="pj-link">${location.host}/?room=${state.code}</strong>`,
        })}</p>
        <p class="pj-label">${t("projector.withTheCode")}</p>
        <p id="pj-code" class="pj-code">${state.code}</p>
        <div class="pj-qr-row">
          <img id="pj-qr" class="pj-qr" data-testid="qr-code" alt=${t("projector.qrAlt")} src=${until(qr.url, nothing)}
            data-link=${until(
              qr.url.then(() => link),
              nothing,
            )} />
          <p class="pj-label pj-scan">${tHtml("projector.orScan", { br: html`<br />` })}</p>
        </div>
      </div>
      <div class="pj-players">
        <h2 id="pj-players-title" class="pj-title">${title}</h2>
        <ul id="pj-player-list" class="pj-player-list" ${ref(playerList)}>${names.map((name) => html`<li>${name}</li>`)}</ul>
        <p id="pj-settings" class="pj-note">${settings}</p>
      </div>`;
  }

  function training(v: ProjectorView) {
    const pct = Math.max(0, Math.min(100, v.state.trainingProgress));
    return html`<h2 id="pj-training-title" class="pj-title">${t("projector.trainingTitle", {
      round: v.state.round,
      rounds: v.state.rounds,
      progress: pct / 100,
    })}</h2>
      <div class="progress pj-progress"><div id="pj-training-fill" style="width: ${pct}%"></div></div>
      <p id="pj-training-note" class="pj-note">${t("projector.trainingNote", { levels: MAX_LEVEL })}</p>`;
  }

  function round(v: ProjectorView) {
    const { state, round, counts } = v;
    const revealing = v.phase === "reveal";
    const reveal = v.reveal?.round === state.round ? v.reveal : undefined;
    const sameRound = reveal && round?.round === reveal.round ? round : undefined;
    const best = reveal?.hidden.find((x) => x.level === reveal.bestLevel);
    const proof = reveal ? proofOf(sameRound, reveal) : undefined;
    const gaps = reveal ? gapRows(sameRound, reveal, classPick(reveal.results.map((x) => x.level)), true) : [];
    const title = revealing
      ? reveal
        ? t("projector.bWas", { name: spiralName(reveal.b.name), kind: kindName(reveal.b.kind) })
        : ""
      : round
        ? t("projector.roundA", { name: spiralName(round.a.name), kind: kindName(round.a.kind) })
        : t("projector.roundAWaiting");
    return html`<div class="pj-col pj-col-spiral">
        <p id="pj-round-title" class="pj-subtitle">${title}</p>
        <p id="pj-caption" class="pj-caption" data-testid="pj-caption">${spiralAbout(revealing ? reveal?.b.name : round?.a.name)}</p>
        <div id="pj-spiral" class="pj-canvas" aria-label=${t("projector.spiralLabel")} ${ref(spiralBox)}></div>
        <div id="pj-proof" class="pj-proof" data-testid="pj-reveal-verified" ?hidden=${!(revealing && proof)}
          data-verified=${proof?.state ?? nothing}>${revealing && proof ? proofTemplate(proof, { compact: true }) : nothing}</div>
      </div>
      <div class="pj-col pj-col-mid">
        <div id="pj-tuning-side" ?hidden=${revealing}>
          <p id="pj-cue" class="pj-cue">${round ? cueText(round.cue) : ""}</p>
          <p id="pj-paused" class="pj-paused" ?hidden=${revealing || !state.paused}>${t("projector.paused")}</p>
          <p id="pj-timer" class=${classMap({ "pj-timer": true, paused: state.paused, urgent: v.secondsLeft <= 5 && !state.paused })}>${formatSeconds(v.secondsLeft)}</p>
          <div id="pj-histogram-slot" ${ref(slots.pjHistogram)}></div>
          <p id="pj-locked" class=${classMap({ "pj-locked": true, big: !counts })}>${
            counts ? "" : t("projector.lockedIn", { locked: state.lockedCount, playing: state.playingCount })
          }</p>
        </div>
        <div id="pj-reveal-side" ?hidden=${!revealing}>
          <p id="pj-reveal-title" class="pj-subtitle">${
            !reveal
              ? t("projector.revealing")
              : best
                ? t("projector.bestLevelError", { level: reveal.bestLevel, error: formatError(best.error) })
                : t("projector.bestLevel", { level: reveal.bestLevel })
          }</p>
          <div id="pj-ucurve" class="pj-ucurve" aria-label=${t("projector.uCurveLabel")} ${ref(uCurveBox)}></div>
          <div id="pj-reveal-shake-slot" class="pj-shake-slot" ${ref(slots.pjRevealShake)}></div>
        </div>
      </div>
      <div class="pj-col pj-col-board">
        <h2 class="pj-title">${t("projector.leaderboard")}</h2>
        <ol id="pj-board" class="pj-board">${board(v.rows, revealing)}</ol>
      </div>
      <section id="pj-gaps" class="pj-gaps" data-testid="pj-reveal-gaps" aria-label=${t("projector.gapsLabel")}
        ?hidden=${!(revealing && reveal)}>${revealing && reveal ? gapsTemplate(gaps, { compact: true }) : nothing}</section>`;
  }

  /** The canvases: A while tuning, B with the best fit and the U-curve at the reveal. */
  function drawCanvases(v: ProjectorView, entering: boolean): void {
    if (!spiral) {
      spiral = new SpiralView(spiralBox.value!);
      // The reveal's strip of gaps takes height from the spiral's column: the picture follows its box.
      const view = spiral;
      new ResizeObserver(() => view.refresh()).observe(spiralBox.value!);
    }
    if (entering) spiral.refresh();
    const reveal = v.reveal?.round === v.state.round ? v.reveal : undefined;
    if (v.phase === "tuning") {
      const key = v.round ? `A:${v.round.round}:${v.round.commitment}` : "";
      if (v.round && spiralKey !== key) {
        spiralKey = key;
        spiral.show({ points: v.round.a, colour: COLOURS.a, hollow: new Set(v.round.a.validation) });
      }
      return;
    }
    if (!reveal) return;
    const key = `B:${reveal.round}:${reveal.b.name}`;
    if (spiralKey !== key) {
      spiralKey = key;
      // B appears as its object, then dissolves into its points under the best level's fit.
      spiral.reveal({
        points: reveal.b,
        colour: COLOURS.b,
        curve: reveal.overB.find((x) => x.level === reveal.bestLevel),
        gaps: false,
      });
    }
    uCurve ??= new UCurveView(uCurveBox.value!);
    if (entering) uCurve.refresh();
    if (uCurveKey !== key) {
      uCurveKey = key;
      uCurve.show({
        hidden: reveal.hidden,
        bestLevel: reveal.bestLevel,
        picks: reveal.results.map((x) => ({ level: x.level, mine: false })),
      });
    }
  }

  return {
    refresh() {
      shownPhase = "";
      requestAnimationFrame(fitPlayerList);
    },
    render(v) {
      const { state, phase } = v;
      const entering = shownPhase !== phase;
      shownPhase = phase;
      const heading =
        phase === "lobby"
          ? t("projector.headingLobby")
          : phase === "podium"
            ? t("projector.headingFinal")
            : t("projector.headingRound", { round: state.round, rounds: state.rounds });
      const host = languageSchema.safeParse(state.hostLanguage);
      const inRound = phase === "tuning" || phase === "reveal";
      render(
        html`
        <header class="pj-head">
          <span class="pj-brand">Shell <span class="amp">&amp;</span> Galaxy</span>
          <span id="pj-join-small" class="pj-join-small">${
            phase === "lobby" ? "" : t("projector.joinSmall", { code: state.code, host: location.host })
          }</span>
          <span id="pj-phase" class="pj-phase">${heading}</span>
          ${
            host.success
              ? html`<span id="pj-host-language" class="pj-host-language" data-testid="host-language">${t(
                  "projector.hostLanguage",
                  { name: LANGUAGE_NAMES[host.data] },
                )}</span>`
              : nothing
          }
          <span class="pj-language">${languageMenu()}</span>
          <div id="pj-host-bar-slot" class="pj-host-bar-slot" ${ref(slots.pjHostBar)}></div>
        </header>
        <div id="pj-lobby" class="pj-body pj-lobby" ?hidden=${phase !== "lobby"}>${phase === "lobby" ? lobby(v) : nothing}</div>
        <div id="pj-training" class="pj-body pj-center" ?hidden=${phase !== "training"}>${phase === "training" ? training(v) : nothing}</div>
        <div id="pj-round" class="pj-body pj-round" ?hidden=${!inRound}>${round(v)}</div>
        <div id="pj-podium" class="pj-body pj-podium" ?hidden=${phase !== "podium"}>
          <div class="pj-col"><h2 class="pj-title">${t("projector.podium")}</h2><ol id="pj-top3" class="top3 pj-top3">${topThree(v.rows)}</ol></div>
          <div class="pj-col"><h2 class="pj-title">${t("projector.leaderboard")}</h2>
            <ol id="pj-podium-board" class="pj-board">${phase === "podium" ? board(v.rows, false) : nothing}</ol></div>
          <div id="pj-podium-shake-slot" class="pj-col pj-shake-slot" ${ref(slots.pjPodiumShake)}></div>
        </div>`,
        root,
      );
      if (phase === "lobby") fitPlayerList();
      if (inRound) drawCanvases(v, entering);
    },
  };
}
