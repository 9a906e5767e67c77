// A match room: the Colyseus adapter around the match rules in shared/. It owns the timers,
// trains each round's ladder in a worker, keeps B and the picks secret until the reveal, and
// scores on the server.
import { randomUUID } from "node:crypto";
import { CloseCode, Room, ServerError, ErrorCode, matchMaker, type Client, type Delayed } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { SPIRAL_KINDS } from "../shared/catalog";
import { DAILY_TUNING_SECONDS, dailyOpeningAfter, dailyRoundId, utcDate } from "../shared/daily";
import { shakeUp } from "../shared/shake-up";
import { roundPoints } from "../shared/scoring";
import { MAX_LEVEL } from "../shared/ladder-levels";
import type { Difficulty, Round } from "../shared/round";
import { canonicalKinds, replayToken, type RoundOpening } from "../shared/round-key";
import { roundOf } from "../shared/round-proof";
import type { HiddenFit } from "../shared/round-ladder";
import { Random } from "../shared/random";
import { newRoomCode } from "../shared/room-code";
import {
  CLOSE_FLOODING, CLOSE_KICKED, MAX_PLAYERS, MAX_SPECTATORS, ROUNDS, TUNING_SECONDS, joinOptionsSchema, parseClientMessage,
  type ClientMessage, type ClientMessageType, type ClockMessage, type ErrorMessage, type Phase, type DailyMessage, type PickCountsMessage, type PodiumMessage, type RevealMessage, type RoundMessage, type RoundResult,
} from "../shared/protocol";
import { DEFAULT_PICK, REVEAL_SECONDS, phaseAfterReveal, rankStandings, refusal, scoreRound, nextHost, uniqueName } from "../shared/match";
import { roundMessage, revealMessage } from "../shared/round-messages";
import { secondsLeft } from "../shared/clock";
import { MatchState, Player } from "./state";
import { trainer } from "./trainer";
import { roundKey } from "./round-secret";
import { FloodGuard, FLOOD_LIMITS } from "./flood-guard";
import { log } from "./log";
import type { MatchRecord, ResultsStore } from "./results-store";

/** How long the seat of a socket closed with 4002 waits (see onDrop). */
const STALE_SOCKET_SECONDS = 3;
/** How long a dropped player's seat waits for them. */
export const RECONNECT_SECONDS = 60;
/** Shortest training phase, so everyone sees the round start even when training is quick. */
const MIN_TRAINING_MS = 1500;

interface JoinAuth { name: string; spectator: boolean }

/** Server-side room options (from `define`, never from a client). */
export interface MatchRoomOptions {
  store: ResultsStore;
  /** Keys every round's B (server/round-secret.ts); never leaves the server. */
  secret: string;
  /** "daily": the daily challenge, a solo round (the day's, the same for everyone), started at once. */
  mode?: "match" | "daily";
  /** The clock the daily round's date is read from (tests move it across midnight). */
  now?: () => Date;
  /** Players a room takes (default MAX_PLAYERS; load tests raise it). */
  maxPlayers?: number;
}

export class MatchRoom extends Room<{ state: MatchState }> {
  state = new MatchState();
  maxClients = MAX_PLAYERS + MAX_SPECTATORS;
  private maxPlayers = MAX_PLAYERS;
  /**
   * Colyseus's own cap on frames a second, a backstop above the flood guard: it also counts the
   * frames the guard never sees (requests, pings, inputs), and closes with 4002.
   */
  maxMessagesPerSecond = 200;

