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

  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
    this.upsert = db.prepare(
      `INSERT INTO room_checkpoints (code, owner, saved_at, body) VALUES (?, ?, ?, ?)
       ON CONFLICT(code) DO UPDATE SET owner = excluded.owner, saved_at = excluded.saved_at, body = excluded.body`,
    );
    this.drop = db.prepare("DELETE FROM room_checkpoints WHERE code = ?");
    this.all = db.prepare("SELECT code, body FROM room_checkpoints ORDER BY saved_at");
  }

  addMirror(mirror: CheckpointMirror): void {
    this.mirrors.push(mirror);
  }

  /** Writes (or overwrites) a room's checkpoint; returns its size in bytes. */
  save(cp: RoomCheckpoint): number {
    const body = JSON.stringify(cp);
    if (this.db.open) this.upsert.run(cp.code, cp.owner, cp.savedAt, body);
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

  /** A mirror's failure is logged; the SQLite copy stands. */
  private tell(call: () => void): void {
    try {
      call();
    } catch (error) {
      log.error("checkpoint-mirror-failed", { error });
    }
  }
}
