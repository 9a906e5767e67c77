// Builds the client once and starts the real server on a free port for browser tests.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";
import { tempDatabasePath } from "../server-process";

export interface AppServer { url: string; stop(): void }

export async function startAppServer(): Promise<AppServer> {
  const outDir = mkdtempSync(join(tmpdir(), "sg-client-"));
  await build({ configFile: "vite.config.ts", logLevel: "error", build: { outDir, emptyOutDir: true } });
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { ...process.env, PORT: "0", CLIENT_DIR: outDir, DATABASE_PATH: tempDatabasePath() },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("server did not start within 30 s")), 30_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      const m = /http:\/\/localhost:(\d+)/.exec(chunk.toString());
      if (m) { clearTimeout(timer); resolve(`http://localhost:${m[1]}`); }
    });
    child.on("exit", (code) => reject(new Error(`server exited with code ${code}`)));
  });
  return { url, stop: () => child.kill("SIGTERM") };
}