  private spectators = new Set<string>();
  private seats = 0;
  private store!: ResultsStore;
  private secret!: string;
  private now: () => Date = () => new Date();
  private daily = false;
  private dailyStanding?: DailyMessage;
  /** Per player, the points they would have had if scored on A's validation points (for the shake-up). */
  private pointsOnA = new Map<string, number>();
  /** Per player, the share of tuning time left when they locked in (for the speed bonus). */
  private lockedAt = new Map<string, number>();
  /** The match being played; a new one (new id) at each Start. */
  private match?: MatchRecord;
  /** The round being played; `opening` (what fixes B) stays on the server until the reveal. */
  private current?: { round: Round; opening: RoundOpening; date: string; hidden: HiddenFit[]; message: RoundMessage };
  private reveal?: RevealMessage;
  /** Ends the current timed phase at `state.deadline`. */
  private ticker?: Delayed;
  /** Ticks `state.secondsLeft` once a second, until no client reads it. */
  private secondsTicker?: Delayed;
  private floodGuards = new Map<string, FloodGuard>();
  /** Clients disconnected for flooding or kicked: no seat is kept for them. */
  private removed = new Set<string>();

  async onCreate(options: MatchRoomOptions): Promise<void> {
    this.store = options.store;
    this.secret = options.secret;
    this.now = options.now ?? this.now;
    this.daily = options.mode === "daily";
    this.maxPlayers = options.maxPlayers ?? MAX_PLAYERS;
    this.maxClients = this.maxPlayers + MAX_SPECTATORS;
    this.roomId = await this.freeCode();
    this.state.code = this.roomId;
    this.state.mode = this.daily ? "daily" : "match";
    this.state.rounds = this.daily ? 1 : ROUNDS.default;
    this.state.tuningSeconds = this.daily ? DAILY_TUNING_SECONDS : TUNING_SECONDS.default;
    this.state.kinds.push(...SPIRAL_KINDS);
    if (this.daily) this.maxClients = 1;
    await this.setPrivate(true); // rooms are joined by code; the host may list theirs on /watch
    this.publishListing();
    this.onMessage("*", (client, type, payload) => this.receive(client, type, payload));
    log.info("room-created", { room: this.roomId, mode: this.state.mode });
  }

  onAuth(_client: Client, options: unknown): JoinAuth {
    const parsed = joinOptionsSchema.safeParse(options ?? {});
    if (!parsed.success) throw new ServerError(ErrorCode.MATCHMAKE_INVALID_CRITERIA, `Cannot join: ${parsed.error.issues[0].message}.`);
    const spectator = parsed.data.spectator === true;
    if (this.daily && (spectator || this.state.players.size > 0)) throw new ServerError(ErrorCode.MATCHMAKE_INVALID_CRITERIA, "The daily challenge is played alone.");
    if (spectator && this.spectators.size >= MAX_SPECTATORS) throw new ServerError(ErrorCode.MATCHMAKE_INVALID_CRITERIA, `This room is full: ${MAX_SPECTATORS} spectators already.`);
    if (!spectator && this.state.players.size >= this.maxPlayers) throw new ServerError(ErrorCode.MATCHMAKE_INVALID_CRITERIA, `This room is full: ${this.maxPlayers} players already.`);
    if (!spectator && this.state.phase === "podium") throw new ServerError(ErrorCode.MATCHMAKE_INVALID_CRITERIA, "This match has finished. Ask the host to press Play again, or create a new room.");
    return { name: parsed.data.name, spectator };
  }

  onJoin(client: Client, _options: unknown, auth: JoinAuth): void {
    client.view = new StateView();
    this.watchSocket(client);
    if (auth.spectator) {
      this.spectators.add(client.sessionId);
    } else {
      const player = new Player();
      player.name = uniqueName(auth.name, [...this.state.players.values()].map((p) => p.name));
      player.seat = this.seats++;
      player.pick = DEFAULT_PICK;
      player.playing = this.state.phase === "lobby"; // mid-match joiners play from the next round
      this.state.players.set(client.sessionId, player);
      if (!this.state.hostId) this.state.hostId = client.sessionId;
      this.rank();
      if (this.state.showPicksLive) for (const other of this.clients) other.view?.add(player);
    }
    this.showPicksTo(client);
    this.catchUp(client);
    this.recount();
    if (this.daily) this.startMatch();
  }

