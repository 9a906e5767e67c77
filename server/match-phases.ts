// The phases of a match room, as PHASE_FLOW (shared/match-flow.ts) has them: entering each one
// (the round number, the player reset, the deadline, the clock), and the work done on the way —
// training a round, scoring it, the podium. MatchRoom (server/match-room.ts) adds the people:
// joining, views, reconnection; MessageDesk (server/message-desk.ts) the messages.
import { randomUUID } from "node:crypto";
import { Room, type Delayed } from "@colyseus/core";
import { dailyOpeningAfter, dailyRoundId, utcDate } from "../shared/daily";
import { rankStandings } from "../shared/match";
import { MODE_RULES, PHASE_FLOW, nextPhase, phaseSeconds, resetPlayer, type RoomMode } from "../shared/match-flow";
import type { ClockMessage, ErrorMessage, Phase, PodiumMessage } from "../shared/protocol";
import { MatchState } from "../shared/state";
import { LockIns, LOCK_FLUSH_MS } from "./lock-ins";
import { isOpen, type Homework } from "./homework-room";
import type { MatchRecords } from "./match-records";
import type { PhaseClock } from "./phase-clock";
import { pickCounts } from "./pick-views";
import type { CurrentRound, RoundPlay } from "./round-play";
import type { CheckpointWriter } from "./checkpoint-writer";
import type { SetRoundSpec } from "../shared/round-set";
import { log } from "./log";

/** Shortest training phase, so everyone sees the round start even when training is quick. */
const MIN_TRAINING_MS = 1500;
/**
 * How often the state is patched while tuning, and otherwise (Colyseus's default). A player's
 * own pick is confirmed by the next patch, so tuning patches sooner; that costs no traffic, as a
 * client only gets a patch when something it sees changed (server/quiet-patches.ts).
 */
const TUNING_PATCH_MS = 30;
const PATCH_MS = 50;

export abstract class MatchPhases extends Room<{ state: MatchState }> {
  state = new MatchState();
  mode: RoomMode = "match";
  readonly spectators = new Set<string>();
  readonly lockIns = new LockIns();
  phaseClock!: PhaseClock;
  protected now: () => Date = () => new Date();
  protected rounds!: RoundPlay;
  protected records!: MatchRecords;
  protected lockFlush?: Delayed;
  /** A homework room's assignment and attempt (server/homework-room.ts). */
  protected homework?: Homework;
  /** A room made with a teacher key: its matches are stored under the key's id (never the key). */
  protected teacherId?: string;
  /**
   * A room (or homework) playing a teacher's round set: its rounds in order (A and B given; kept
   * on the server, never in the state or a message before each round's reveal).
   */
  protected setRounds?: SetRoundSpec[];
  /** The set's id (a match room's; checkpointed, so a restart reads the same set again). */
  protected setId?: string;
  /** What fixes the current round with the secret, and the UTC date it began: decided before training, so a checkpoint has them. */
  protected roundId?: string;
  protected roundDate?: string;
  /** Writes the room's checkpoint (server/checkpoint-writer.ts). */
  protected checkpoints?: CheckpointWriter;
  private listing = "";
  /** A round's results are being written (the reveal follows). */
  private saving = false;

  get daily(): boolean {
    return this.mode === "daily";
  }

  // --- The flow (PHASE_FLOW) -----------------------------------------------------------------

