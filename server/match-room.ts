// A match room: the Colyseus adapter around the match rules in shared/. It owns the timers,
// trains each round's ladder in a worker, keeps B and the picks secret until the reveal, and
// scores on the server.
import { randomUUID } from "node:crypto";
import { CloseCode, Room, ServerError, ErrorCode, matchMaker, type Client, type Delayed } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { CATALOG } from "../shared/spirals";
import { generateRound, type Round } from "../shared/round";
import type { HiddenFit } from "../shared/round-ladder";
import { Random } from "../shared/random";
import { newRoomCode } from "../shared/room-code";
import {
  CLOSE_FLOODING, MAX_PLAYERS, MAX_SPECTATORS, ROUNDS, TUNING_SECONDS, joinOptionsSchema, parseClientMessage,
  type ClientMessage, type ClientMessageType, type ErrorMessage, type Phase, type RevealMessage, type RoundMessage, type RoundResult,
} from "../shared/protocol";
import { DEFAULT_PICK, REVEAL_SECONDS, phaseAfterReveal, rankStandings, refusal, scoreRound, nextHost, uniqueName } from "../shared/match";
import { roundMessage, revealMessage } from "../shared/round-messages";
import { MatchState, Player } from "./state";
import { trainer } from "./trainer";
import { FloodGuard, FLOOD_LIMITS } from "./flood-guard";
import type { MatchRecord, ResultsStore } from "./results-store";

/** How long a dropped player's seat waits for them. */
export const RECONNECT_SECONDS = 60;
/** Shortest training phase, so everyone sees the round start even when training is quick. */
const MIN_TRAINING_MS = 1500;

interface JoinAuth { name: string; spectator: boolean }

/** Server-side room options (from `define`, never from a client). */
export interface MatchRoomOptions { store: ResultsStore }

export class MatchRoom extends Room<{ state: MatchState }> {
  state = new MatchState();
  maxClients = MAX_PLAYERS + MAX_SPECTATORS;

  private spectators = new Set<string>();
  private seats = 0;
  private store!: ResultsStore;
  /** The match being played; a new one (new id, new seed) at each Start. */
  private match?: MatchRecord & { seed: string };
  private current?: { round: Round; hidden: HiddenFit[]; message: RoundMessage };
  private reveal?: RevealMessage;
  private ticker?: Delayed;
  private floodGuards = new Map<string, FloodGuard>();
  /** Clients disconnected for flooding: no seat is kept for them. */
  private flooders = new Set<string>();

  async onCreate(options: MatchRoomOptions): Promise<void> {
    this.store = options.store;
    this.roomId = await this.freeCode();
    this.state.code = this.roomId;
    this.state.rounds = ROUNDS.default;
    this.state.tuningSeconds = TUNING_SECONDS.default;
    this.onMessage("*", (client, type, payload) => this.receive(client, type, payload));
  }

  onAuth(_client: Client, options: unknown): JoinAuth {
    const parsed = joinOptionsSchema.safeParse(options ?? {});
    if (!parsed.success) throw new ServerError(ErrorCode.MATCHMAKE_INVALID_CRITERIA, `Cannot join: ${parsed.error.issues[0].message}.`);
    const spectator = parsed.data.spectator === true;
    if (spectator && this.spectators.size >= MAX_SPECTATORS) throw new ServerError(ErrorCode.MATCHMAKE_INVALID_CRITERIA, `This room is full: ${MAX_SPECTATORS} spectators already.`);
    if (!spectator && this.state.players.size >= MAX_PLAYERS) throw new ServerError(ErrorCode.MATCHMAKE_INVALID_CRITERIA, `This room is full: ${MAX_PLAYERS} players already.`);
    if (!spectator && this.state.phase === "podium") throw new ServerError(ErrorCode.MATCHMAKE_INVALID_CRITERIA, "This match has finished. Ask the host to press Play again, or create a new room.");
    return { name: parsed.data.name, spectator };
  }

  onJoin(client: Client, _options: unknown, auth: JoinAuth): void {
    client.view = new StateView();
    if (auth.spectator) {
      this.spectators.add(client.sessionId);
    } else {
      const player = new Player();
      player.name = uniqueName(auth.name, [...this.state.players.values()].map((p) => p.name));
      player.seat = this.seats++;
      player.pick = DEFAULT_PICK;
      player.playing = this.state.phase === "lobby"; // mid-match joiners play from the next round
      this.state.players.set(client.sessionId, player);
      client.view.add(player); // the player's own pick becomes visible to them alone
      if (!this.state.hostId) this.state.hostId = client.sessionId;
      this.rank();
    }
    this.catchUp(client);
    this.recount();
  }

