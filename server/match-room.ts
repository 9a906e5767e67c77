// A match room: the Colyseus glue around the match rules in shared/ — who joins (auth), who sees
// what (views), reconnection. The phases (server/match-phases.ts) follow PHASE_FLOW
// (shared/match-flow.ts); each round is trained and scored by RoundPlay (server/round-play.ts),
// and B stays secret until the reveal. Names pass the word filter (server/name-filter.ts); a
// homework room plays one student's attempt at an assignment (server/homework-room.ts). The room
// outlives its process (server/restorable-room.ts: checkpoints, restore, seat tokens).
import { randomUUID } from "node:crypto";
import { CloseCode, matchMaker, type Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import type { z } from "zod";
import { SPIRAL_KINDS } from "../shared/catalog";
import {
  MAX_PLAYERS,
  MAX_SPECTATORS,
  joinOptionsSchema,
  nameSchema,
  type ClockMessage,
  type ErrorMessage,
  type HomeworkMessage,
  type RestoredMessage,
  type SeatMessage,
  CLOSE_NO_SEAT,
  nameIssueRefusal,
} from "../shared/protocol";
import { languageSchema } from "../shared/languages";
import { refusalMessage, type Refusal } from "../shared/refusals";
import { refuse } from "./refuse";
import { DEFAULT_PICK, nextHost, uniqueName } from "../shared/match";
import { MODE_RULES, type RoomMode } from "../shared/match-flow";
import { Player } from "../shared/state";
import { Random } from "../shared/random";
import { newRoomCode } from "../shared/room-code";
import { MatchRecords } from "./match-records";
import { PhaseClock } from "./phase-clock";
import { RoundPlay } from "./round-play";
import { showPicksTo } from "./pick-views";
import { MessageDesk } from "./message-desk";
import { sendPatchesQuietly } from "./quiet-patches";
import { log } from "./log";
import type { ResultsStore } from "./results-store";
import type { TeacherStore } from "./teacher-store";
import type { CheckpointStore } from "./checkpoint-store";
import { homeworkMessage, openHomework, type HomeworkOptions } from "./homework-room";
import { joinNameRefusal } from "./name-filter";
import { roundsFromSet, teacherOf } from "./room-teacher";
import type { SetsStore } from "./sets-store";
import { sha256Of } from "./seat-tokens";
import { Seats } from "./seats";
import { takeRestoreTicket } from "./restore";
import { restoredHomework } from "./room-restore";
import { RECONNECT_SECONDS, RestorableRoom } from "./restorable-room";

/** How long the seat of a socket closed with 4002 (CLOSE_REPLACED) waits (see onDrop). */
const STALE_SOCKET_SECONDS = 3;
export { RECONNECT_SECONDS };

interface JoinAuth {
  name: string;
  spectator: boolean;
  /** The device id's SHA-256 (the id itself is not kept). */
  deviceHash?: string;
  /** A seat token: this join takes that seat back. */
  seat?: string;
}

/**
 * What a client may add when it creates a room (checked in onCreate; onAuth checks them again as
 * join options). `restore` is a ticket of server/restore.ts: a client cannot hold a valid one.
 */
type CreateOptions = HomeworkOptions & { teacherKey?: unknown; restore?: unknown; set?: unknown; lang?: unknown };

/** Server-side room options (from `define`, never from a client). */
export interface MatchRoomOptions {
  store: ResultsStore;
  /** Teacher keys and homework (server/teacher-store.ts), in the same file as `store`. */
  teachers?: TeacherStore;
  /** Teachers' round sets (server/sets-store.ts): a room created with `set` plays one. */
  sets?: SetsStore;
  /** Where the room's checkpoints go (server/checkpoint-store.ts), for a restart to restore it. */
  checkpoints?: CheckpointStore;
  /** Keys every round's B (server/round-secret.ts); never leaves the server. */
  secret: string;
  /**
   * "daily": the daily challenge, a solo round (the day's, the same for everyone), started at once;
   * "homework": one student's attempt at an assignment, alone, resumable on the same device.
   */
  mode?: RoomMode;
  /** The clock the daily round's date is read from (tests move it across midnight). */
  now?: () => Date;
  /** Players a room takes (default MAX_PLAYERS; load tests raise it). */
  maxPlayers?: number;
}

/** A creator's name the filter refuses fails the create itself, so no empty room is left waiting. */
function refuseCreatorName(name: unknown): void {
  const typed = nameSchema.safeParse(name);
  const refusal = typed.success ? joinNameRefusal(typed.data, false) : undefined;
  if (refusal) throw refuse(refusal);
}

/** The first problem of the join options as a refusal: the name's reason, or which option is wrong. */
function joinOptionsRefusal(issue: z.core.$ZodIssue): Refusal {
  // An unknown option has no path of its own: its name is the problem's place.
  const field = issue.code === "unrecognized_keys" ? issue.keys.join(", ") : issue.path.map(String).join(".");
  if (field === "name") return nameIssueRefusal(issue);
  const known = issue.message === "set-id-format" || issue.message === "seat-token-format";
  return { code: "join-invalid", params: { reason: known ? issue.message : "option-invalid", field } };
}

export class MatchRoom extends RestorableRoom {
  maxClients = MAX_PLAYERS + MAX_SPECTATORS;
  /**
   * Colyseus's own cap on frames a second, a backstop above the flood guard: it also counts the
   * frames the guard never sees (requests, pings, inputs), and closes with 4002.
   */
  maxMessagesPerSecond = 200;

  maxPlayers = MAX_PLAYERS;
  /** Shutting down (SIGTERM): the clients' leaves that follow change nothing (no scoring, no saving). */
  private closing = false;
  private desk!: MessageDesk;

  async onCreate(options: MatchRoomOptions & CreateOptions): Promise<void> {
    this.mode = options.mode ?? "match";
    const rules = MODE_RULES[this.mode];
    this.now = options.now ?? this.now;
    // Refusals first (a throw here fails the create with its message, and nothing is made).
    const saved = options.restore === undefined ? undefined : takeRestoreTicket(options.restore);
    if (options.restore !== undefined && !saved) throw refuse("restore-by-server-only");
    // Before a homework attempt is made: a refused create leaves nothing behind.
    if (options.set !== undefined && this.mode !== "match") throw refuse("set-needs-match-room");
    if (saved?.homework) this.homework = await restoredHomework(options.teachers, saved.homework);
    else if (this.mode === "homework") this.homework = await openHomework(options.teachers, options, this.now());
    else if (!saved) refuseCreatorName(options.name);
    if (!saved && this.mode === "match" && options.teacherKey !== undefined)
      this.teacherId = await teacherOf(options.teachers, options.teacherKey);
    if (!saved && options.set !== undefined) {
      this.setRounds = await roundsFromSet(options.sets, this.teacherId, options.set);
      this.setId = options.set as string;
    } else if (saved?.set) {
      // A restored room from a set plays the same set (deleted meanwhile: the room is not restored).
      this.setRounds = await roundsFromSet(options.sets, saved.teacherId, saved.set);
      this.setId = saved.set;
    }
    sendPatchesQuietly(this);
    this.maxPlayers = rules.solo ? 1 : (options.maxPlayers ?? MAX_PLAYERS);
    this.maxClients = rules.solo ? 1 : this.maxPlayers + MAX_SPECTATORS;
    this.roomId = saved?.code ?? (await this.freeCode());
    this.seats = new Seats(this.clock);
    this.rounds = new RoundPlay(options.secret);
    this.records = new MatchRecords(options.store, this.roomId);
    this.phaseClock = new PhaseClock(this.state, this.clock);
    this.desk = new MessageDesk(this);
    this.state.code = this.roomId;
    this.state.mode = this.mode;
    // The host's language (the projector shows the room in it); a restored room's comes from its checkpoint.
    if (!saved) this.state.hostLanguage = languageSchema.safeParse(options.lang).data ?? "";
    this.state.rounds = rules.rounds;
    this.state.tuningSeconds = rules.tuningSeconds;
    this.state.kinds.push(...SPIRAL_KINDS);
    if (this.setRounds) this.state.rounds = this.setRounds.length;
    if (this.homework) this.takeAssignment();
    this.homeworkDevice = saved?.homework?.deviceHash ?? (this.homework && sha256Of(this.homework.device));
    this.startCheckpoints(options.checkpoints);
    if (saved) await this.restore(saved);
    else await this.setPrivate(true); // rooms are joined by code; the host may list theirs on /watch
    this.publishListing();
    this.onMessage("*", (client, type, payload) => this.desk.receive(client, type, payload));
    log.info("room-created", {
      room: this.roomId,
      mode: this.state.mode,
      teacher: this.teacherId !== undefined,
      set: this.setRounds !== undefined, // never the set's id: it stays with its teacher
    });
  }

  /** A homework room plays the assignment's rounds, kinds and difficulty, with its names rule. */
  private takeAssignment(): void {
    const { assignment } = this.homework!;
    this.state.rounds = assignment.rounds;
    const kinds = SPIRAL_KINDS.filter((k) => assignment.kinds.includes(k));
    this.state.kinds.splice(0, this.state.kinds.length, ...kinds);
    this.state.difficulty = assignment.difficulty;
    this.state.friendlyNames = assignment.friendlyNames;
    this.setRounds = assignment.setRounds; // rounds from a teacher's set
  }

  onAuth(_client: Client, options: unknown): JoinAuth {
    const parsed = joinOptionsSchema.safeParse(options ?? {});
    if (!parsed.success) throw refuse(joinOptionsRefusal(parsed.error.issues[0]));
    const { name, device, seat } = parsed.data;
    const spectator = parsed.data.spectator === true;
    const deviceHash = device === undefined ? undefined : sha256Of(device);
    if (seat !== undefined) return this.seatAuth(seat, spectator, deviceHash);
    const players = this.state.players.size;
    if (deviceHash !== undefined && this.barredDevices.has(deviceHash)) throw refuse("removed-by-host");
    if (MODE_RULES[this.mode].solo && (spectator || players > 0)) {
      throw refuse("solo-room", { mode: this.homework ? "homework" : "daily" });
    }
    // A homework room is its creator's attempt: nobody else plays it.
    if (this.homework && (name !== this.homework.name || deviceHash !== this.homeworkDevice))
      throw refuse("homework-other-student");
    // A restored locked room stays open to Colyseus while its seats wait, so it is closed to newcomers here.
    if (!spectator && this.state.locked && this.seats.waitingCount > 0) throw refuse("room-locked");
    if (spectator && this.spectators.size >= MAX_SPECTATORS) {
      throw refuse("room-full", { max: MAX_SPECTATORS, who: "spectators" });
    }
    if (!spectator && players >= this.maxPlayers) throw refuse("room-full", { max: this.maxPlayers, who: "players" });
    if (!spectator && this.state.phase === "podium") {
      throw refuse("match-finished");
    }
    // Spectators (a projector too) are not listed by name, so only players are held to generated names.
    const refusal = joinNameRefusal(name, this.state.friendlyNames && !spectator);
    if (refusal) throw refuse(refusal);
    return { name, spectator, deviceHash };
  }

  /** A join with a seat token takes that seat back (after a restart, or a drop): it needs no other check. */
  private seatAuth(seat: string, spectator: boolean, deviceHash?: string): JoinAuth {
    if (spectator) throw refuse("spectator-no-seat");
    const key = this.seats.holder(seat);
    const player = key === undefined ? undefined : this.state.players.get(key);
    if (!player) throw refuse("seat-gone");
    if (this.homework && deviceHash !== this.homeworkDevice) throw refuse("homework-other-student");
    return { name: player.name, spectator: false, deviceHash, seat };
  }

  onJoin(client: Client, _options: unknown, auth: JoinAuth): void {
    client.view = new StateView();
    this.watchSocket(client);
    if (auth.deviceHash !== undefined) this.seats.devices.set(client.sessionId, auth.deviceHash);
    let back = false;
    if (auth.seat !== undefined) {
      back = this.takeSeatBack(client, auth.seat);
    } else if (auth.spectator) {
      this.spectators.add(client.sessionId);
      back = this.justRestored;
    } else {
      const player = new Player();
      player.name = uniqueName(
        auth.name,
        [...this.state.players.values()].map((p) => p.name),
      );
      player.seat = this.nextSeat++;
      player.pick = DEFAULT_PICK;
      player.playing = this.state.phase === "lobby"; // mid-match joiners play from the next round
      player.points = this.homework?.attempt.total ?? 0; // a resumed homework keeps its points
      this.state.players.set(client.sessionId, player);
      if (!this.state.hostId) this.state.hostId = client.sessionId;
      this.rank();
      if (this.state.showPicksLive) for (const other of this.clients) other.view?.add(player);
      client.send("seat", { token: this.seats.give(client.sessionId) } satisfies SeatMessage);
    }
    showPicksTo(client, this.state);
    if (back) client.send("restored", { reason: "restart" } satisfies RestoredMessage);
    this.catchUp(client);
    this.recount();
    this.checkpoints?.soon();
    if (MODE_RULES[this.mode].startsOnJoin && (auth.seat === undefined || this.state.phase === "lobby"))
      this.startMatch();
  }

  /** A dropped connection (not a Leave): keep the seat, name, points and pick for a while. */
  onDrop(client: Client, code?: number): void {
    if (this.closing) return;
    // Closed by the server itself (kicked, flooding, an oversize frame, a seat taken back): no seat kept.
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
    // Its seat was taken back by a join with its token meanwhile: nothing to come back to.
    if (!player && !this.spectators.has(client.sessionId))
      return client.leave(CLOSE_NO_SEAT, refusalMessage({ code: "seat-taken-back" }));
    if (player) player.connected = true;
    client.view = new StateView();
    this.watchSocket(client);
    showPicksTo(client, this.state);
    this.catchUp(client);
  }

  /** Sends what was broadcast before this client arrived (or while it was away). */
  private catchUp(client: Client): void {
    client.send("clock", { now: Date.now() } satisfies ClockMessage);
    if (this.homework) client.send("homework", homeworkMessage(this.homework) satisfies HomeworkMessage);
    const { current, reveal } = this.rounds;
    if (current && this.state.phase !== "lobby") client.send("round", current.message);
    if (reveal && this.state.phase === "reveal") client.send("reveal", reveal);
    if (this.state.phase === "tuning" && this.state.showPicksLive) client.send("pickCounts", this.pickCounts());
    if (this.state.phase === "podium" && this.records.match) client.send("podium", this.podiumMessage());
  }

  onLeave(client: Client): void {
    if (this.closing) return; // the room stops as it was checkpointed
    const { sessionId } = client;
    this.desk.forget(sessionId);
    this.removed.delete(sessionId);
    if (this.state.players.has(sessionId)) return this.removeSeat(sessionId);
    this.seats.forget(sessionId); // a spectator, or a session whose seat was taken back
    this.spectators.delete(sessionId);
    this.recount();
  }

  /** A seat is given up (a Leave, a timed-out reconnection, a restored seat nobody took back). */
  protected removeSeat(key: string): void {
    this.seats.forget(key);
    this.state.players.delete(key);
    if (this.state.hostId === key) {
      const players = [...this.state.players.entries()].map(([sessionId, p]) => ({ sessionId, seat: p.seat }));
      this.state.hostId = nextHost(players, key) ?? "";
    }
    this.rank();
    this.recount();
    this.checkpoints?.soon();
    if (this.state.phase === "tuning") this.sendPickCounts();
    if (this.state.phase === "tuning" && this.allLocked()) void this.endTuning();
    this.seatsSettled();
  }

  /** SIGTERM and friends: checkpoint, tell everyone, then the connections close (the next process restores the room). */
  onBeforeShutdown(): void {
    this.checkpoints?.freeze(); // written now; nothing that follows overwrites it
    this.closing = true;
    this.phaseClock.stop();
    this.lockFlush?.clear();
    this.broadcast("error", { code: "server-restarting" } satisfies ErrorMessage);
    this.disconnect(CloseCode.SERVER_SHUTDOWN).catch(() => undefined);
  }

  onDispose(): void {
    const cost = this.checkpoints?.cost;
    log.info("room-disposed", { room: this.roomId, checkpoints: cost });
    this.phaseClock?.stop();
    this.lockFlush?.clear();
    // Disposed normally (everyone left): the room is over. At a shutdown its checkpoint stays.
    if (this.checkpoints?.frozen) this.checkpoints.stop();
    else this.checkpoints?.remove();
  }

  /** The host removed this client: its device may not come back, under any name. */
  barDevice(sessionId: string): void {
    const device = this.seats.devices.get(sessionId);
    if (device !== undefined) this.barredDevices.add(device);
  }

  /** A code no live room has (31^5 ≈ 29 million codes, so this rarely loops). */
  private async freeCode(): Promise<string> {
    const random = new Random(randomUUID());
    for (;;) {
      const code = newRoomCode(random);
      if ((await matchMaker.query({ roomId: code })).length === 0) return code;
    }
  }
}
