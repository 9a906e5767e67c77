// The store's connection: PostgreSQL when DATABASE_URL is set, else the embedded SQLite file.
// Kysely is the one typed query layer over both (its dialects wrap better-sqlite3 and pg), so
// every store writes its queries once; the few places the engines' SQL differs ask `engine`.
// Versioned migrations (server/store/migrations-*.ts) run at open, under Kysely's migration lock,
// so processes starting together migrate once.
import Database from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, sql } from "kysely";
import { Migrator, type Migration } from "kysely/migration";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import pg from "pg";
import { log } from "../log";
import { POSTGRES_MIGRATIONS } from "./migrations-postgres";
import { SQLITE_MIGRATIONS } from "./migrations-sqlite";
import type { Tables } from "./tables";

export const DEFAULT_DATABASE_PATH = "data/shell-and-galaxy.sqlite";

export type Engine = "sqlite" | "postgres";

export interface StoreDatabase {
  db: Kysely<Tables>;
  engine: Engine;
  /** SQLite only: the file's own connection (for its pragmas; tests read it directly). */
  sqlite?: Database.Database;
  close(): Promise<void>;
}

export interface StoreLocation {
  /** postgres://user:password@host:port/database — PostgreSQL; unset: SQLite at `path`. */
  url?: string;
  /** The SQLite file (":memory:" for none). */
  path?: string;
  /** PostgreSQL connections kept per process (default 10). */
  poolSize?: number;
}

export async function openDatabase(where: StoreLocation): Promise<StoreDatabase> {
  const store = where.url ? openPostgres(where.url, where.poolSize) : openSqlite(where.path ?? DEFAULT_DATABASE_PATH);
  try {
    await migrate(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

function openSqlite(path: string): StoreDatabase {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL"); // a written round survives a power cut too, not only a crash
  sqlite.pragma("foreign_keys = ON");
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, engine: "sqlite", sqlite, close: () => db.destroy() };
}

function openPostgres(url: string, poolSize = 10): StoreDatabase {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // Counts and sums come back as numbers, as SQLite gives them (they stay far below 2^53).
    types: {
      getTypeParser: (oid: number, format?: "text" | "binary") =>
        oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC
          ? Number
          : pg.types.getTypeParser(oid, format),
    } as pg.CustomTypesConfig,
  });
  // A connection lost while idle is replaced by the pool; without a listener it would end the process.
  pool.on("error", (error) => log.error("database-connection-lost", { error }));
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: "postgres", close: () => db.destroy() };
}

async function migrate(store: StoreDatabase): Promise<void> {
  const migrations: Record<string, Migration> = {};
  if (store.engine === "sqlite")
    for (const [name, up] of SQLITE_MIGRATIONS) migrations[name] = { up: async () => up(store.sqlite!) };
  else
    for (const [name, text] of POSTGRES_MIGRATIONS)
      migrations[name] = { up: async (db) => void (await sql.raw(text).execute(db)) };
  const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  for (const r of results ?? [])
    if (r.status !== "NotExecuted") log.info("migration", { name: r.migrationName, status: r.status });
  if (error) throw error;
}
