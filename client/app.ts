// The page: draws the screen the screen machine picks from the store, every time the store
// changes. It owns the room's frame (its bar, the regions' visibility) and hands each screen its
// view and its port; screens own what is inside their regions.
import { html, nothing, render } from "lit-html";
import { createRef, ref } from "lit-html/directives/ref.js";
import type { Phase } from "../shared/protocol";
import { store, type AppState, type RoomSession } from "./store";
import { regionsOf, screenKey, screenOf, type Region, type Screen } from "./screen-machine";
import { roomPort, type RoomPort } from "./port";
import { clearError, setPhaseBadge } from "./ui";
import { secondsLeftNow, tickSeconds } from "./countdown";
import { readRoom, roomHead, roomProjector, roomReveal, roomTraining, roomTuning, type RoomRead } from "./room-views";
import { movable, place, slots } from "./placement";
import { createStage } from "./screens/stage";
import { renderRoundHead } from "./screens/round-head";
import { createTuningScreen } from "./screens/tuning";
import { createRevealScreen } from "./screens/reveal";
import { renderTraining } from "./screens/training";
import { createLobbyScreen } from "./screens/lobby";
import { createClassroom } from "./classroom";
import { renderPodium } from "./screens/podium";
import { renderLeaderboard } from "./screens/leaderboard";
import { createProjectorScreen } from "./screens/projector";
import { announcePhase } from "./screens/announce";
import {
  practiceBar,
  practiceData,
  practiceHead,
  practiceSummary,
  practiceTraining,
  practiceTuning,
} from "./screens/practice";
import { practicePort, stopPractice } from "./practice/practice-mode";
import type { Practice } from "./practice/practice-state";
import { goHome } from "./session/connection";
import { copyLink } from "./session/copy-link";
import { homeworkName, reloadHomework, startHomework } from "./session/homework";
import type { HomeScreen } from "./screens/home";
import { createHomeworkScreen } from "./screens/homework";
import { rememberedName } from "./ui";
import { onLanguageChange, t, tHtml } from "./i18n/i18n";

/** The page's fixed roots (index.html). */
export interface PageRoots {
  home: HTMLElement;
  homework: HTMLElement;
  room: HTMLElement;
  projector: HTMLElement;
  points: HTMLElement;
}