  /**
   * Enters `phase` as PHASE_FLOW says: the round number, the player reset, the phase's own work
   * (`work`: messages go out before the patch that changes the phase), the deadline, the clock,
   * and the checkpoint (on disk before the patch that shows the phase). A phase resumed after a
   * restart (`fresh` false) keeps the round number and the players as they were.
   */
  private enter(phase: Phase, work?: () => void, fresh = true): void {
    const rule = PHASE_FLOW[phase];
    if (fresh && rule.round === "next") this.state.round += 1;
    if (fresh && rule.round === "none") this.state.round = 0;
    if (fresh && rule.reset) for (const player of this.state.players.values()) resetPlayer(player, rule.reset);
    work?.();
    this.state.phase = phase;
    const patchMs = phase === "tuning" ? TUNING_PATCH_MS : PATCH_MS;
    if (this.patchRate !== patchMs) this.patchRate = patchMs;
    const seconds = phaseSeconds(phase, this.state);
    if (seconds === undefined) this.phaseClock.stop();
    else this.phaseClock.start(seconds, () => this.advance(phase));
    this.broadcast("clock", { now: Date.now() } satisfies ClockMessage);
    this.rank();
    this.recount();
    this.checkpoints?.now();
  }

  /** `from` is over (its deadline, everyone locked in, the host): on to the phase after it. */
  private advance(from: Phase): void {
    if (this.state.phase !== from) return;
    const next = nextPhase(from, this.state);
    if (next === "reveal") return void this.endTuning();
    if (next === "training") return void this.beginRound();
    if (next === "podium") return this.toPodium();
  }

  /** A new match: a new id for its results, then its first round (homework: the first not played yet). */
  startMatch(): void {
    const { homework } = this;
    const match = homework
      ? this.records.startAttempt(homework.attempt, homework.assignment)
      : this.records.start(this.state.code, this.state.rounds, this.state.tuningSeconds, { teacherId: this.teacherId });
    if (homework) this.state.round = homework.attempt.roundsDone; // beginRound goes on to the next
    this.state.matchId = match.id;
    const { rounds, players } = this.state;
    log.info("match-started", { room: this.roomId, match: match.id, players: players.size, rounds });
    this.rounds.newMatch(); // the players were reset on entering the lobby (PHASE_FLOW)
    void this.beginRound();
  }

  /**
   * Trains a round and goes on to its tuning. `resume` (after a restart): the checkpointed round
   * is trained again from its id (the same A and B), with its picks and lock-ins kept, and goes
   * on to tuning with a fresh timer, or back to its reveal.
   */
  private async beginRound(resume?: "tuning" | "reveal"): Promise<void> {
    const fresh = resume === undefined;
    this.enter(
      "training",
      () => {
        this.state.trainingProgress = 0;
        this.rounds.clearRound();
        if (fresh) this.clearLockIns();
        if (fresh || !this.roundId) this.newRoundId();
      },
      fresh,
    );
    const number = this.state.round;
    const settings = {
      daily: MODE_RULES[this.mode].roundsFrom === "day",
      kinds: [...this.state.kinds],
      difficulty: this.state.difficulty,
      date: this.roundDate!,
      id: this.roundId!,
      set: this.setRounds?.[(number - 1) % this.setRounds.length], // more rounds than the set has: it starts again
    };
    let trained: Awaited<ReturnType<RoundPlay["train"]>>;
    try {
      [trained] = await Promise.all([
        this.rounds.train(number, settings, (done) => {
          if (this.state.round === number) this.state.trainingProgress = Math.round(done * 100);
        }),
        new Promise((resolve) => this.clock.setTimeout(resolve, MIN_TRAINING_MS)),
      ]);
    } catch (error) {
      log.error("round-training-failed", { room: this.roomId, round: number, error });
      this.broadcast("error", { code: "server-error", params: { reason: "training-failed" } } satisfies ErrorMessage);
      return this.toLobby();
    }
    // The room may have moved on (everyone left, or a new match) while the worker trained.
    if (this.state.phase !== "training" || this.state.round !== number) return;
    log.info("round-trained", { room: this.roomId, round: number, resumed: resume });
    if (resume === "reveal") return this.revealAgain(trained);
    this.enter("tuning", () => {
      this.rounds.begin(trained);
      this.broadcast("round", trained.message); // before the phase changes, so fits are there first
      this.sendPickCounts();
    });
  }

