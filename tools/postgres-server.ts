// A throwaway PostgreSQL for tests and benchmarks (Debian's `postgresql` package; .ci/run installs it): a fresh
// data directory in /tmp, on loopback, on a free port, without fsync. PostgreSQL refuses to run
// as root, so under root it runs as the package's `postgres` user. `database()` gives a new
// empty database's URL, so each test starts from nothing.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { freePort } from "./server-process";

const BIN = "/usr/lib/postgresql/15/bin";
export const hasPostgres = existsSync(join(BIN, "initdb"));

export interface PostgresServer {
  /** A new, empty database on this server. */
  database(): Promise<string>;
  stop(): void;
}

export async function startPostgres(): Promise<PostgresServer> {
  const dir = mkdtempSync(join(tmpdir(), "sg-postgres-"));
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? "postgres" : (process.env.USER ?? "postgres");
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }));
    chownSync(dir, id("-u"), id("-g"));
  }
  const run = (tool: string, args: string[]) => {
    const [command, all] = asRoot
      ? ["runuser", ["-u", "postgres", "--", join(BIN, tool), ...args]]
      : [join(BIN, tool), args];
    const done = spawnSync(command, all, { encoding: "utf8" });
    if (done.status !== 0) throw new Error(`${tool} failed: ${done.stderr || done.stdout}`);
  };
  const data = join(dir, "data");
  run("initdb", ["-D", data, "-U", user, "--auth=trust", "--encoding=UTF8", "--no-sync"]);
  const port = await freePort();
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  run("pg_ctl", ["-D", data, "-o", settings, "-l", join(dir, "log"), "-w", "start"]);
  const base = `postgres://${user}@127.0.0.1:${port}`;
  let made = 0;
  return {
    async database() {
      const name = `sg_test_${process.pid}_${++made}`;
      const admin = new pg.Client({ connectionString: `${base}/postgres` });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      return `${base}/${name}`;
    },
    stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