export function startApp(roots: PageRoots, home: HomeScreen): void {
  const region = {
    lobby: createRef<HTMLElement>(),
    training: createRef<HTMLElement>(),
    stage: createRef<HTMLElement>(),
    head: createRef<HTMLElement>(),
    spiral: createRef<HTMLElement>(),
    tuning: createRef<HTMLElement>(),
    reveal: createRef<HTMLElement>(),
    revealExtra: createRef<HTMLElement>(),
    podium: createRef<HTMLElement>(),
    daily: createRef<HTMLElement>(),
    homework: createRef<HTMLElement>(),
  };
  // The movable elements (./placement): created once, placed in one slot per render.
  const roomSettings = movable("fieldset", { id: "room-settings", class: "room-settings" });
  const board = movable("section", { id: "board-box", class: "card", hidden: "" });

  let shown: Screen = { name: "home" };
  let shownSession: RoomSession | undefined;
  let port: RoomPort | undefined;

  /** The room's frame: its bar (or practice's), the host bar's slot, and a region per screen. */
  function frame(app: Readonly<AppState>, visible: ReadonlySet<Region>): void {
    const s = app.session;
    const practice = app.practice;
    const solo = s !== undefined && s.mode !== "match";
    const homework = s?.mode === "homework";
    /** A homework attempt left before its podium goes on later. */
    const goesOn = homework && s?.room.state?.phase !== "podium";
    const bar =
      practice && !s
        ? practiceBar(practice, () => stopPractice())
        : html`<div class="room-bar">
      <span id="room-label" ?hidden=${solo}>${tHtml("room.roomLabel", {
        code: html`<strong id="room-code" class="room-code" data-testid="room-code">${s?.room.state?.code ?? ""}</strong>`,
      })}</span>
      <span id="daily-label" class="daily-label" ?hidden=${s?.mode !== "daily"}>${t("room.dailyLabel")}</span>
      <span id="homework-label" class="daily-label" ?hidden=${!homework}>${t("room.homeworkLabel")}</span>
      <button id="copy-link" type="button" class="small-button" ?hidden=${solo} @click=${() => s && copyLink(s.code)}>${t("room.copyLink")}</button>
      <button id="leave" type="button" class="small-button" title=${goesOn ? t("room.leaveLaterTitle") : ""}
        @click=${() => goHome(true)}>${goesOn ? t("room.leaveLater") : t("room.leave")}</button>
    </div>`;
    const off = (r: Region) => !visible.has(r);
    render(
      html`
      ${bar}
      <div id="host-bar-slot" ${ref(slots.hostBar)}></div>
      <section id="daily-result" class="card daily-result" data-testid="daily-result" hidden aria-live="polite" ${ref(region.daily)}></section>
      <p id="homework-notice" class="homework-notice" data-testid="homework-notice" hidden aria-live="polite" ${ref(region.homework)}></p>
      <section id="lobby" class="card" ?hidden=${off("lobby")} ${ref(region.lobby)}></section>
      <section id="training" class="card" ?hidden=${off("training")} ${ref(region.training)}></section>
      <section id="stage" ?hidden=${off("stage")} ${ref(region.stage)}>
        <div class="round-head-box" ${ref(region.head)}></div>
        <div class="stage-grid">
          <div id="spiral-view" class="canvas-box" aria-label=${t("room.spiralView")} ${ref(region.spiral)}></div>
          <div class="panel">
            <div id="tuning-panel" ?hidden=${off("tuning")} ${ref(region.tuning)}></div>
            <div id="reveal-panel" ?hidden=${off("reveal")} ${ref(region.reveal)}></div>
          </div>
        </div>
        <div id="reveal-extra" ?hidden=${off("reveal")} ${ref(region.revealExtra)}></div>
      </section>
      <section id="podium" class="card" ?hidden=${off("podium")} ${ref(region.podium)}></section>
      <div ${ref(slots.podiumBoard)}></div>
      <div id="podium-shake-slot" ${ref(slots.podiumShake)}></div>
      ${practice && !s ? practiceData(practice) : nothing}`,
      roots.room,
    );
    board.hidden = off("board");
  }

  // The first frame makes the regions the screens draw in.
  frame(store.get(), new Set());
  const stage = createStage(region.stage.value!, region.spiral.value!);
  const tuning = createTuningScreen(region.tuning.value!, stage.spiral, () => region.stage.value!);
  const reveal = createRevealScreen(region.reveal.value!, region.revealExtra.value!, stage.spiral, stage.uCurve);
  const lobby = createLobbyScreen(region.lobby.value!, roomSettings);
  const classroom = createClassroom({
    lobby,
    roomSettings,
    daily: region.daily.value!,
    homework: region.homework.value!,
    port: () => port,
  });
  const homeworkPage = createHomeworkScreen(roots.homework, {
    start: (n) => void startHomework(n),
    retry: reloadHomework,
  });
  const projector = createProjectorScreen(roots.projector);
  // The training bar exists from the start (one element for every round: observers can follow it).
  renderTraining({ title: "", progress: 0, summary: "" }, region.training.value!);
  /** One port per room object (a seat got back after Leave is a new room: a new port). */
  const ports = new WeakMap<RoomSession["room"], RoomPort>();
  const portOf = (s: RoomSession): RoomPort => {
    port = ports.get(s.room) ?? roomPort(s.room);
    ports.set(s.room, port);
    return port;
  };

  function myPoints(points: number | undefined): void {
    roots.points.hidden = points === undefined;
    roots.points.dataset.points = String(points ?? 0);
    roots.points.textContent = t("room.myPoints", { points: points ?? 0 });
  }

  function draw(app: Readonly<AppState>): void {
    const screen = screenOf(app);
    const visible = regionsOf(screen);
    const entering = screenKey(screen) !== screenKey(shown);
    const wasProjector = shown.name === "room" && shown.projector;
    shown = screen;
    // Left a match: its code stays in the home screen's box (to join it again).
    if (shownSession && shownSession !== app.session && shownSession.mode === "match") home.setCode(shownSession.code);
    shownSession = app.session;

    roots.home.hidden = !visible.has("home");
    if (visible.has("home")) home.show();
    roots.homework.hidden = !visible.has("homework");
    const hw = screen.name === "homework" ? app.homeworkPage : undefined;
    homeworkPage.render(hw, hw && homeworkName(hw.id), rememberedName());
    roots.room.hidden = !visible.has("room");
    const onProjector = screen.name === "room" && screen.projector;
    document.body.classList.toggle("projector-mode", onProjector);
    document.body.classList.toggle("practicing", screen.name === "practice");
    roots.projector.hidden = !onProjector;
    frame(app, visible);

    if (!app.session) port = undefined; // a question asked in a room (Remove? End match?) answers nothing now
    if (screen.name === "home" || screen.name === "joining" || screen.name === "homework") {
      if (screen.name === "homework") setPhaseBadge("homework");
      else setPhaseBadge("home", screen.name === "joining" ? t("room.joining") : "");
      myPoints(undefined);
      classroom.hide();
      return;
    }
    if (screen.name === "practice") return drawPractice(app.practice!, entering);
    const session = app.session!;
    const r = readRoom(session, secondsLeftNow(session.room.state, app.clockOffset));
    if (entering) clearError();
    drawRoom(r, screen.phase, portOf(session), entering);
    classroom.draw(r, screen.phase, portOf(session), onProjector);
    if (onProjector) {
      if (!wasProjector) projector.refresh();
      projector.render(roomProjector(r));
    } else if (wasProjector) {
      stage.refresh(); // the normal canvases were hidden: measure them again
    }
  }

  function drawRoom(r: RoomRead, phase: Phase, p: RoomPort, entering: boolean): void {
    const { state } = r;
    setPhaseBadge(
      phase,
      phase === "lobby" || phase === "podium" ? "" : t("room.roundOf", { round: state.round, rounds: state.rounds }),
    );
    myPoints(r.mine?.points);
    switch (phase) {
      case "lobby":
        lobby.render(
          {
            state,
            players: r.rows.length,
            watching: state.spectatorCount ?? 0,
            isHost: r.isHost,
            teacherKey: r.isHost ? r.session.teacherKey : undefined,
          },
          p,
        );
        break;
      case "training":
        renderTraining(roomTraining(r), region.training.value!);
        break;
      case "tuning":
        renderRoundHead(roomHead(r), region.head.value!);
        tuning.render(roomTuning(r), p);
        if (entering) {
          stage.refresh();
          tuning.redraw();
        }
        break;
      case "reveal":
        renderRoundHead(roomHead(r), region.head.value!);
        reveal.render(roomReveal(r, tuning.level()), p);
        if (entering) stage.refresh();
        break;
      case "podium":
        renderPodium(
          {
            rows: r.rows,
            isHost: r.isHost,
            solo: r.session.mode === "match" ? undefined : r.session.mode,
            home: () => goHome(true),
          },
          p,
          region.podium.value!,
        );
        break;
    }
    if (entering) announcePhase(phase, state, r.rows, r.isHost);
    if (phase === "reveal" || phase === "podium") {
      place(board, phase === "reveal" ? "revealBoard" : "podiumBoard");
      renderLeaderboard(r.rows, phase === "reveal", board);
    }
  }

  function drawPractice(p: Practice, entering: boolean): void {
    setPhaseBadge(p.phase, t("room.practiceRound", { number: p.number }));
    myPoints(p.total);
    classroom.hide();
    if (p.phase === "training") return renderTraining(practiceTraining(p), region.training.value!);
    renderRoundHead(practiceHead(p), region.head.value!);
    if (p.phase === "tuning" && p.trained) {
      tuning.render(practiceTuning(p), practicePort);
      if (entering) {
        stage.refresh();
        tuning.redraw();
      }
    } else if (p.phase === "reveal" && p.reveal) {
      reveal.render(
        {
          reveal: p.reveal,
          round: p.trained?.round,
          sliderLevel: tuning.level(),
          next: t("room.nextPractice"),
          practice: true,
          below: practiceSummary(p),
        },
        practicePort,
      );
      if (entering) stage.refresh();
    }
  }

  store.subscribe(draw);
  // Another language: the screen shown draws itself again from the store, in it.
  onLanguageChange(() => draw(store.get()));
  // The countdown: a redraw whenever the whole second changes in a timed phase.
  tickSeconds(
    () => {
      const { session, clockOffset } = store.get();
      const phase = session?.room.state?.phase;
      return phase === "tuning" || phase === "reveal" ? secondsLeftNow(session!.room.state, clockOffset) : undefined;
    },
    () => store.changed(),
  );
  draw(store.get());
}