  /** A dropped connection (not a Leave): keep the seat, name, points and pick for a while. */
  onDrop(client: Client, code?: number): void {
    // Closed by the server itself (kicked, flooding, an oversize frame): no seat kept.
    if (this.removed.has(client.sessionId)) return this.onLeave(client);
    const player = this.state.players.get(client.sessionId);
    if (player) player.connected = false;
    // Colyseus closes with 4002 both a client that sent a malformed frame and a stale socket
    // whose token a new connection (a reloaded tab) presents: only the latter comes back, at once.
    const seconds = code === CloseCode.WITH_ERROR ? STALE_SOCKET_SECONDS : RECONNECT_SECONDS;
    // Rejects when the wait times out (Colyseus then calls onLeave) or the room is shutting down.
    this.allowReconnection(client, seconds).catch(() => undefined);
  }

  /** ws reports an oversize frame as an error; the close that follows looks like any drop (1006). */
  private watchSocket(client: Client): void {
    (client.ref as unknown as NodeJS.EventEmitter).on("error", (error: { code?: string }) => {
      if (error.code === "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH") this.removed.add(client.sessionId);
    });
  }

  onReconnect(client: Client): void {
    const player = this.state.players.get(client.sessionId);
    if (player) player.connected = true;
    client.view = new StateView();
    this.watchSocket(client);
    this.showPicksTo(client);
    this.catchUp(client);
  }

  /** Sends what was broadcast before this client arrived (or while it was away). */
  private catchUp(client: Client): void {
    client.send("clock", { now: Date.now() } satisfies ClockMessage);
    if (this.current && this.state.phase !== "lobby") client.send("round", this.current.message);
    if (this.reveal && this.state.phase === "reveal") client.send("reveal", this.reveal);
    if (this.state.phase === "tuning" && this.state.showPicksLive) client.send("pickCounts", this.pickCounts());
  }

  /**
   * Whose picks a client sees: its own player's always; everyone's while the host shows picks
   * live. (Before the reveal nobody else's pick reaches a client otherwise.)
   */
  private showPicksTo(client: Client): void {
    client.view ??= new StateView();
    for (const [sessionId, player] of this.state.players) {
      const sees = sessionId === client.sessionId || this.state.showPicksLive;
      if (sees && !client.view.has(player)) client.view.add(player);
      if (!sees && client.view.has(player)) client.view.remove(player);
    }
  }

  private pickCounts(): PickCountsMessage {
    const counts = Array.from({ length: MAX_LEVEL }, () => 0);
    for (const p of this.state.players.values()) if (p.playing && p.locked) counts[p.pick - 1]++;
    return { round: this.state.round, counts };
  }

  /**
   * Counts of locked picks go out before the reveal only when the host shows picks live: with the
   * public `locked` flags, counts alone would tell anyone (the host too) who picked what.
   */
  private sendPickCounts(): void {
    if (this.state.showPicksLive) this.broadcast("pickCounts", this.pickCounts());
  }

  private listing = "";

  /** What /watch lists for a public room (Colyseus's LobbyRoom relays it live); sent only when it changes. */
  private publishListing(): void {
    const host = this.state.players.get(this.state.hostId)?.name ?? "";
    const metadata = { code: this.state.code, phase: this.state.phase, round: this.state.round, rounds: this.state.rounds, players: this.state.players.size, spectators: this.spectators.size, host };
    const listing = JSON.stringify(metadata);
    if (listing === this.listing) return;
    this.listing = listing;
    void this.setMetadata(metadata);
  }

  onLeave(client: Client): void {
    this.floodGuards.delete(client.sessionId);
    this.removed.delete(client.sessionId);
    if (this.spectators.delete(client.sessionId)) return this.recount();
    this.state.players.delete(client.sessionId);
    if (this.state.hostId === client.sessionId) {
      const players = [...this.state.players.entries()].map(([sessionId, p]) => ({ sessionId, seat: p.seat }));
      this.state.hostId = nextHost(players, client.sessionId) ?? "";
    }
    this.rank();
    this.recount();
    if (this.state.phase === "tuning") this.sendPickCounts();
    if (this.state.phase === "tuning" && this.allLocked()) this.endTuning();
  }