  /** A dropped connection (not a Leave): keep the seat, name, points and pick for a while. */
  onDrop(client: Client): void {
    if (this.flooders.has(client.sessionId)) return this.onLeave(client);
    const player = this.state.players.get(client.sessionId);
    if (player) player.connected = false;
    // Rejects when the wait times out (Colyseus then calls onLeave) or the room is shutting down.
    this.allowReconnection(client, RECONNECT_SECONDS).catch(() => undefined);
  }

  onReconnect(client: Client): void {
    const player = this.state.players.get(client.sessionId);
    client.view = new StateView();
    if (player) {
      player.connected = true;
      client.view.add(player);
    }
    this.catchUp(client);
  }

  /** Sends what was broadcast before this client arrived (or while it was away). */
  private catchUp(client: Client): void {
    if (this.current && this.state.phase !== "lobby") client.send("round", this.current.message);
    if (this.reveal && this.state.phase === "reveal") client.send("reveal", this.reveal);
  }

  onLeave(client: Client): void {
    this.floodGuards.delete(client.sessionId);
    this.flooders.delete(client.sessionId);
    if (this.spectators.delete(client.sessionId)) return this.recount();
    this.state.players.delete(client.sessionId);
    if (this.state.hostId === client.sessionId) {
      const players = [...this.state.players.entries()].map(([sessionId, p]) => ({ sessionId, seat: p.seat }));
      this.state.hostId = nextHost(players, client.sessionId) ?? "";
    }
    this.rank();
    this.recount();
    if (this.state.phase === "tuning" && this.allLocked()) this.endTuning();
  }

  /** SIGTERM and friends: tell everyone before the connections close. */
  onBeforeShutdown(): void {
    this.broadcast("error", { code: "server-shutdown", message: "The server is restarting. Finished rounds are saved; join again in a minute." } satisfies ErrorMessage);
    this.disconnect(CloseCode.SERVER_SHUTDOWN).catch(() => undefined);
  }

  onDispose(): void {
    this.ticker?.clear();
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
    this.act(parsed.type, parsed.message, player);
  }

  private withinBudget(client: Client): boolean {
    let guard = this.floodGuards.get(client.sessionId);
    if (!guard) this.floodGuards.set(client.sessionId, (guard = new FloodGuard(Date.now())));
    const verdict = guard.check(Date.now());
    if (verdict === "warn") this.refuse(client, { code: "rate-limited", message: `Too many messages: at most ${FLOOD_LIMITS.perSecond} a second. Some were ignored.` });
    if (verdict === "drop" && !this.flooders.has(client.sessionId)) {
      this.flooders.add(client.sessionId);
      client.leave(CLOSE_FLOODING, "Disconnected for sending too many messages.");
    }
    return verdict === "ok";
  }

  private refuse(client: Client, error: ErrorMessage): void {
    client.send("error", error);
  }

  private act(type: ClientMessageType, message: ClientMessage<ClientMessageType>, player?: Player): void {
    switch (type) {
      case "settings": {
        const { rounds, tuningSeconds } = message as ClientMessage<"settings">;
        if (rounds !== undefined) this.state.rounds = rounds;
        if (tuningSeconds !== undefined) this.state.tuningSeconds = tuningSeconds;
        return;
      }
      case "start":
        return this.startMatch();
      case "pick":
        player!.pick = (message as ClientMessage<"pick">).level;
        return;
      case "lockIn":
        player!.locked = true;
        this.recount();
        if (this.allLocked()) this.endTuning();
        return;
      case "next":
        return this.afterReveal();
      case "playAgain":
        return this.toLobby();
    }
  }

  private startMatch(): void {
    // Seeds from crypto, so nobody can predict a round's spirals from the code or the clock.
    this.match = { id: randomUUID(), seed: randomUUID(), code: this.state.code, rounds: this.state.rounds, tuningSeconds: this.state.tuningSeconds, startedAt: new Date().toISOString() };
    for (const player of this.state.players.values()) {
      player.points = 0;
      player.roundPoints = 0;
      player.previousRank = 0;
    }
    this.state.round = 0;
    this.rank();
    void this.beginRound();
  }

