// A match room that outlives its process: its checkpoint is written as it goes
// (server/checkpoint-writer.ts), a new process rebuilds it under the same code from that
// checkpoint (server/restore.ts), and players take their seats back with their seat tokens
// (server/seats.ts). MatchRoom (server/match-room.ts) adds the joins, leaves and reconnections.
import { type Client } from "@colyseus/core";
import { CLOSE_REPLACED, type SeatMessage } from "../shared/protocol";
import { refusalMessage } from "../shared/refusals";
import { refuse } from "./refuse";
import { checkpointOf, playerOf, type RoomCheckpoint } from "./checkpoint";
import type { CheckpointStore } from "./checkpoint-store";
import { CheckpointWriter } from "./checkpoint-writer";
import { log } from "./log";
import { MatchPhases } from "./match-phases";
import { showPicksTo } from "./pick-views";
import { copyPlayer } from "./room-restore";
import { Seats, restoredKey } from "./seats";

/** How long a dropped player's seat waits for them. */
export const RECONNECT_SECONDS = 60;
/** How long a restored seat waits for its player (the process was down for a while too). */
export const RESTORED_SEAT_SECONDS = RECONNECT_SECONDS * 2;

export abstract class RestorableRoom extends MatchPhases {
  /** Clients disconnected for flooding, kicked, or whose seat was taken back: no seat is kept for them. */
  readonly removed = new Set<string>();
  /** Seat tokens and device ids (as hashes, never in the state), and restored seats waiting. */
  seats!: Seats;
  /** Devices the host removed (their ids' SHA-256): they cannot join this room again, under any name. */
  readonly barredDevices = new Set<string>();
  protected nextSeat = 0;
  protected createdAt = Date.now();
  /** When the room was rebuilt from a checkpoint (undefined: made here). */
  protected restoredAt?: number;
  /** A homework room: its student's device id, as SHA-256. */
  protected homeworkDevice?: string;

  /** A seat is given up (a Leave, a timed-out reconnection, a restored seat nobody took back). */
  protected abstract removeSeat(key: string): void;

  /** Checkpoints from now on, when the server keeps them. */
  protected startCheckpoints(store: CheckpointStore | undefined): void {
    if (!store) return;
    const take = () => this.checkpointNow();
    const peopleIn = () => this.clients.length > 0;
    this.checkpoints = new CheckpointWriter(store, this.clock, this.roomId, take, peopleIn);
  }

  /** Whether someone joining now comes back after the restart (within the restored seats' wait). */
  protected get justRestored(): boolean {
    return this.restoredAt !== undefined && Date.now() - this.restoredAt < RESTORED_SEAT_SECONDS * 1000;
  }

  /**
   * The room as its checkpoint had it: settings, the match, every seat (disconnected, waiting
   * RESTORED_SEAT_SECONDS for its player), lock-ins and the shake-up's tally; then the phase
   * goes on as MatchPhases.resume says.
   */
  protected async restore(saved: RoomCheckpoint): Promise<void> {
    const { state } = this;
    const { kinds, ...settings } = saved.settings;
    Object.assign(state, settings);
    state.kinds.splice(0, state.kinds.length, ...kinds);
    state.round = saved.round;
    state.matchId = saved.match?.id ?? "";
    this.createdAt = saved.createdAt;
    this.nextSeat = saved.nextSeat;
    this.teacherId = saved.teacherId;
    this.roundId = saved.roundId;
    this.roundDate = saved.roundDate;
    for (const device of saved.barredDevices) this.barredDevices.add(device);
    if (saved.match) {
      const record = this.homework
        ? this.records.startAttempt(this.homework.attempt, this.homework.assignment)
        : this.records.start(saved.code, state.rounds, state.tuningSeconds, { teacherId: this.teacherId });
      this.records.match = { ...record, id: saved.match.id, startedAt: saved.match.startedAt };
    }
    for (const p of saved.players) {
      const key = restoredKey(p.seat);
      state.players.set(key, playerOf(p));
      this.seats.tokens.set(key, p.seatHash);
      if (p.deviceHash) this.seats.devices.set(key, p.deviceHash);
      if (p.locked) this.lockIns.restore(key, p.lockShare ?? 0);
      this.rounds.setPointsOnA(key, p.pointsOnA);
      this.seats.wait(key, RESTORED_SEAT_SECONDS, () => this.removeSeat(key));
    }
    const host = saved.players.find((p) => p.seat === saved.hostSeat);
    state.hostId = host ? restoredKey(host.seat) : "";
    this.restoredAt = Date.now();
    // An empty room is disposed at once; this one waits for its people (see seatsSettled).
    this.autoDispose = false;
    this.clock.setTimeout(() => this.seatsSettled(), RESTORED_SEAT_SECONDS * 1000 + 1);
    await this.setPrivate(state.visibility === "private");
    this.rank();
    this.resume(saved.phase);
  }

  /** The checkpoint of this room now (server/checkpoint.ts). */
  private checkpointNow(): RoomCheckpoint | undefined {
    const { homework, records } = this;
    return checkpointOf({
      mode: this.mode,
      createdAt: this.createdAt,
      state: this.state,
      tokens: this.seats.tokens,
      devices: this.seats.devices,
      barredDevices: this.barredDevices,
      nextSeat: this.nextSeat,
      teacherId: this.teacherId,
      homework: homework && {
        assignmentId: homework.assignment.id,
        attempt: homework.attempt,
        name: homework.name,
        deviceHash: this.homeworkDevice!,
      },
      match:
        this.state.matchId && records.match ? { id: records.match.id, startedAt: records.match.startedAt } : undefined,
      roundId: this.state.phase === "lobby" ? undefined : this.roundId,
      roundDate: this.state.phase === "lobby" ? undefined : this.roundDate,
      setId: this.setId,
      lockShare: (key) => (this.lockIns.has(key) ? this.lockIns.shareOf(key) : undefined),
      pointsOnA: (key) => this.rounds.pointsOnAOf(key),
    });
  }

  /**
   * The seat this token holds moves to the client's session: the players-map entry (a copy
   * under the new key), the host, the lock-in, the shake-up's tally, who sees the pick. A socket
   * still holding it (a stale one) is closed. True when it was a restored seat.
   */
  protected takeSeatBack(client: Client, token: string): boolean {
    const from = this.seats.holder(token);
    const old = from === undefined ? undefined : this.state.players.get(from);
    if (from === undefined || !old) throw refuse("seat-gone"); // taken by another join meanwhile
    const to = client.sessionId;
    const restored = this.seats.isWaiting(from);
    const player = copyPlayer(old);
    player.connected = true;
    this.state.players.delete(from);
    this.state.players.set(to, player);
    if (this.state.hostId === from) this.state.hostId = to;
    this.seats.move(from, to, this.seats.devices.get(to));
    this.lockIns.move(from, to);
    this.rounds.movePlayer(from, to);
    for (const other of this.clients) showPicksTo(other, this.state);
    client.send("seat", { token } satisfies SeatMessage);
    const stale = this.clients.find((c) => c.sessionId === from);
    if (stale) {
      this.removed.add(from);
      stale.leave(CLOSE_REPLACED, refusalMessage({ code: "seat-replaced" }));
    }
    this.seatsSettled();
    log.info("seat-taken-back", { room: this.roomId, seat: player.seat, restored });
    return restored;
  }

  /** Once no restored seat waits: a locked room locks again, and an empty room may be disposed. */
  protected seatsSettled(): void {
    if (this.restoredAt === undefined || this.seats.waitingCount > 0 || this.autoDispose) return;
    if (this.state.locked) void this.lock();
    this.autoDispose = true;
  }
}