  /** SIGTERM and friends: tell everyone before the connections close. */
  onBeforeShutdown(): void {
    this.broadcast("error", { code: "server-shutdown", message: "The server is restarting. Finished rounds are saved; join again in a minute." } satisfies ErrorMessage);
    this.disconnect(CloseCode.SERVER_SHUTDOWN).catch(() => undefined);
  }

  onDispose(): void {
    log.info("room-disposed", { room: this.roomId });
    this.ticker?.clear();
    this.secondsTicker?.clear();
  }

  /** A code no live room has (31^5 ≈ 29 million codes, so this rarely loops). */
  private async freeCode(): Promise<string> {
    const random = new Random(randomUUID());
    for (;;) {
      const code = newRoomCode(random);
      if ((await matchMaker.query({ roomId: code })).length === 0) return code;
    }
  }

  private receive(client: Client, type: unknown, payload: unknown): void {
    if (!this.withinBudget(client)) return;
    const parsed = parseClientMessage(type, payload);
    if (!parsed.ok) return this.refuse(client, parsed.error);
    const player = this.state.players.get(client.sessionId);
    const refused = refusal(parsed.type, {
      isHost: this.state.hostId === client.sessionId,
      inRound: player?.playing === true,
      locked: player?.locked === true,
    }, this.state.phase as Phase);
    if (refused) return this.refuse(client, { ...refused, type: parsed.type });
    if (this.daily && !["pick", "lockIn", "next"].includes(parsed.type)) return this.refuse(client, { code: "not-allowed", message: "The daily challenge has no host controls.", type: parsed.type });
    this.act(client, parsed.type, parsed.message, player);
  }

  private withinBudget(client: Client): boolean {
    let guard = this.floodGuards.get(client.sessionId);
    if (!guard) this.floodGuards.set(client.sessionId, (guard = new FloodGuard(Date.now())));
    const verdict = guard.check(Date.now());
    if (verdict === "warn") this.refuse(client, { code: "rate-limited", message: `Too many messages: at most ${FLOOD_LIMITS.perSecond} a second. Some were ignored.` });
    if (verdict === "drop" && !this.removed.has(client.sessionId)) {
      this.removed.add(client.sessionId);
      client.leave(CLOSE_FLOODING, "Disconnected for sending too many messages.");
    }
    return verdict === "ok";
  }

  private refuse(client: Client, error: ErrorMessage): void {
    client.send("error", error);
  }

  private act(client: Client, type: ClientMessageType, message: ClientMessage<ClientMessageType>, player?: Player): void {
    switch (type) {
      case "settings": {
        const { rounds, tuningSeconds, kinds, difficulty, speedBonus } = message as ClientMessage<"settings">;
        if (rounds !== undefined) this.state.rounds = rounds;
        if (tuningSeconds !== undefined) this.state.tuningSeconds = tuningSeconds;
        if (kinds !== undefined) this.state.kinds.splice(0, this.state.kinds.length, ...SPIRAL_KINDS.filter((k) => kinds.includes(k)));
        if (difficulty !== undefined) this.state.difficulty = difficulty;
        if (speedBonus !== undefined) this.state.speedBonus = speedBonus;
        return this.publishListing();
      }
      case "roomSettings":
        return void this.applyRoomSettings(message as ClientMessage<"roomSettings">);
      case "kick":
        return this.kick(client, (message as ClientMessage<"kick">).sessionId);
      case "pause":
        return this.pause((message as ClientMessage<"pause">).paused);
      case "skip":
        return this.endTuning();
      case "endMatch":
        return this.toPodium();
      case "start":
        return this.startMatch();
      case "pick":
        player!.pick = (message as ClientMessage<"pick">).level;
        return;
      case "lockIn":
        player!.locked = true;
        this.lockedAt.set(client.sessionId, Math.max(0, this.state.deadline - Date.now()) / (this.state.tuningSeconds * 1000));
        this.recount();
        this.sendPickCounts();
        if (this.allLocked()) this.endTuning();
        return;
      case "next":
        return this.afterReveal();
      case "playAgain":
        return this.toLobby();
    }
  }

