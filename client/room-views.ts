// A match room's state read as each screen's view: the words of the round head, what tuning,
// the reveal, the lobby and the projector show. Plain functions of the session and the clock.
import type { MatchState } from "../shared/state";
import { revealFromState } from "../shared/reveal-view";
import { MAX_LEVEL } from "../shared/ladder-levels";
import { DEFAULT_PICK } from "../shared/match";
import type { RoomSession } from "./store";
import { formatSeconds, num, playerRows, type PlayerRow } from "./view-model";
import type { RoundHead } from "./screens/round-head";
import type { TuningView } from "./screens/tuning";
import type { RevealScreenView } from "./screens/reveal";
import type { ProjectorView } from "./screens/projector";
import type { TrainingView } from "./screens/training";
import { settingsSummary } from "./screens/settings-summary";
import { t } from "./i18n/i18n";
import { kindName, spiralName } from "./i18n/spiral-names";
import { cueText } from "./i18n/cue-text";

/** What every screen of a room reads: the state, the rows, me, the clock. */
export interface RoomRead {
  session: RoomSession;
  state: MatchState;
  me: string;
  rows: PlayerRow[];
  mine?: PlayerRow;
  isHost: boolean;
  secondsLeft: number;
  /** This round's message, once it has arrived. */
  round?: RoomSession["round"];
}

export function readRoom(session: RoomSession, secondsLeft: number): RoomRead {
  const state = session.room.state;
  const me = session.room.sessionId;
  // The reveal's rows come from the state, a patch after the message: built once it has them.
  if (session.revealMessage && !session.reveal) session.reveal = revealFromState(session.revealMessage, state);
  const rows = playerRows(state, me);
  return {
    session,
    state,
    me,
    rows,
    mine: rows.find((p) => p.isMe),
    isHost: state.hostId === me,
    secondsLeft,
    round: session.round?.round === state.round ? session.round : undefined,
  };
}

const lastRound = (state: MatchState) => state.round >= state.rounds;

export function roomHead(r: RoomRead): RoundHead {
  const { state } = r;
  const tuning = state.phase === "tuning";
  const left = r.secondsLeft;
  const reveal = r.session.reveal?.round === state.round ? r.session.reveal : undefined;
  return {
    label: tuning
      ? t("tuning.headTuning", {
          round: state.round,
          rounds: state.rounds,
          name: r.round ? spiralName(r.round.a.name) : "…",
        })
      : t("tuning.headRevealed", { round: state.round, rounds: state.rounds }),
    timer: tuning
      ? t(state.paused ? "tuning.timeLeftPaused" : "tuning.timeLeft", { time: formatSeconds(left) })
      : t(lastRound(state) ? "tuning.podiumIn" : "tuning.nextRoundIn", { time: formatSeconds(left) }),
    urgent: tuning && num(state.tuningSeconds) > 0 && left <= 5 && left > 0 && !state.paused,
    paused: tuning && state.paused === true,
    cue:
      !tuning && reveal
        ? t("tuning.bWas", { name: spiralName(reveal.b.name), kind: kindName(reveal.b.kind) })
        : r.round
          ? cueText(r.round.cue)
          : "",
  };
}

export function roomTraining(r: RoomRead): TrainingView {
  const pct = num(r.state.trainingProgress);
  return {
    title: t("tuning.trainingTitle", {
      round: r.state.round,
      rounds: r.state.rounds,
      share: Math.max(0, Math.min(100, pct)) / 100,
    }),
    progress: pct,
    summary: `${settingsSummary(r.state)}.`,
  };
}

export function roomTuning(r: RoomRead): TuningView {
  const { state } = r;
  const player = state.players.get(r.me);
  const canPick = player?.playing === true;
  const locked = t("tuning.lockedCount", { locked: num(state.lockedCount), playing: num(state.playingCount) });
  const timed = num(state.tuningSeconds) > 0;
  return {
    round: r.round,
    canPick,
    locked: player?.locked === true,
    startLevel: player?.pick || DEFAULT_PICK,
    lockedNote: canPick ? locked : t("tuning.watchingNote", { locked }),
    secondsLeft: r.secondsLeft,
    ticking: timed && !state.paused,
    intro: (msg) => {
      const facts = { round: state.round, rounds: state.rounds, name: spiralName(msg.a.name), cue: cueText(msg.cue) };
      const time = formatSeconds(r.secondsLeft || num(state.tuningSeconds));
      return (
        t(timed ? "tuning.introTimed" : "tuning.intro", facts) +
        " " +
        (canPick
          ? t(timed ? "tuning.introPickTimed" : "tuning.introPick", { max: MAX_LEVEL, time })
          : t("tuning.introWatching"))
      );
    },
  };
}

export function roomReveal(r: RoomRead, sliderLevel: number): RevealScreenView {
  const reveal = r.session.reveal?.round === r.state.round ? r.session.reveal : undefined;
  return {
    reveal,
    round: r.session.round,
    sliderLevel,
    next: r.isHost ? t(lastRound(r.state) ? "tuning.toPodium" : "tuning.nextRoundNow") : undefined,
    homework: r.session.mode === "homework",
  };
}

/** The pick counts of the round being tuned, if the server sent any (live picks on). */
export function countsNow(r: RoomRead): number[] | undefined {
  const counts = r.session.counts;
  return r.state.phase === "tuning" && counts?.round === r.state.round ? counts.counts : undefined;
}

export function roomProjector(r: RoomRead): ProjectorView {
  const { state } = r;
  return {
    state: {
      code: state.code,
      round: state.round,
      rounds: state.rounds,
      tuningSeconds: num(state.tuningSeconds),
      trainingProgress: num(state.trainingProgress),
      paused: state.paused === true,
      lockedCount: num(state.lockedCount),
      playingCount: num(state.playingCount),
      spectatorCount: num(state.spectatorCount),
      kinds: state.kinds,
      difficulty: state.difficulty,
      speedBonus: state.speedBonus,
      showPicksLive: state.showPicksLive,
      visibility: state.visibility,
      locked: state.locked,
      hostLanguage: state.hostLanguage,
    },
    rows: r.rows,
    phase: state.phase,
    secondsLeft: r.secondsLeft,
    round: r.round,
    reveal: r.session.reveal,
    counts: countsNow(r),
    podium: r.session.podium,
  };
}
