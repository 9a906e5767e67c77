// Starts the real server (`server/main.ts`) as a child process on a free port: for the load tools
// and for tests that need a whole process (killing it, restarting it, or browsers talking to it).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Room } from "@colyseus/sdk";
import type { MatchState } from "../shared/state";

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the server printed. */
  output: () => string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
}

/** A free TCP port on loopback (for a process that must listen where something expects it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export const tempDatabasePath = () => join(mkdtempSync(join(tmpdir(), "sg-data-")), "results.sqlite");

/** `nodeArgs`: extra Node options, before the entry point (the load bench's heap probe). */
export async function startServerProcess(
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", ...nodeArgs, "server/main.ts"], {
    env: { ...process.env, PORT: "0", DATABASE_PATH: tempDatabasePath(), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | string>((resolve) =>
    child.on("exit", (code, signal) => resolve(code ?? signal ?? "unknown")),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 30 s:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /http:\/\/localhost:(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(`http://localhost:${m[1]}`);
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", (chunk: Buffer) => {
      read(chunk);
      process.stderr.write(chunk); // the server's warnings and errors show in the test output
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${output}`));
    });
  });
  return { url, child, exited, output: () => output };
}

/** Resolves when an SDK room's state satisfies `check` (tested on every patch). */
export function until(room: Room<any, MatchState>, check: (s: MatchState) => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 30_000);
    const listener = (state: MatchState) => {
      if (check(state)) {
        clearTimeout(timer);
        room.onStateChange.remove(listener);
        resolve();
      }
    };
    room.onStateChange(listener);
  });
}
