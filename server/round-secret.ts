// The server's round secret: it keys every live round's B (HMAC-SHA256(secret, round id)), so
// nothing a player receives before the reveal can rebuild B, and a day's daily challenge cannot
// be computed from its date. ROUND_SECRET sets it; unset, one is generated at first start and
// kept beside the database (mode 0600), so a restarted server still reaches the same dailies.
// It is never sent and never logged.
import { createHmac, randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { RoundKey } from "../shared/round-key";

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

/** The key of a live round: its public id, and B's seed from the secret. */
export function roundKey(secret: string, id: string): RoundKey {
  return { id, hidden: createHmac("sha256", secret).update(id).digest("hex") };
}
