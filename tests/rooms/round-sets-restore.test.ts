// A room playing a teacher's round set survives its server: killed mid-tuning (SIGKILL), the next
// process restores it from its checkpoint (which names the set, never its contents), reads the
// same set again and resumes the same round (the same A, the same commitment to B), and a set
// deleted meanwhile leaves the room unrestored rather than playing other rounds.
import { afterEach, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { Client, type Room } from "@colyseus/sdk";
import { MATCH_ROOM, type RoundMessage } from "../../shared/protocol";
import type { MatchState } from "../../shared/state";
import { startServerProcess, tempDatabasePath, type ServerProcess } from "../../tools/server-process";
import { tracedOf } from "../traced-spirals";

const ENV = { ROUND_SECRET: "set-restore-secret-0123456789abcdef", FAILED_JOINS_PER_ADDRESS: "10000" };
const started: ServerProcess[] = [];
afterEach(() => {
  for (const s of started.splice(0)) s.child.kill("SIGKILL");
});
const start = async (path: string) => {
  const server = await startServerProcess({ ...ENV, DATABASE_PATH: path });
  started.push(server);
  return server;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitFor<T>(check: () => T | undefined | false, what: string, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

async function http(server: ServerProcess, method: string, path: string, key?: string, body?: unknown) {
  const res = await fetch(`${server.url}/api${path}`, {
    method,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await res.json()) as Record<string, unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK's own type
type SdkRoom = Room<any, MatchState>;
function record(room: SdkRoom) {
  const seen = { rounds: [] as RoundMessage[], token: "" };
  room.reconnection.enabled = false;
  room.onMessage("*", (type, payload) => {
    if (type === "round") seen.rounds.push(payload as RoundMessage);
    if (type === "seat") seen.token = (payload as { token: string }).token;
  });
  return seen;
}

describe("a room from a set, across a restart", () => {
  it("resumes the same set round in the next process", { timeout: 120_000 }, async () => {
    const path = tempDatabasePath();
    let server = await start(path);
    const key = (await http(server, "POST", "/teacher/keys")).key as string;
    const set = {
      version: 1,
      name: "Restart me",
      spirals: [tracedOf(17, 2.5), tracedOf(24, 1.6, "Hurricane Ida", "cyclone")],
      rounds: [
        { a: { traced: 0 }, b: { traced: 1 } },
        { a: { traced: 1 }, b: { traced: 0 } },
      ],
    };
    const setId = (await http(server, "POST", "/sets", key, set)).id as string;
    const ada = await new Client(server.url).create<MatchState>(MATCH_ROOM, {
      name: "Ada",
      teacherKey: key,
      set: setId,
    });
    const seen = record(ada);
    const code = ada.roomId;
    await waitFor(() => seen.token, "a seat token");
    ada.send("start", {});
    await waitFor(() => ada.state.phase === "tuning" && seen.rounds.length === 1, "round 1's tuning");
    const before = seen.rounds[0];
    expect(before.a.name).toBe("Garden snail");
    await sleep(300);
    // The checkpoint names the set, and holds nothing of it.
    const db = new Database(path, { readonly: true });
    const body = (db.prepare("SELECT body FROM room_checkpoints WHERE code = ?").get(code) as { body: string }).body;
    db.close();
    expect(JSON.parse(body).set).toBe(setId);
    expect(body).not.toContain("Hurricane");

    server.child.kill("SIGKILL");
    server = await start(path);
    const back = await new Client(server.url).joinById<MatchState>(code, { name: "Ada", seat: seen.token });
    const again = record(back);
    await waitFor(() => back.state?.phase === "tuning" && again.rounds.length === 1, "round 1's tuning again");
    expect(again.rounds[0].a).toEqual(before.a);
    expect(again.rounds[0].commitment).toBe(before.commitment);
    expect(again.rounds[0].cue).toEqual(before.cue);

    // The set deleted, then another restart: the room is not restored (it cannot play the set).
    await http(server, "DELETE", `/sets/${setId}`, key);
    await sleep(300);
    server.child.kill("SIGKILL");
    server = await start(path);
    await expect(new Client(server.url).joinById(code, { name: "Ada", seat: seen.token })).rejects.toThrow();
  });
});