  private async applyRoomSettings({ showPicksLive, visibility, locked }: ClientMessage<"roomSettings">): Promise<void> {
    if (showPicksLive !== undefined) {
      this.state.showPicksLive = showPicksLive;
      for (const client of this.clients) this.showPicksTo(client);
      if (this.state.phase === "tuning") this.sendPickCounts();
    }
    if (visibility !== undefined) {
      this.state.visibility = visibility;
      await this.setPrivate(visibility === "private");
    }
    if (locked !== undefined) {
      this.state.locked = locked;
      await (locked ? this.lock() : this.unlock());
    }
  }

  /** The host removes someone: they are told why, and no seat is kept for them. */
  private kick(host: Client, sessionId: string): void {
    const target = this.clients.find((c) => c.sessionId === sessionId);
    if (!target) return this.refuse(host, { code: "invalid-message", message: "Nobody with that id is in the room.", type: "kick" });
    if (target === host) return this.refuse(host, { code: "not-allowed", message: "The host cannot kick themselves: leave the room instead.", type: "kick" });
    this.removed.add(sessionId);
    const reason = `The host removed you from room ${this.state.code}.`;
    target.send("error", { code: "kicked", message: reason } satisfies ErrorMessage);
    target.leave(CLOSE_KICKED, reason);
  }

  private pause(paused: boolean): void {
    if (paused === this.state.paused) return;
    this.state.paused = paused;
    if (paused) {
      this.state.pausedLeft = Math.max(0, this.state.deadline - Date.now());
      this.stopClock();
    } else {
      this.countdown(this.state.pausedLeft / 1000, () => this.endTuning());
      this.state.pausedLeft = 0;
    }
  }

  private startMatch(): void {
    this.match = { id: randomUUID(), code: this.state.code, rounds: this.state.rounds, tuningSeconds: this.state.tuningSeconds, startedAt: new Date().toISOString() };
    this.state.matchId = this.match.id;
    log.info("match-started", { room: this.roomId, match: this.match.id, players: this.state.players.size, rounds: this.state.rounds });
    this.pointsOnA.clear();
    for (const player of this.state.players.values()) {
      player.points = 0;
      player.roundPoints = 0;
      player.speedBonus = 0;
      player.previousRank = 0;
    }
    this.state.round = 0;
    this.rank();
    void this.beginRound();
  }

