// Game servers on one PostgreSQL (DATABASE_URL): they migrate together once, share results, boards
// and the round secret; and the room's guarantee that a round is written before its reveal holds
// there too — a failing write is retried, and one that keeps failing is logged and counted while
// the reveal goes on. Failures are injected inside PostgreSQL (a trigger), not by replacing code.
import type { ColyseusTestServer } from "@colyseus/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type StoreDatabase } from "../../server/store/database";
import { POSTGRES_MIGRATIONS } from "../../server/store/migrations-postgres";
import { trainer } from "../../server/trainer";
import { utcDate } from "../../shared/daily";
import { freshStoreLocation } from "../store-engines";
import { createMatch, inPhase, joinMatch, type TestPlayer } from "./players";
import { bootGameServer } from "./test-server";
import { freePort, startServerProcess } from "../../tools/server-process";

let servers: ColyseusTestServer[];
let db: StoreDatabase;
const http = (server: ColyseusTestServer, path: string) =>
  fetch(`http://127.0.0.1:${(server.server as unknown as { port: number }).port}${path}`);
const json = async (server: ColyseusTestServer, path: string) => (await http(server, path)).json();

beforeAll(async () => {
  const { url } = await freshStoreLocation("postgres");
  servers = await Promise.all([bootGameServer({ databaseUrl: url }), bootGameServer({ databaseUrl: url })]);
  db = await openDatabase({ url });
  // Fails an insert into `rounds` while the sequence is below the limit (a sequence, because a
  // failed transaction rolls back everything else it wrote).
  await sql
    .raw(
      `CREATE SEQUENCE round_write_failures;
       CREATE TABLE round_write_limit (n INTEGER NOT NULL); INSERT INTO round_write_limit VALUES (0);
       CREATE FUNCTION fail_round_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
         IF nextval('round_write_failures') <= (SELECT n FROM round_write_limit) THEN RAISE EXCEPTION 'injected write failure'; END IF;
         RETURN NEW;
       END $$;
       CREATE TRIGGER fail_round_write BEFORE INSERT ON rounds FOR EACH ROW EXECUTE FUNCTION fail_round_write();`,
    )
    .execute(db.db);
}, 60_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.shutdown()));
  await db.close();
  await trainer.close();
});

/** The next `n` inserts into `rounds` fail. */
const failNextRoundWrites = (n: number) =>
  sql.raw(`ALTER SEQUENCE round_write_failures RESTART; UPDATE round_write_limit SET n = ${n};`).execute(db.db);

async function playRound(players: TestPlayer[], levels: number[]): Promise<void> {
  await Promise.all(players.map((p) => p.until(inPhase("tuning"), "tuning")));
  players.forEach((p, i) => p.room.send("pick", { level: levels[i] }));
  players.forEach((p) => p.room.send("lockIn", {}));
  await Promise.all(players.map((p) => p.until(inPhase("reveal"), "the reveal")));
}

describe("game servers on one PostgreSQL", () => {
  it("migrated once together, and share results, boards and the round secret", async () => {
    const [a, b] = servers;
    const versions = await db.db
      .selectFrom("kysely_migration" as never)
      .selectAll()
      .execute();
    expect(versions).toHaveLength(POSTGRES_MIGRATIONS.length); // each once, though both servers ran them

    const ada = await createMatch(a, { name: "Ada" });
    const bo = await joinMatch(a, ada.room.state.code, { name: "Bo" });
    ada.room.send("settings", { rounds: 1, tuningSeconds: 10 });
    await ada.until((s) => s.rounds === 1, "the settings");
    ada.room.send("start", {});
    await playRound([ada, bo], [4, 9]);
    ada.room.send("next", {});
    await ada.until(inPhase("podium"), "the podium");
    const matchId = ada.room.state.matchId;
    const winner = [...ada.room.state.players.values()].find((p) => p.rank === 1)!.name;

    // The other server answers with the same match, CSV and boards.
    const [fromA, fromB] = [await json(a, `/api/matches/${matchId}`), await json(b, `/api/matches/${matchId}`)];
    expect(fromB.rounds).toHaveLength(1);
    expect(fromB).toEqual(fromA);
    const csv = async (s: ColyseusTestServer) => (await http(s, `/api/matches/${matchId}.csv`)).text();
    expect(await csv(b)).toBe(await csv(a));
    await expect
      .poll(async () => (await json(b, "/api/leaderboard?board=alltime")).wins)
      .toEqual(expect.arrayContaining([expect.objectContaining({ name: winner, wins: 1 })]));
    const board = "/api/leaderboard?board=alltime&asOf=" + new Date().toISOString();
    expect(await json(b, board)).toEqual(await json(a, board));
    // One secret for both: yesterday's published daily opening is the same from either.
    const yesterday = utcDate(new Date(Date.now() - 86_400_000));
    const opening = async (s: ColyseusTestServer) => (await json(s, `/api/daily/${yesterday}/opening`)).opening;
    expect(await opening(b)).toEqual(await opening(a));
    expect((await json(a, "/healthz")).store).toBe("postgres");
  });

  it("retries a failed round write before the reveal; one that keeps failing is logged, counted, and the reveal goes on", async () => {
    const [a, b] = servers;
    const ada = await createMatch(a, { name: "Ada" });
    const bo = await joinMatch(a, ada.room.state.code, { name: "Bo" });
    ada.room.send("settings", { rounds: 2, tuningSeconds: 10 });
    await ada.until((s) => s.rounds === 2, "the settings");
    const unsaved = async () => (await json(a, "/healthz")).unsavedWrites.rounds as number;
    const before = await unsaved();

    await failNextRoundWrites(2); // two failures, then the third try lands
    ada.room.send("start", {});
    await playRound([ada, bo], [3, 6]);
    const matchId = ada.room.state.matchId;
    expect((await json(b, `/api/matches/${matchId}`)).rounds.map((r: { round: number }) => r.round)).toEqual([1]);
    expect(await unsaved()).toBe(before);

    await failNextRoundWrites(1000); // every try fails
    ada.room.send("next", {});
    await playRound([ada, bo], [5, 5]);
    expect(ada.reveals[1].results).toHaveLength(2); // the players saw their results anyway
    expect(await unsaved()).toBe(before + 1);
    expect((await json(b, `/api/matches/${matchId}`)).rounds.map((r: { round: number }) => r.round)).toEqual([1]);
    await failNextRoundWrites(0);
  });

  it("a process that cannot reach PostgreSQL says so and exits, without printing the password", async () => {
    const url = `postgres://game:not-printed@127.0.0.1:${await freePort()}/game`;
    const failed = startServerProcess({ DATABASE_URL: url }).then(
      () => "started",
      (error: Error) => error.message,
    );
    const output = await failed;
    expect(output).toMatch(/store-unavailable[\s\S]*ECONNREFUSED[\s\S]*start PostgreSQL, fix DATABASE_URL/);
    expect(output).not.toContain("not-printed");
  });
});
