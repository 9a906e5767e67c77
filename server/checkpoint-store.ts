// Where checkpoints are kept: a table of the results file (the same connection, so a checkpoint
// and the round it follows are written by one SQLite), and any mirrors told of every change
// (server/checkpoint-redis.ts: Redis, for other processes to restore a room whose owner died).
import type Database from "better-sqlite3";
import { parseCheckpoint, type RoomCheckpoint } from "./checkpoint";
import { log } from "./log";

/** Another place checkpoints are copied to (told of every save and removal). */
export interface CheckpointMirror {
  save(cp: RoomCheckpoint): void;
  remove(code: string): void;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS room_checkpoints (
    code TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    saved_at INTEGER NOT NULL,
    body TEXT NOT NULL
  );
`;

export class CheckpointStore {
  private readonly mirrors: CheckpointMirror[] = [];
  private readonly upsert: Database.Statement;
  private readonly drop: Database.Statement;
  private readonly all: Database.Statement;
  /** The connection's own setting (the results store's FULL), put back after each checkpoint. */
  private readonly synchronous: number;

  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
    this.upsert = db.prepare(
      `INSERT INTO room_checkpoints (code, owner, saved_at, body) VALUES (?, ?, ?, ?)
       ON CONFLICT(code) DO UPDATE SET owner = excluded.owner, saved_at = excluded.saved_at, body = excluded.body`,
    );
    this.drop = db.prepare("DELETE FROM room_checkpoints WHERE code = ?");
    this.all = db.prepare("SELECT code, body FROM room_checkpoints ORDER BY saved_at");
    this.synchronous = db.pragma("synchronous", { simple: true }) as number;
  }

  addMirror(mirror: CheckpointMirror): void {
    this.mirrors.push(mirror);
  }

  /** Writes (or overwrites) a room's checkpoint; returns its size in bytes. */
  save(cp: RoomCheckpoint): number {
    const body = JSON.stringify(cp);
    if (this.db.open) this.durableAgainstCrashes(() => this.upsert.run(cp.code, cp.owner, cp.savedAt, body));
    for (const mirror of this.mirrors) this.tell(() => mirror.save(cp));
    return Buffer.byteLength(body);
  }

  remove(code: string): void {
    if (this.db.open) this.drop.run(code);
    for (const mirror of this.mirrors) this.tell(() => mirror.remove(code));
  }

  /** Every readable checkpoint, oldest first (an unreadable one is logged and dropped). */
  list(): RoomCheckpoint[] {
    const rows = this.all.all() as { code: string; body: string }[];
    return rows.flatMap(({ code, body }) => {
      const cp = parseCheckpoint(body);
      if (cp) return [cp];
      log.warn("checkpoint-unreadable", { room: code });
      this.drop.run(code);
      return [];
    });
  }

  /**
   * A checkpoint is committed to the WAL without an fsync (synchronous NORMAL): it survives the
   * process being killed, which is what it is for, at about a tenth of a millisecond instead of
   * the fsync's ~15 ms on the event loop (a power cut takes the process and its rooms anyway).
   * Finished rounds keep the connection's FULL setting.
   */
  private durableAgainstCrashes(write: () => void): void {
    this.db.pragma("synchronous = NORMAL");
    try {
      write();
    } finally {
      this.db.pragma(`synchronous = ${this.synchronous}`);
    }
  }

  /** A mirror's failure is logged; the SQLite copy stands. */
  private tell(call: () => void): void {
    try {
      call();
    } catch (error) {
      log.error("checkpoint-mirror-failed", { error });
    }
  }
}