  private async beginRound(): Promise<void> {
    this.state.round += 1;
    this.state.phase = "training";
    this.stopClock();
    this.sendClock();
    this.state.trainingProgress = 0;
    this.current = undefined;
    this.reveal = undefined;
    this.lockedAt.clear();
    for (const player of this.state.players.values()) {
      player.playing = true;
      player.locked = false;
      player.pick = DEFAULT_PICK;
      player.revealedPick = 0;
    }
    this.recount();

    const roundNumber = this.state.round;
    // A round's id is random (the daily's is its date, the same for everyone); either way B's
    // seed comes from the server's secret, so the id gives nothing away.
    const date = utcDate(this.now());
    const id = this.daily ? dailyRoundId(date) : randomUUID();
    const kinds = canonicalKinds(this.daily ? SPIRAL_KINDS : this.state.kinds);
    const difficulty = (this.daily ? "normal" : this.state.difficulty) as Difficulty;
    const opening: RoundOpening = { ...roundKey(this.secret, id), difficulty, kinds };
    const round = roundOf(opening);
    let trained: Awaited<ReturnType<typeof trainer.train>>;
    try {
      [trained] = await Promise.all([
        trainer.train(opening, (done) => {
          if (this.state.round === roundNumber) this.state.trainingProgress = Math.round(done * 100);
        }),
        new Promise((resolve) => this.clock.setTimeout(resolve, MIN_TRAINING_MS)),
      ]);
    } catch (error) {
      log.error("round-training-failed", { room: this.roomId, round: roundNumber, error });
      this.broadcast("error", { code: "server-error", message: "The model could not be trained for this round. Back to the lobby: press Start to try again." } satisfies ErrorMessage);
      return this.toLobby();
    }
    const { fits, hidden } = trained;
    // The room may have moved on (everyone left, or a new match) while the worker trained.
    if (this.state.phase !== "training" || this.state.round !== roundNumber) return;

    this.current = { round, opening, date, hidden: hidden!, message: roundMessage(roundNumber, round, fits, opening) };
    this.broadcast("round", this.current.message); // before the phase changes, so fits are there first
    log.info("round-trained", { room: this.roomId, round: roundNumber });
    this.state.phase = "tuning";
    this.state.paused = false;
    this.state.pausedLeft = 0;
    this.sendClock();
    this.publishListing();
    this.sendPickCounts();
    this.countdown(this.state.tuningSeconds, () => this.endTuning());
  }

  private endTuning(): void {
    if (this.state.phase !== "tuning" || !this.current) return;
    const inRound = [...this.state.players.entries()].filter(([, p]) => p.playing);
    const { bestLevel, results } = scoreRound(this.current.hidden, inRound.map(([sessionId, p]) => ({
      sessionId, name: p.name, level: p.pick,
      ...(this.state.speedBonus ? { timeLeftShare: this.lockedAt.get(sessionId) ?? 0 } : {}),
    })));
    // Written before anyone sees the results.
    if (this.daily) this.saveDaily(results[0]);
    else this.saveRound(bestLevel, results);
    this.tallyPointsOnA(results);
    for (const result of results) {
      const player = this.state.players.get(result.sessionId)!;
      player.points += result.points;
      player.roundPoints = result.points;
      player.speedBonus = result.speedBonus;
      player.revealedPick = result.level;
    }
    for (const player of this.state.players.values()) player.previousRank = player.rank;
    this.rank();
    // A daily's opening waits for the end of its day: everyone plays the same B until then.
    const { opening, date } = this.current;
    this.reveal = revealMessage(this.state.round, this.current.round, this.current.hidden, bestLevel, this.current.message.fits, this.daily ? { later: dailyOpeningAfter(date) } : opening);
    this.broadcast("reveal", this.reveal);
    log.info("round-revealed", { room: this.roomId, round: this.state.round, players: results.length, bestLevel });
    if (this.dailyStanding) this.broadcast("daily", this.dailyStanding);
    this.state.phase = "reveal";
    this.state.paused = false;
    this.state.pausedLeft = 0;
    this.sendClock();
    this.publishListing();
    this.countdown(REVEAL_SECONDS, () => this.afterReveal());
  }

  /** What each player would have scored had the round been scored on A's validation points. */
  private tallyPointsOnA(results: RoundResult[]): void {
    const fits = this.current!.message.fits;
    const best = Math.min(...fits.map((f) => f.validationError));
    for (const r of results) this.pointsOnA.set(r.sessionId, (this.pointsOnA.get(r.sessionId) ?? 0) + roundPoints(fits[r.level - 1].validationError, best));
  }

  private saveDaily(result: RoundResult | undefined): void {
    this.dailyStanding = undefined;
    if (!result) return;
    const date = utcDate(this.now());
    try {
      const standing = this.store.saveDaily({ date, name: result.name, points: result.points, level: result.level, hiddenError: result.hiddenError });
      this.dailyStanding = { date, points: result.points, ...standing };
    } catch (error) {
      log.error("daily-score-not-saved", { room: this.roomId, name: result.name, error });
    }
  }

