import { defineConfig } from "vitest/config";

// Vitest 5's reporter calls Map.groupBy, which Node 20 lacks (Node 21+ has it).
if (!("groupBy" in Map)) {
  Object.defineProperty(Map, "groupBy", {
    value<K, T>(items: Iterable<T>, key: (item: T, index: number) => K): Map<K, T[]> {
      const groups = new Map<K, T[]>();
      let i = 0;
      for (const item of items) {
        const k = key(item, i++);
        groups.set(k, [...(groups.get(k) ?? []), item]);
      }
      return groups;
    },
  });
}

// Node 20 has a global WebSocket (which the Colyseus SDK's reconnection uses) only behind a flag.
const nodeMajor = Number(process.versions.node.split(".")[0]);
const execArgv = nodeMajor < 22 ? ["--experimental-websocket"] : [];

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Room tests boot Colyseus's test server on its fixed port, and browser tests are heavy: one file at a time.
    fileParallelism: false,
    execArgv,
    env: { LOG_LEVEL: "warn" }, // the server's JSON event lines, minus the routine ones
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // A page under load (two cores, a full run) can take seconds to load a chunk or a reply:
    // polls wait up to 30 s for what they expect, rather than Vitest's default 1 s.
    expect: { poll: { timeout: 30_000 } },
  },
});
