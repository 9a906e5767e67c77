// Teachers' round sets in the store (table round_sets, migration 0002): each set's JSON as
// roundSetSchema checked it, under its teacher key's id, with per-key limits on count and bytes
// (SET_LIMITS). Only the owner's key reads a set; a share token (random, made on request) lets
// another teacher key read a copy to import. Every query runs unchanged on SQLite and PostgreSQL.
import { randomBytes, randomUUID } from "node:crypto";
import { SET_LIMITS, roundSetSchema, type RoundSet, type SetSummary } from "../shared/round-set";
import type { ProblemParams } from "../shared/problems";
import type { StoreDatabase } from "./store/database";

/** A refused save: a code with its facts (shared/problems.ts), worded by the page. */
export type SaveResult =
  | { ok: true; summary: SetSummary }
  | {
      ok: false;
      reason: "too-many" | "too-big";
      error: "set-too-large" | "sets-too-many" | "sets-bytes-too-many";
      params: ProblemParams;
      field: string;
    };

export interface StoredSet {
  summary: SetSummary;
  set: RoundSet;
}

const byteLength = (text: string) => Buffer.byteLength(text, "utf8");

export class SetsStore {
  constructor(private readonly store: StoreDatabase) {}

  private get db() {
    return this.store.db;
  }

  /**
   * Saves a checked set under a teacher id, within the key's limits (count and bytes): one
   * transaction; on PostgreSQL the key's row is locked in it, so two saves at once cannot both
   * pass the limit (SQLite's one connection runs transactions one at a time already).
   */
  async save(teacherId: string, set: RoundSet, now: Date): Promise<SaveResult> {
    const body = JSON.stringify(set);
    const bytes = byteLength(body);
    if (bytes > SET_LIMITS.maxBytes)
      return {
        ok: false,
        reason: "too-big",
        field: "(set)",
        error: "set-too-large",
        params: { maxKb: SET_LIMITS.maxBytes / 1024, kb: Math.ceil(bytes / 1024) },
      };
    return this.db.transaction().execute(async (trx): Promise<SaveResult> => {
      if (this.store.engine === "postgres")
        await trx.selectFrom("teacher_keys").select("id").where("id", "=", teacherId).forUpdate().execute();
      const used = await trx
        .selectFrom("round_sets")
        .select((eb) => [
          eb.fn.countAll<number>().as("n"),
          eb.fn.coalesce(eb.fn.sum<number>("bytes"), eb.lit(0)).as("bytes"),
        ])
        .where("teacher_id", "=", teacherId)
        .executeTakeFirstOrThrow();
      if (Number(used.n) >= SET_LIMITS.perKey)
        return {
          ok: false,
          reason: "too-many",
          field: "(set)",
          error: "sets-too-many",
          params: { max: SET_LIMITS.perKey },
        };
      if (Number(used.bytes) + bytes > SET_LIMITS.bytesPerKey)
        return {
          ok: false,
          reason: "too-big",
          field: "(set)",
          error: "sets-bytes-too-many",
          params: { maxMb: SET_LIMITS.bytesPerKey / 1024 / 1024 },
        };
      const id = randomUUID();
      const createdAt = now.toISOString();
      await trx
        .insertInto("round_sets")
        .values({
          id,
          teacher_id: teacherId,
          name: set.name,
          body,
          bytes,
          rounds: set.rounds.length,
          spirals: set.spirals.length,
          share_token: null,
          created_at: createdAt,
        })
        .execute();
      return {
        ok: true,
        summary: { id, name: set.name, rounds: set.rounds.length, spirals: set.spirals.length, bytes, createdAt },
      };
    });
  }

  /** A key's sets, newest first. */
  async list(teacherId: string): Promise<SetSummary[]> {
    const rows = await this.db
      .selectFrom("round_sets")
      .select(["id", "name", "rounds", "spirals", "bytes", "created_at", "share_token"])
      .where("teacher_id", "=", teacherId)
      .orderBy("created_at", "desc")
      .orderBy("id")
      .execute();
    return rows.map(summaryOf);
  }

  /** One of the key's sets (undefined: no set of this key has that id). */
  async get(teacherId: string, id: string): Promise<StoredSet | undefined> {
    const row = await this.db
      .selectFrom("round_sets")
      .selectAll()
      .where("id", "=", id)
      .where("teacher_id", "=", teacherId)
      .executeTakeFirst();
    return row && { summary: summaryOf(row), set: parseStored(row.body) };
  }

  /** A shared set, by its token (for another teacher key to import a copy). */
  async shared(token: string): Promise<RoundSet | undefined> {
    const row = await this.db
      .selectFrom("round_sets")
      .select("body")
      .where("share_token", "=", token)
      .executeTakeFirst();
    return row && parseStored(row.body);
  }

  /** Makes (or replaces) the set's share token; undefined when the key has no such set. */
  async share(teacherId: string, id: string): Promise<string | undefined> {
    const token = randomBytes(18).toString("base64url");
    const done = await this.db
      .updateTable("round_sets")
      .set({ share_token: token })
      .where("id", "=", id)
      .where("teacher_id", "=", teacherId)
      .executeTakeFirst();
    return Number(done.numUpdatedRows) > 0 ? token : undefined;
  }

  /** Stops sharing: the old link opens nothing any more. False when the key has no such set. */
  async unshare(teacherId: string, id: string): Promise<boolean> {
    const done = await this.db
      .updateTable("round_sets")
      .set({ share_token: null })
      .where("id", "=", id)
      .where("teacher_id", "=", teacherId)
      .executeTakeFirst();
    return Number(done.numUpdatedRows) > 0;
  }

  async remove(teacherId: string, id: string): Promise<boolean> {
    const done = await this.db
      .deleteFrom("round_sets")
      .where("id", "=", id)
      .where("teacher_id", "=", teacherId)
      .executeTakeFirst();
    return Number(done.numDeletedRows) > 0;
  }
}

function summaryOf(row: {
  id: string;
  name: string;
  rounds: number;
  spirals: number;
  bytes: number;
  created_at: string;
  share_token: string | null;
}): SetSummary {
  return {
    id: row.id,
    name: row.name,
    rounds: row.rounds,
    spirals: row.spirals,
    bytes: row.bytes,
    createdAt: row.created_at,
    ...(row.share_token ? { share: row.share_token } : {}),
  };
}

/** A stored set, checked again as it is read (a row written by hand, or by an older schema, fails loudly). */
function parseStored(body: string): RoundSet {
  return roundSetSchema.parse(JSON.parse(body));
}