  /** This round's id: the assignment's (homework), the day's (daily), else a fresh one. */
  private newRoundId(): void {
    const date = utcDate(this.now());
    const rule = MODE_RULES[this.mode].roundsFrom;
    this.roundDate = date;
    if (rule === "day") this.roundId = dailyRoundId(date);
    else if (rule === "assignment") this.roundId = this.homework!.assignment.roundIds[this.state.round - 1];
    else this.roundId = randomUUID();
  }

  /**
   * A restored room goes on from the phase it was checkpointed in: the lobby and the podium as
   * they were; training or tuning trains the round again and resumes at tuning; a reveal trains
   * it again and shows its reveal again (its points are in the restored state already).
   */
  resume(phase: Phase): void {
    if (phase === "training" || phase === "tuning") return void this.beginRound("tuning");
    if (phase === "reveal") return void this.beginRound("reveal");
    this.enter(phase, undefined, false);
  }

  /** A restored reveal: the round message and the same reveal again, nothing scored or saved twice. */
  private revealAgain(trained: CurrentRound): void {
    this.enter(
      "reveal",
      () => {
        this.rounds.begin(trained);
        this.broadcast("round", trained.message);
        this.broadcast("reveal", this.rounds.revealAgain(this.openingAfter(trained.date)));
      },
      false,
    );
  }

  /** Tuning is over: score, save, reveal. */
  async endTuning(): Promise<void> {
    if (this.state.phase !== "tuning" || !this.rounds.current || this.saving) return;
    this.saving = true; // the timer and the last lock-in may both end tuning while the round is written
    try {
      await this.scoreSaveReveal(this.rounds.current);
    } finally {
      this.saving = false;
    }
  }

  private async scoreSaveReveal(current: CurrentRound): Promise<void> {
    this.showLockIns(false); // the reveal's checkpoint follows
    const speedBonus = this.state.speedBonus;
    const inRound = [...this.state.players.entries()].filter(([, p]) => p.playing);
    const picks = inRound.map(([sessionId, p]) => ({
      sessionId,
      name: p.name,
      level: p.pick,
      ...(speedBonus ? { timeLeftShare: this.lockIns.shareOf(sessionId) } : {}),
    }));
    const { bestLevel, results, reveal, levels } = this.rounds.score(picks, this.openingAfter(current.date));
    const rows = results.map((r) => {
      const player = this.state.players.get(r.sessionId)!;
      return { ...r, seat: player.seat, total: player.points + r.points };
    });
    // Written before anyone sees the results; a homework round scored after the deadline is not.
    const standing = this.daily ? await this.records.saveDaily(current.date, results[0]) : undefined;
    const late = this.homework && !isOpen(this.homework.assignment, this.now());
    if (!this.daily && !late) {
      await this.records.saveRound(this.state.round, current.opening, bestLevel, rows, levels);
    }
    if (late) log.info("homework-round-late", { room: this.roomId, round: this.state.round });
    if (this.state.phase !== "tuning" || this.rounds.current !== current) return; // the room went on without it (it is closing)
    this.enter("reveal", () => {
      for (const [i, result] of results.entries()) {
        const player = this.state.players.get(result.sessionId);
        if (!player) continue; // left while the round was being written
        player.points = rows[i].total;
        player.roundPoints = result.points;
        player.speedBonus = result.speedBonus;
        player.revealedPick = result.level;
      }
      for (const player of this.state.players.values()) player.previousRank = player.rank;
      this.broadcast("reveal", reveal);
      if (standing) this.broadcast("daily", standing);
    });
    log.info("round-revealed", { room: this.roomId, round: this.state.round, players: results.length, bestLevel });
  }

  /**
   * When the round's opening may be published, if not at its reveal: others play the same B
   * later (the daily until the end of its day, homework until its deadline).
   */
  private openingAfter(date: string): string | undefined {
    if (this.daily) return dailyOpeningAfter(date);
    return this.homework?.assignment.deadline;
  }

  /** The host goes on from the reveal (or its deadline passed). */
  afterReveal(): void {
    this.advance("reveal");
  }

