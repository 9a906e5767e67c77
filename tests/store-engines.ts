// Store tests on both engines: the embedded SQLite file and a throwaway PostgreSQL (one server per
// test file, started when first asked for, a new empty database per store).
import { afterAll } from "vitest";
import { ResultsStore } from "../server/results-store";
import type { Engine, StoreLocation } from "../server/store/database";
import { startPostgres, type PostgresServer } from "../tools/postgres-server";

export const ENGINES: Engine[] = ["sqlite", "postgres"];

let postgres: Promise<PostgresServer> | undefined;
afterAll(async () => {
  if (postgres) (await postgres).stop();
});

/** Where a fresh, empty store of this engine is. */
export async function freshStoreLocation(engine: Engine): Promise<StoreLocation> {
  if (engine === "sqlite") return { path: ":memory:" };
  postgres ??= startPostgres();
  return { url: await (await postgres).database() };
}

export const openFreshStore = async (engine: Engine) => ResultsStore.open(await freshStoreLocation(engine));
