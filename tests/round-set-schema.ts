// The published JSON schema of a round set (docs/round-set.schema.json), made from the zod schema
// the server checks with, written in Prettier's format (CI checks it). Regenerate:
// npx tsx -e 'import("./tests/round-set-schema.ts").then((m) => m.writeRoundSetJsonSchema())'
import { writeFileSync } from "node:fs";
import { format, resolveConfig } from "prettier";
import { z } from "zod";
import { roundSetSchema } from "../shared/round-set";

export const ROUND_SET_SCHEMA_PATH = "docs/round-set.schema.json";

export function roundSetJsonSchema() {
  return {
    ...z.toJSONSchema(roundSetSchema, { io: "input", unrepresentable: "any" }),
    $id: "https://github.com/shell-and-galaxy/round-set.schema.json",
    title: "Shell & Galaxy round set",
    description:
      "A teacher's round set (POST /api/sets, or the /create page's Export). The server checks more than this schema says: θ starts at 0 and increases, theta and logr have the same length, the arm sweeps 0.5–8 turns with a pitch of 1–80°, a traced index names one of the set's spirals, a catalog id is one of assets/spirals.json, text has no < or > and no control characters.",
  };
}

export async function writeRoundSetJsonSchema(): Promise<void> {
  const options = (await resolveConfig(ROUND_SET_SCHEMA_PATH)) ?? {};
  const text = await format(JSON.stringify(roundSetJsonSchema(), null, 2), {
    ...options,
    filepath: ROUND_SET_SCHEMA_PATH,
  });
  writeFileSync(ROUND_SET_SCHEMA_PATH, text);
}
