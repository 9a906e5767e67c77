// Builds the client once and starts the real server on a free port for browser tests.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";
import { startServerProcess } from "../../tools/server-process";

export interface AppServer {
  url: string;
  stop(): void;
}

export async function startAppServer(): Promise<AppServer> {
  const outDir = mkdtempSync(join(tmpdir(), "sg-client-"));
  await build({ configFile: "vite.config.ts", logLevel: "error", build: { outDir, emptyOutDir: true } });
  const server = await startServerProcess({ CLIENT_DIR: outDir });
  return { url: server.url, stop: () => server.child.kill("SIGTERM") };
}
