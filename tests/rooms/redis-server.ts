// A throwaway redis-server for tests (Debian's package; .ci/run installs it): on loopback, on the
// given port, keeping nothing on disk.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";

export const hasRedis = spawnSync("redis-server", ["--version"]).status === 0;

export function startRedisServer(port: number): ChildProcess {
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
  return spawn("redis-server", args, { stdio: "ignore" });
}
