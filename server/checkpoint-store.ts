// Where checkpoints are kept: a table of the store (server/store/database.ts: the SQLite file, or
// PostgreSQL for every process), and any mirrors told of every change (server/checkpoint-redis.ts:
// Redis, for other processes to restore a room whose owner died).
import { sql } from "kysely";
import { parseCheckpoint, type RoomCheckpoint } from "./checkpoint";
import { log } from "./log";
import type { StoreDatabase } from "./store/database";

/** Another place checkpoints are copied to (told of every save and removal). */
export interface CheckpointMirror {
  save(cp: RoomCheckpoint): void;
  remove(code: string): void;
}

export class CheckpointStore {
  private readonly mirrors: CheckpointMirror[] = [];
  /** Writes not finished yet (the shutdown waits for them before the store closes). */
  private readonly writing = new Set<Promise<unknown>>();

  constructor(private readonly store: StoreDatabase) {}

  addMirror(mirror: CheckpointMirror): void {
    this.mirrors.push(mirror);
  }

  /** Writes (or overwrites) a room's checkpoint; resolves with its size in bytes. */
  save(cp: RoomCheckpoint): Promise<number> {
    const body = JSON.stringify(cp);
    for (const mirror of this.mirrors) this.tell(() => mirror.save(cp));
    return this.upsert(cp, body).then(() => Buffer.byteLength(body));
  }

  remove(code: string): Promise<void> {
    for (const mirror of this.mirrors) this.tell(() => mirror.remove(code));
    return this.drop(code);
  }

  /** Every readable checkpoint, oldest first (an unreadable one is logged and dropped). */
  async list(): Promise<RoomCheckpoint[]> {
    const rows = await this.store.db
      .selectFrom("room_checkpoints")
      .select(["code", "body"])
      .orderBy("saved_at")
      .execute();
    const readable: RoomCheckpoint[] = [];
    for (const { code, body } of rows) {
      const cp = parseCheckpoint(body);
      if (cp) readable.push(cp);
      else {
        log.warn("checkpoint-unreadable", { room: code });
        await this.drop(code);
      }
    }
    return readable;
  }

  /** Resolves when every write held for so far has finished (failed ones were logged by their writer). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.writing]);
  }

  /**
   * A checkpoint is committed without waiting for the disk (SQLite: synchronous NORMAL, in the WAL;
   * PostgreSQL: synchronous_commit off): it survives the process being killed, which is what it is
   * for, at a fraction of a millisecond instead of an fsync's ~15 ms (a power cut takes the process
   * and its rooms anyway). Finished rounds keep the engine's full durability.
   */
  private async upsert(cp: RoomCheckpoint, body: string): Promise<void> {
    const { db, engine } = this.store;
    const write = db
      .insertInto("room_checkpoints")
      .values({ code: cp.code, owner: cp.owner, saved_at: cp.savedAt, body })
      .onConflict((conflict) =>
        conflict.column("code").doUpdateSet((row) => ({
          owner: row.ref("excluded.owner"),
          saved_at: row.ref("excluded.saved_at"),
          body: row.ref("excluded.body"),
        })),
      );
    if (engine === "postgres")
      return db.transaction().execute(async (trx) => {
        await sql`SET LOCAL synchronous_commit = off`.execute(trx);
        await trx.executeQuery(write.compile());
      });
    // SQLite has one connection: held for the three statements, so no round is written in between.
    await db.connection().execute(async (connection) => {
      await sql`PRAGMA synchronous = NORMAL`.execute(connection);
      try {
        await connection.executeQuery(write.compile());
      } finally {
        await sql`PRAGMA synchronous = FULL`.execute(connection);
      }
    });
  }

  private async drop(code: string): Promise<void> {
    await this.store.db.deleteFrom("room_checkpoints").where("code", "=", code).execute();
  }

  /** Writes (a room's queue of them) the store must not close before. */
  holdOpenFor(writes: Promise<unknown>): void {
    this.writing.add(writes);
    const done = () => this.writing.delete(writes);
    writes.then(done, done);
  }

  /** A mirror's failure is logged; the store's copy stands. */
  private tell(call: () => void): void {
    try {
      call();
    } catch (error) {
      log.error("checkpoint-mirror-failed", { error });
    }
  }
}
