// When a room's checkpoint is written. A phase change and a lock-in batch are written at once, in
// the same turn as the state change, so they are on disk before the patch that shows them; joins,
// leaves, names and settings within CHECKPOINT_SOON_MS; picks (many a second while tuning) within
// CHECKPOINT_LATER_MS. A room with people in it is rewritten every CHECKPOINT_REFRESH_MS, so its
// savedAt says it is alive even while nothing happens (RESTORE_IDLE_LIMIT_MS counts from there).
import { performance } from "node:perf_hooks";
import type { Clock, Delayed } from "@colyseus/core";
import type { RoomCheckpoint } from "./checkpoint";
import type { CheckpointStore } from "./checkpoint-store";
import { log } from "./log";

export const CHECKPOINT_SOON_MS = 100;
export const CHECKPOINT_LATER_MS = 1000;
export const CHECKPOINT_REFRESH_MS = 60_000;

/** What the writes of one room cost (logged when the room goes; the restore test reports it). */
export interface CheckpointCost {
  writes: number;
  lastBytes: number;
  maxBytes: number;
  totalMs: number;
  maxMs: number;
}

export class CheckpointWriter {
  readonly cost: CheckpointCost = { writes: 0, lastBytes: 0, maxBytes: 0, totalMs: 0, maxMs: 0 };
  private pending?: Delayed;
  private dueAt = Infinity;
  frozen = false;
  private readonly refresh: Delayed;
  /** The last write begun: each waits for the one before, so an older checkpoint never lands after a newer. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: CheckpointStore,
    private readonly clock: Clock,
    private readonly room: string,
    /** The room's checkpoint now (undefined: nothing worth keeping, e.g. too many players to bound). */
    private readonly take: () => RoomCheckpoint | undefined,
    peopleIn: () => boolean,
  ) {
    this.refresh = clock.setInterval(() => peopleIn() && this.soon(), CHECKPOINT_REFRESH_MS);
  }

  /** Written now (a phase change, a lock-in batch, the shutdown). */
  now(): void {
    this.pending?.clear();
    this.pending = undefined;
    this.dueAt = Infinity;
    if (this.frozen) return;
    const cp = this.take();
    if (!cp) return;
    this.enqueue(async () => {
      const started = performance.now();
      try {
        const bytes = await this.store.save(cp);
        const ms = performance.now() - started;
        const c = this.cost;
        c.writes++;
        c.lastBytes = bytes;
        c.maxBytes = Math.max(c.maxBytes, bytes);
        c.totalMs += ms;
        c.maxMs = Math.max(c.maxMs, ms);
      } catch (error) {
        log.error("checkpoint-not-saved", { room: this.room, error });
      }
    });
  }

  /** Written within CHECKPOINT_SOON_MS (joins, leaves, names, settings). */
  soon(): void {
    this.within(CHECKPOINT_SOON_MS);
  }

  /** Written within CHECKPOINT_LATER_MS (picks). */
  later(): void {
    this.within(CHECKPOINT_LATER_MS);
  }

  /** No more writes: the last one stands (the shutdown's, before the clients' leaves empty the room). */
  freeze(): void {
    this.now();
    this.frozen = true;
    this.stop();
  }

  /** The room is over (everyone left): no more writes, and its checkpoint goes. */
  remove(): void {
    this.frozen = true;
    this.stop();
    this.enqueue(() =>
      this.store
        .remove(this.room)
        .catch((error) => void log.error("checkpoint-not-removed", { room: this.room, error })),
    );
  }

  stop(): void {
    this.pending?.clear();
    this.pending = undefined;
    this.refresh.clear();
  }

  private enqueue(write: () => Promise<void>): void {
    this.queue = this.queue.then(write);
    this.store.holdOpenFor(this.queue);
  }

  private within(ms: number): void {
    if (this.frozen) return;
    const due = Date.now() + ms;
    if (due >= this.dueAt) return; // an earlier write is already due
    this.pending?.clear();
    this.dueAt = due;
    this.pending = this.clock.setTimeout(() => this.now(), ms);
  }
}