  /** The end of a match (after the last round, or when the host ends it): the podium. */
  toPodium(): void {
    const players = [...this.state.players.values()].filter((p) => p.playing);
    const winner = players.find((p) => p.rank === 1)?.name;
    if (!this.daily) void this.records.finish(this.rounds.reveal ? winner : undefined); // logs its own failure
    const podium = this.podiumMessage();
    this.enter("podium", () => {
      this.rounds.current = undefined;
      this.broadcast("podium", podium);
    });
  }

  /** The match's podium: its results' id and the shake-up of those who played. */
  protected podiumMessage(): PodiumMessage {
    const players = [...this.state.players.entries()].filter(([, p]) => p.playing);
    const standings = players.map(([sessionId, p]) => ({ sessionId, name: p.name, points: p.points }));
    return this.rounds.podium(this.records.match!.id, standings);
  }

  /** Something a checkpoint should hold changed: a pick within a second, anything else within 100 ms. */
  changed(what: "pick" | "other"): void {
    if (what === "pick") this.checkpoints?.later();
    else this.checkpoints?.soon();
  }

  toLobby(): void {
    this.enter("lobby", () => {
      this.rounds.newMatch();
      this.state.matchId = "";
    });
  }

  // --- Lock-ins, counts, ranks -----------------------------------------------------------------

  /** A player locks in: decided now, shown in the state with the next batch (LOCK_FLUSH_MS). */
  lockIn(sessionId: string): void {
    this.lockIns.add(sessionId, this.phaseClock.shareLeft(this.state.tuningSeconds));
    if (this.allLocked()) return void this.endTuning();
    this.lockFlush ??= this.clock.setTimeout(() => this.showLockIns(), LOCK_FLUSH_MS);
  }

  private showLockIns(save = true): void {
    this.lockFlush?.clear();
    this.lockFlush = undefined;
    if (!this.lockIns.pending) return;
    this.lockIns.show(this.state);
    this.recount();
    this.sendPickCounts();
    if (save) this.checkpoints?.now(); // on disk before the patch that shows the marks
  }

  private clearLockIns(): void {
    this.lockFlush?.clear();
    this.lockFlush = undefined;
    this.lockIns.clear();
  }

  protected pickCounts() {
    return pickCounts(this.state, (sessionId) => this.lockIns.has(sessionId));
  }

  /**
   * Counts of locked picks go out before the reveal only when the host shows picks live: with the
   * public `locked` flags, counts alone would tell anyone (the host too) who picked what.
   */
  sendPickCounts(): void {
    if (this.state.showPicksLive) this.broadcast("pickCounts", this.pickCounts());
  }

  protected allLocked(): boolean {
    const inRound = [...this.state.players.entries()].filter(([, p]) => p.playing);
    return inRound.length > 0 && inRound.every(([sessionId]) => this.lockIns.has(sessionId));
  }

  protected rank(): void {
    const standings = [...this.state.players.entries()].map(([sessionId, p]) => ({
      sessionId,
      name: p.name,
      points: p.points,
      seat: p.seat,
    }));
    for (const [sessionId, rank] of rankStandings(standings)) this.state.players.get(sessionId)!.rank = rank;
  }

  recount(): void {
    const players = [...this.state.players.values()];
    this.state.playingCount = players.filter((p) => p.playing).length;
    this.state.lockedCount = players.filter((p) => p.playing && p.locked).length;
    this.state.spectatorCount = this.spectators.size;
    this.publishListing();
  }

  /** What /watch lists for a public room (Colyseus's LobbyRoom relays it live); sent only when it changes. */
  publishListing(): void {
    const host = this.state.players.get(this.state.hostId)?.name ?? "";
    const { code, phase, round, rounds } = this.state;
    const [players, spectators] = [this.state.players.size, this.spectators.size];
    const metadata = { code, phase, round, rounds, players, spectators, host };
    const listing = JSON.stringify(metadata);
    if (listing === this.listing) return;
    this.listing = listing;
    void this.setMetadata(metadata);
  }
}
