// The server's round secret: it keys every live round's B (HMAC-SHA256(secret, round id)), so
// nothing a player receives before the reveal can rebuild B, and a day's daily challenge cannot
// be computed from its date. ROUND_SECRET sets it; unset, one is generated at first start and
// kept beside the SQLite file (mode 0600), or in PostgreSQL for every process that shares it, so
// a restarted server still reaches the same dailies. It is never sent and never logged.
import { createHmac, randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { RoundKey } from "../shared/round-key";
import type { StoreDatabase } from "./store/database";

export const SECRET_FILE = "round-secret";

/** The secret from ROUND_SECRET, else the file beside the database (created once); in memory for ":memory:". */
export function loadRoundSecret(databasePath: string, fromEnv = process.env.ROUND_SECRET): string {
  if (fromEnv) {
    if (fromEnv.length < 16)
      throw new Error("ROUND_SECRET must be at least 16 characters (32 random bytes as hex is a good choice)");
    return fromEnv;
  }
  if (databasePath === ":memory:") return randomBytes(32).toString("hex");
  const file = join(dirname(databasePath), SECRET_FILE);
  mkdirSync(dirname(file), { recursive: true });
  // Written whole to a temporary file, then linked into place: of processes starting together,
  // exactly one link succeeds and every other reads that one's complete secret.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(draft, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    unlinkSync(draft);
  }
  return readFileSync(file, "utf8").trim();
}

/** With PostgreSQL: the secret every process of the deployment shares (the first to start makes it). */
export async function sharedRoundSecret(store: StoreDatabase, fromEnv = process.env.ROUND_SECRET): Promise<string> {
  if (fromEnv) return loadRoundSecret(":memory:", fromEnv);
  const made = { key: "round_secret", value: randomBytes(32).toString("hex") };
  await store.db
    .insertInto("server_settings")
    .values(made)
    .onConflict((conflict) => conflict.column("key").doNothing())
    .execute();
  const { value } = await store.db
    .selectFrom("server_settings")
    .select("value")
    .where("key", "=", made.key)
    .executeTakeFirstOrThrow();
  return value;
}

/** The key of a live round: its public id, and B's seed from the secret. */
export function roundKey(secret: string, id: string): RoundKey {
  return { id, hidden: createHmac("sha256", secret).update(id).digest("hex") };
}