  private saveRound(bestLevel: number, results: RoundResult[]): void {
    const round = { round: this.state.round, opening: replayToken(this.current!.opening), bestLevel, results: results.map(({ arithmetic: _, ...r }) => {
      const player = this.state.players.get(r.sessionId)!;
      return { ...r, seat: player.seat, total: player.points + r.points };
    }) };
    try {
      this.store.saveRound(this.match!, round);
    } catch (error) {
      // The round is still played out; the log says what was not kept.
      log.error("round-not-saved", { room: this.roomId, round: round.round, match: this.match!.id, error, results: round });
    }
  }

  private afterReveal(): void {
    if (this.state.phase !== "reveal") return;
    this.stopClock();
    if (phaseAfterReveal(this.state.round, this.state.rounds) === "podium") this.toPodium();
    else void this.beginRound();
  }

  /** The end of a match (after the last round, or when the host ends it): the podium. */
  private toPodium(): void {
    this.stopClock();
    this.state.phase = "podium";
    this.sendClock();
    this.state.paused = false;
    this.state.pausedLeft = 0;
    this.current = undefined;
    const players = [...this.state.players.entries()].filter(([, p]) => p.playing);
    const winner = players.find(([, p]) => p.rank === 1)?.[1].name;
    if (!this.daily) this.store.finishMatch(this.match!.id, this.reveal ? winner : undefined);
    const podium: PodiumMessage = {
      matchId: this.match!.id,
      shakeUp: shakeUp(players.map(([sessionId, p]) => ({ sessionId, name: p.name, onA: -(this.pointsOnA.get(sessionId) ?? 0), onB: -p.points }))),
    };
    this.broadcast("podium", podium);
    this.publishListing();
  }

  private toLobby(): void {
    this.stopClock();
    this.current = undefined;
    this.reveal = undefined;
    this.state.phase = "lobby";
    this.sendClock();
    this.state.round = 0;
    this.state.matchId = "";
    for (const player of this.state.players.values()) {
      player.playing = true;
      player.locked = false;
      player.revealedPick = 0;
      player.points = 0;
      player.roundPoints = 0;
      player.speedBonus = 0;
      player.previousRank = 0;
    }
    this.rank();
    this.recount();
  }

  /** Sets the deadline `seconds` from now and calls `done` then. */
  private countdown(seconds: number, done: () => void): void {
    this.stopClock();
    this.state.deadline = Date.now() + seconds * 1000;
    this.state.secondsLeft = secondsLeft(this.state, Date.now());
    this.ticker = this.clock.setTimeout(() => {
      this.stopClock();
      this.state.secondsLeft = 0;
      done();
    }, seconds * 1000);
    this.secondsTicker = this.clock.setInterval(() => {
      this.state.secondsLeft = secondsLeft(this.state, Date.now());
    }, 1000);
  }

  /** No timed phase (or a paused one): no deadline. */
  private stopClock(): void {
    this.ticker?.clear();
    this.secondsTicker?.clear();
    this.state.deadline = 0;
  }

  /** Tells everyone the server's clock (at each phase change; on join via catchUp). */
  private sendClock(): void {
    this.broadcast("clock", { now: Date.now() } satisfies ClockMessage);
  }

  private allLocked(): boolean {
    const inRound = [...this.state.players.values()].filter((p) => p.playing);
    return inRound.length > 0 && inRound.every((p) => p.locked);
  }

  private rank(): void {
    const ranks = rankStandings([...this.state.players.entries()].map(([sessionId, p]) => ({ sessionId, name: p.name, points: p.points, seat: p.seat })));
    for (const [sessionId, rank] of ranks) this.state.players.get(sessionId)!.rank = rank;
  }

  private recount(): void {
    const players = [...this.state.players.values()];
    this.state.playingCount = players.filter((p) => p.playing).length;
    this.state.lockedCount = players.filter((p) => p.playing && p.locked).length;
    this.state.spectatorCount = this.spectators.size;
    this.publishListing();
  }
}