  private async beginRound(): Promise<void> {
    this.state.round += 1;
    this.state.phase = "training";
    this.state.trainingProgress = 0;
    this.current = undefined;
    this.reveal = undefined;
    for (const player of this.state.players.values()) {
      player.playing = true;
      player.locked = false;
      player.pick = DEFAULT_PICK;
      player.revealedPick = 0;
    }
    this.recount();

    const roundNumber = this.state.round;
    const round = generateRound(CATALOG, `${this.match!.seed}:${roundNumber}`);
    let trained: Awaited<ReturnType<typeof trainer.train>>;
    try {
      [trained] = await Promise.all([
        trainer.train(round.seed, round.difficulty, (done) => {
          if (this.state.round === roundNumber) this.state.trainingProgress = Math.round(done * 100);
        }),
        new Promise((resolve) => this.clock.setTimeout(resolve, MIN_TRAINING_MS)),
      ]);
    } catch (error) {
      console.error(`room ${this.roomId}: round ${roundNumber} did not train:`, error);
      this.broadcast("error", { code: "server-error", message: "The model could not be trained for this round. Back to the lobby: press Start to try again." } satisfies ErrorMessage);
      return this.toLobby();
    }
    const { fits, hidden } = trained;
    // The room may have moved on (everyone left, or a new match) while the worker trained.
    if (this.state.phase !== "training" || this.state.round !== roundNumber) return;

    this.current = { round, hidden: hidden!, message: roundMessage(roundNumber, round, fits) };
    this.broadcast("round", this.current.message); // before the phase changes, so fits are there first
    this.state.phase = "tuning";
    this.countdown(this.state.tuningSeconds, () => this.endTuning());
  }

  private endTuning(): void {
    if (this.state.phase !== "tuning" || !this.current) return;
    const inRound = [...this.state.players.entries()].filter(([, p]) => p.playing);
    const { bestLevel, results } = scoreRound(this.current.hidden, inRound.map(([sessionId, p]) => ({ sessionId, name: p.name, level: p.pick })));
    this.saveRound(bestLevel, results); // before anyone sees the results
    for (const result of results) {
      const player = this.state.players.get(result.sessionId)!;
      player.points += result.points;
      player.roundPoints = result.points;
      player.revealedPick = result.level;
    }
    for (const player of this.state.players.values()) player.previousRank = player.rank;
    this.rank();
    this.reveal = revealMessage(this.state.round, this.current.round, this.current.hidden, bestLevel, results, this.current.message.fits);
    this.broadcast("reveal", this.reveal);
    this.state.phase = "reveal";
    this.countdown(REVEAL_SECONDS, () => this.afterReveal());
  }

  private saveRound(bestLevel: number, results: RoundResult[]): void {
    const round = { round: this.state.round, seed: this.current!.round.seed, bestLevel, results: results.map(({ arithmetic: _, ...r }) => {
      const player = this.state.players.get(r.sessionId)!;
      return { ...r, seat: player.seat, total: player.points + r.points };
    }) };
    try {
      this.store.saveRound(this.match!, round);
    } catch (error) {
      // The round is still played out; the log says what was not kept.
      console.error(`room ${this.roomId}: round ${round.round} of match ${this.match!.id} was not saved:`, error, JSON.stringify(round));
    }
  }

  private afterReveal(): void {
    if (this.state.phase !== "reveal") return;
    this.ticker?.clear();
    if (phaseAfterReveal(this.state.round, this.state.rounds) === "podium") {
      this.state.phase = "podium";
      this.store.finishMatch(this.match!.id);
    } else void this.beginRound();
  }

  private toLobby(): void {
    this.ticker?.clear();
    this.current = undefined;
    this.reveal = undefined;
    this.state.phase = "lobby";
    this.state.round = 0;
    for (const player of this.state.players.values()) {
      player.playing = true;
      player.locked = false;
      player.revealedPick = 0;
      player.points = 0;
      player.roundPoints = 0;
      player.previousRank = 0;
    }
    this.rank();
    this.recount();
  }

  /** Counts `seconds` down in the state, then calls `done`. */
  private countdown(seconds: number, done: () => void): void {
    this.ticker?.clear();
    this.state.secondsLeft = seconds;
    this.ticker = this.clock.setInterval(() => {
      this.state.secondsLeft = Math.max(0, this.state.secondsLeft - 1);
      if (this.state.secondsLeft === 0) {
        this.ticker?.clear();
        done();
      }
    }, 1000);
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
  }
}
