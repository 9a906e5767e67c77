// Crash safety with a real server process and a real SQLite file: rounds written before their
// results are shown survive SIGKILL; SIGTERM tells the clients and exits cleanly.
import { afterEach, describe, expect, it } from "vitest";
import { Client } from "@colyseus/sdk";
import { ResultsStore } from "../../server/results-store";
import { MATCH_ROOM, type ErrorMessage } from "../../shared/protocol";
import type { MatchState } from "../../shared/state";
import { startServerProcess, tempDatabasePath, until, type ServerProcess } from "../../tools/server-process";
import { recordReveals } from "./players";

const started: ServerProcess[] = [];
afterEach(() => {
  for (const s of started.splice(0)) s.child.kill("SIGKILL");
});

async function start(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServerProcess(env);
  started.push(server);
  return server;
}

describe("crash safety", () => {
  it("keeps both finished rounds through a SIGKILL in the third", async () => {
    const databasePath = tempDatabasePath();
    const first = await start({ DATABASE_PATH: databasePath });
    const sdk = new Client(first.url);
    const host = await sdk.create<MatchState>(MATCH_ROOM, { name: "Ada" });
    const guest = await sdk.joinById<MatchState>(host.roomId, { name: "Bo" });
    const reveals = recordReveals(host);
    guest.onMessage("*", () => undefined);
    host.onMessage("*", () => undefined);

    host.send("settings", { rounds: 3, tuningSeconds: 10 });
    host.send("start", {});
    const picks = [
      [2, 7],
      [5, 11],
      [3, 3],
    ];
    for (let r = 1; r <= 3; r++) {
      await until(host, (s) => s.phase === "tuning" && s.round === r, `round ${r}`);
      host.send("pick", { level: picks[r - 1][0] });
      guest.send("pick", { level: picks[r - 1][1] });
      if (r === 3) break; // the crash comes mid-tuning
      host.send("lockIn", {});
      guest.send("lockIn", {});
      await until(host, (s) => s.phase === "reveal" && s.round === r, `reveal ${r}`);
      host.send("next", {});
    }
    first.child.kill("SIGKILL");
    expect(await first.exited).toBe("SIGKILL");

    // A new process on the same file serves both rounds back; the third never finished.
    const second = await start({ DATABASE_PATH: databasePath });
    const store = await ResultsStore.open({ path: databasePath });
    const [match] = await store.matchesByCode(host.roomId);
    await store.close();
    const response = await fetch(`${second.url}/api/matches/${match.id}`);
    expect(response.status).toBe(200);
    const { rounds } = await response.json();
    expect(rounds.map((r: { round: number }) => r.round)).toEqual([1, 2]);
    for (const [i, stored] of rounds.entries()) {
      const shown = reveals[i];
      expect(stored.bestLevel).toBe(shown.bestLevel);
      expect(stored.results.map((x: any) => [x.name, x.level, x.points])).toEqual(
        shown.results.map((x) => [x.name, x.level, x.points]),
      );
    }
    expect(rounds[1].results.map((x: any) => x.total)).toEqual(
      reveals[0].results.map((x, k) => x.points + reveals[1].results[k].points),
    );
    console.log(`rounds recovered after SIGKILL: ${rounds.length} of 2 finished (match ${match.id})`);
  });

  it("on SIGTERM tells the players, closes the store and exits with 0", async () => {
    const databasePath = tempDatabasePath();
    const server = await start({ DATABASE_PATH: databasePath });
    const sdk = new Client(server.url);
    const host = await sdk.create<MatchState>(MATCH_ROOM, { name: "Ada" });
    const told = new Promise<ErrorMessage>((resolve) => host.onMessage("error", resolve));
    const left = new Promise<number>((resolve) => host.onLeave((code) => resolve(code)));
    await until(host, (s) => Boolean(s.code), "the state");

    server.child.kill("SIGTERM");
    expect((await told).code).toBe("server-restarting");
    expect(await left).toBe(4001); // Colyseus's SERVER_SHUTDOWN close code
    expect(await server.exited).toBe(0);
    const store = await ResultsStore.open({ path: databasePath }); // opens cleanly after the shutdown
    expect(await store.matchesByCode(host.roomId)).toEqual([]);
    await store.close();
  });
});
