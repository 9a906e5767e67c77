// Round sets against the real server: POST /api/sets and friends refuse malformed, huge and
// adversarial input with `{ error, field }`; a room's create option `set` is refused unless it
// names one of the creating key's sets; adversarial (but valid) sets make finite rounds; and a
// room from a set, with two players and a spectator, plays through the reveal with B (traced),
// B's name and the set's id in no frame any client receives before the reveal.
import { describe, expect, it } from "vitest";
import type { ColyseusTestServer } from "@colyseus/testing";
import { useGameServer } from "./test-server";
import { teacherHttp } from "./teacher-http";
import { capturingClient, createMatch, framesOf, inPhase, joinMatch } from "./players";
import { bPatterns, findB, roomData } from "./b-on-the-wire";
import { DAILY_ROOM, HOMEWORK_ROOM, MATCH_ROOM, type HomeworkMessage } from "../../shared/protocol";
import { roundOf } from "../../shared/round-proof";
import type { CueView } from "../../shared/round";
import { cueText } from "../../client/i18n/cue-text";
import { SET_LIMITS, setRoundSpecs, checkSet, type RoundSetInput } from "../../shared/round-set";
import { publicRoundKey } from "../../shared/round-key";
import { SPIRAL_KINDS } from "../../shared/catalog";
import { tracedOf } from "../traced-spirals";
import type { MatchState } from "../../shared/state";

let colyseus: ColyseusTestServer;
useGameServer((booted) => (colyseus = booted));
const teacher = teacherHttp(() => colyseus);

interface Reply {
  status: number;
  body: { error?: string; field?: string; [k: string]: unknown };
}
async function api(method: string, path: string, key?: string, body?: unknown, raw?: string): Promise<Reply> {
  const port = (colyseus.server as unknown as { port: number }).port;
  const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
  if (body !== undefined || raw !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`http://127.0.0.1:${port}/api${path}`, {
    method,
    headers,
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  return { status: response.status, body: (await response.json()) as Reply["body"] };
}

const twoRounds = (): RoundSetInput => ({
  version: 1,
  name: "Snail and storm",
  spirals: [tracedOf(17, 2.5), tracedOf(24, 1.6, "Hurricane Ida", "cyclone")],
  rounds: [
    { a: { traced: 0 }, b: { traced: 1 }, relation: "stranger", cue: "Hidden: something windy, another kind." },
    { a: { catalog: "nautilus-pompilius" }, b: { traced: 0 } },
  ],
});

describe("POST /api/sets and friends", () => {
  it("saves a set for its key, and refuses bad input with the field", async () => {
    const key = await teacher.newKey();
    const saved = await api("POST", "/sets", key, twoRounds());
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ name: "Snail and storm", rounds: 2, spirals: 2 });

    const refusals: [string, Reply, number, string][] = [
      ["no key", await api("POST", "/sets", undefined, twoRounds()), 401, "authorization"],
      ["an unknown key", await api("POST", "/sets", `tk-${"x".repeat(24)}`, twoRounds()), 403, "authorization"],
      ["not JSON", await api("POST", "/sets", key, undefined, "{version: 1"), 400, "(set)"],
      ["a huge body", await api("POST", "/sets", key, undefined, `{"x":"${"a".repeat(300_000)}"}`), 413, "(set)"],
      ["an array", await api("POST", "/sets", key, [twoRounds()]), 400, "(set)"],
      [
        "markup",
        await api("POST", "/sets", key, { ...twoRounds(), name: "<img src=x onerror=alert(1)>" }),
        400,
        "name",
      ],
      [
        "a missing spiral",
        await api("POST", "/sets", key, { ...twoRounds(), spirals: [twoRounds().spirals[0]] }),
        400,
        "rounds.0.b.traced",
      ],
      [
        "θ doubling back",
        await api("POST", "/sets", key, {
          ...twoRounds(),
          spirals: [{ ...tracedOf(17, 2.5), theta: tracedOf(17, 2.5).theta.map((t, i) => (i === 9 ? 0.01 : t)) }],
        }),
        400,
        "spirals.0.theta.9",
      ],
      [
        "301 points",
        await api("POST", "/sets", key, {
          ...twoRounds(),
          spirals: [{ ...tracedOf(17, 2.5), theta: Array.from({ length: 301 }, (_, i) => i / 10), logr: [] }],
        }),
        400,
        "spirals.0.theta",
      ],
      [
        "a proto key",
        await api("POST", "/sets", key, undefined, '{"__proto__":{"version":1},"version":1}'),
        400,
        "name",
      ],
      [
        "13 spirals",
        await api("POST", "/sets", key, { ...twoRounds(), spirals: Array(13).fill(tracedOf(17, 2)) }),
        400,
        "spirals",
      ],
    ];
    for (const [what, reply, status, field] of refusals) {
      expect({ what, status: reply.status, field: reply.body.field }).toEqual({ what, status, field });
      expect(reply.body.error, what).toMatch(/^[a-z0-9-]+$/); // a code, worded by the page
    }
    // Nothing refused was stored.
    const list = await api("GET", "/sets", key);
    expect((list.body.sets as unknown[]).length).toBe(1);
  });

  it("keeps a set to its key; a share link opens a copy for another teacher key only", async () => {
    const ada = await teacher.newKey();
    const bo = await teacher.newKey();
    const { body } = await api("POST", "/sets", ada, twoRounds());
    const id = body.id as string;
    expect((await api("GET", `/sets/${id}`, ada)).status).toBe(200);
    expect(await api("GET", `/sets/${id}`, bo)).toMatchObject({ status: 404, body: { field: "id" } });
    expect(await api("GET", `/sets/not-a-uuid`, ada)).toMatchObject({ status: 400, body: { field: "id" } });
    expect((await api("DELETE", `/sets/${id}`, bo)).status).toBe(404);
    const shared = await api("POST", `/sets/${id}/share`, ada);
    expect(shared.status).toBe(201);
    const token = shared.body.share as string;
    expect(shared.body.link).toBe(`/create?shared=${token}`);
    expect(await api("GET", `/shared-sets/${token}`)).toMatchObject({ status: 401, body: { field: "authorization" } });
    const copy = await api("GET", `/shared-sets/${token}`, bo);
    expect(copy.status).toBe(200);
    expect((copy.body.set as { name: string }).name).toBe("Snail and storm");
    expect((await api("POST", "/sets", bo, copy.body.set)).status).toBe(201); // imported as Bo's own
    expect((await api("DELETE", `/sets/${id}/share`, ada)).status).toBe(200);
    expect((await api("GET", `/shared-sets/${token}`, bo)).status).toBe(404);
    expect((await api("DELETE", `/sets/${id}`, ada)).body).toEqual({ deleted: true });
  });

  it("holds a key to SET_LIMITS.perKey sets", async () => {
    const key = await teacher.newKey();
    const small = {
      ...twoRounds(),
      spirals: [],
      rounds: [{ a: { catalog: "m51-whirlpool" }, b: { catalog: "nautilus-pompilius" } }],
    };
    for (let i = 0; i < SET_LIMITS.perKey; i++) expect((await api("POST", "/sets", key, small)).status).toBe(201);
    const refused = await api("POST", "/sets", key, small);
    expect(refused).toMatchObject({ status: 429, body: { field: "(set)" } });
    expect(refused.body).toMatchObject({ error: "sets-too-many", params: { max: 50 } });
  });
});

/** A set at the schema's edges: a wide half turn, a tight 8 turns, a zigzag arm, a twin of a typhoon. */
function edgeCases() {
  const extremes = [
    tracedOf(80, 0.55, "Wide", "other"),
    tracedOf(1.05, 7.95, "Tight", "shell", 300),
    tracedOf(45, 3, "Zigzag", "plant"),
  ];
  // A zigzag arm: log r jumping 6 up and down between neighbours (within ±20), still 1–80° overall.
  extremes[2].logr = extremes[2].logr.map((l, i) => Math.min(19, Math.max(-19, l + (i % 2 ? 3 : -3))));
  const checked = checkSet({
    version: 1,
    name: "Edge cases",
    spirals: extremes,
    rounds: [
      { a: { traced: 0 }, b: { traced: 1 } },
      { a: { traced: 1 }, b: { traced: 0 } },
      { a: { traced: 2 }, b: { traced: 2 } },
      { a: { catalog: "typhoon-tip" }, b: { traced: 2 }, relation: "twin" },
    ],
  });
  if (!checked.ok) throw new Error(`${checked.field}: ${checked.params.reason}`);
  return checked;
}
const edgeSet = () => edgeCases().set;

describe("a room's create option `set`", () => {
  it("is refused unless it names one of the creating key's sets", async () => {
    const ada = await teacher.newKey();
    const bo = await teacher.newKey();
    const id = (await api("POST", "/sets", ada, twoRounds())).body.id as string;
    const create = (options: Record<string, unknown>, room = MATCH_ROOM) =>
      colyseus.sdk.create(room, { name: "Ms Rivera", ...options });
    await expect(create({ set: id })).rejects.toThrow('"set-needs-teacher-key"');
    await expect(create({ set: id, teacherKey: bo })).rejects.toThrow('"set-not-found"');
    await expect(create({ set: crypto.randomUUID(), teacherKey: ada })).rejects.toThrow('"set-not-found"');
    await expect(create({ set: "../../etc/passwd", teacherKey: ada })).rejects.toThrow('"set-id-invalid"');
    await expect(create({ set: { $ne: null }, teacherKey: ada })).rejects.toThrow('"set-id-invalid"');
    await expect(create({ set: id, teacherKey: ada }, DAILY_ROOM)).rejects.toThrow('"set-needs-match-room"');
    await expect(
      create({ set: id, assignment: crypto.randomUUID(), device: "device-of-ada-000001" }, HOMEWORK_ROOM),
    ).rejects.toThrow('"set-needs-match-room"');
    // The server is fine: a good create still works, and plays the set's length.
    const host = await createMatch(colyseus, { name: "Ms Rivera", teacherKey: ada, set: id });
    expect(host.room.state.rounds).toBe(2);
    await host.room.leave();
  });

  it("makes finite rounds from adversarial but valid sets (extreme pitch and turns, a twin of itself)", () => {
    const checked = edgeCases();
    for (const [i, spec] of setRoundSpecs(checked.set).entries()) {
      const round = roundOf({
        ...publicRoundKey(`edge-${i}`),
        difficulty: "hard",
        kinds: [...SPIRAL_KINDS],
        set: spec,
      });
      for (const v of [...round.a.points.x, ...round.a.points.y, ...round.b.points.x, ...round.b.points.y])
        expect(Number.isFinite(v), `round ${i}`).toBe(true);
      expect(cueText(round.cue.view).length).toBeGreaterThan(10);
    }
  });
});

describe("a room from a set", () => {
  it(
    "plays the set's traced rounds through the reveal, with B, its name and the set's id in no frame before it",
    { timeout: 120_000 },
    async () => {
      const key = await teacher.newKey();
      const setId = (await api("POST", "/sets", key, twoRounds())).body.id as string;
      const sdk = capturingClient(colyseus, () => undefined);
      const ada = await createMatch(colyseus, { name: "Ada", teacherKey: key, set: setId }, sdk);
      const code = ada.room.state.code;
      const bo = await joinMatch(colyseus, code, { name: "Bo" }, sdk);
      const eve = await joinMatch(colyseus, code, { name: "Eve", spectator: true }, sdk);
      const clients = { Ada: ada, Bo: bo, Eve: eve };
      expect(ada.room.state.rounds).toBe(2);
      ada.room.send("start", {});
      await Promise.all(Object.values(clients).map((p) => p.until(inPhase("tuning"), "tuning")));
      ada.room.send("pick", { level: 3 });
      bo.room.send("pick", { level: 9 });
      ada.room.send("lockIn", {});
      bo.room.send("lockIn", {});
      for (const p of Object.values(clients))
        await p.until((s: MatchState) => s.phase === "reveal", "the reveal of round 1");

      // The reveal's opening carries the set's round; B regenerated from it is the room's own B.
      const opening = ada.reveals[0].opening!;
      expect(opening.set?.b).toEqual({ traced: expect.objectContaining({ name: "Hurricane Ida" }) });
      const b = roundOf(opening).b;
      const server = colyseus.getRoomById(code) as unknown as { rounds: { current: { round: { b: typeof b } } } };
      expect(server.rounds.current.round.b.points.x).toEqual(b.points.x);
      expect(b.spiral.name).toBe("Hurricane Ida");
      const patterns = bPatterns(b.points);
      const secretWords = [Buffer.from("Hurricane Ida"), Buffer.from(setId)];

      for (const [name, player] of Object.entries(clients)) {
        const { frames } = framesOf(player);
        const reveal = frames.findIndex((f) => roomData(f)?.type === "reveal");
        expect(reveal, `${name} got the reveal`).toBeGreaterThan(0);
        const before = frames.slice(0, reveal);
        const leaks = before.map((f, i) => ({ i, found: findB(patterns, f.bytes) })).filter((l) => l.found.length);
        expect(leaks, `${name}: frames before the reveal that contain B`).toEqual([]);
        expect(findB(patterns, frames[reveal].bytes).length, `${name}: the reveal carries B`).toBeGreaterThan(0);
        for (const f of before)
          expect(secretWords.filter((w) => Buffer.from(f.bytes).includes(w)).map(String), `${name}`).toEqual([]);
        // The set's id is in no frame at all, before or after the reveal.
        for (const f of frames) expect(Buffer.from(f.bytes).includes(Buffer.from(setId))).toBe(false);
        const round = before.map(roomData).find((m) => m?.type === "round")!.payload as {
          cue: CueView;
          a: { name: string };
        };
        expect(round.cue).toEqual({ given: "Hidden: something windy, another kind." });
        expect(round.a.name).toBe("Garden snail");
      }

      // Round 2: a catalog A against the traced snail as B, then the podium.
      ada.room.send("next", {});
      await ada.until((s: MatchState) => s.phase === "tuning" && s.round === 2, "round 2");
      ada.room.send("lockIn", {});
      bo.room.send("lockIn", {});
      await ada.until((s: MatchState) => s.phase === "reveal" && s.round === 2, "round 2's reveal");
      expect(roundOf(ada.reveals[1].opening!).b.spiral.name).toBe("Garden snail");
      expect(ada.reveals[1].results.map((r) => r.points).every((p) => Number.isFinite(p))).toBe(true);
      ada.room.send("next", {});
      await ada.until(inPhase("podium"), "the podium");
      // The stored rounds say they came from a set: a catalog replay token would replay another round.
      const stored = (await api("GET", `/matches/${ada.room.state.matchId}`)).body.rounds as { opening: string }[];
      expect(stored.map((r) => r.opening)).toEqual([expect.stringMatching(/^set~/), expect.stringMatching(/^set~/)]);
    },
  );
});

describe("a room playing the adversarial set", () => {
  it("trains, scores and reveals every round with finite numbers", { timeout: 120_000 }, async () => {
    const key = await teacher.newKey();
    const saved = await api("POST", "/sets", key, edgeSet());
    expect(saved.status).toBe(201);
    const host = await createMatch(colyseus, { name: "Ada", teacherKey: key, set: saved.body.id as string });
    expect(host.room.state.rounds).toBe(4);
    host.room.send("settings", { tuningSeconds: 10 });
    host.room.send("start", {});
    for (let round = 1; round <= 4; round++) {
      await host.until((s: MatchState) => s.phase === "tuning" && s.round === round, `round ${round}`);
      host.room.send("pick", { level: 1 + ((round * 5) % 12) });
      host.room.send("lockIn", {});
      await host.until((s: MatchState) => s.phase === "reveal" && s.round === round, `round ${round}'s reveal`);
      await host.until(() => host.reveals.length === round, `round ${round}'s reveal message`);
      const reveal = host.reveals[round - 1];
      expect(
        reveal.hidden.every((h) => Number.isFinite(h.error) && h.error >= 0),
        `round ${round}`,
      ).toBe(true);
      expect(
        reveal.results.every((r) => Number.isFinite(r.points)),
        `round ${round}`,
      ).toBe(true);
      if (round < 4) host.room.send("next", {});
    }
    expect(host.errors).toEqual([]);
  });
});

describe("homework from a set", () => {
  it("makes an assignment whose rounds are the set's, copied when it is made; B waits for the deadline", async () => {
    const key = await teacher.newKey();
    const setId = (await api("POST", "/sets", key, twoRounds())).body.id as string;
    const deadline = new Date(Date.now() + 3 * 24 * 3600_000).toISOString();
    const bad = await api("POST", `/sets/${setId}/assignments`, key, { title: "<b>", deadline, timeZone: "UTC" });
    expect(bad).toMatchObject({ status: 400, body: { field: "title" } });
    const late = await api("POST", `/sets/${setId}/assignments`, key, {
      deadline: "2020-01-01T00:00:00Z",
      timeZone: "UTC",
    });
    expect(late).toMatchObject({ status: 400, body: { field: "deadline" } });
    const other = await teacher.newKey();
    expect((await api("POST", `/sets/${setId}/assignments`, other, { deadline, timeZone: "UTC" })).status).toBe(404);
    const made = await api("POST", `/sets/${setId}/assignments`, key, { title: "Week 3", deadline, timeZone: "UTC" });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ title: "Week 3", rounds: 2, set: { id: setId, name: "Snail and storm" } });
    const assignment = made.body.id as string;
    // Deleting the set afterwards changes nothing: the assignment kept its rounds.
    expect((await api("DELETE", `/sets/${setId}`, key)).status).toBe(200);
    // The public page says nothing of the set.
    const page = await api("GET", `/assignments/${assignment}`);
    expect(JSON.stringify(page.body)).not.toMatch(/Hurricane|Garden|"set"|setRounds|traced/i);

    const student = await createMatch(
      colyseus,
      { name: "Ada", assignment, device: "dev-ada-0123456789abcdef" },
      colyseus.sdk,
      HOMEWORK_ROOM,
    );
    const hw = student.messages.find((m) => m.type === "homework")!.payload as HomeworkMessage;
    expect(hw).toMatchObject({ title: "Week 3", rounds: 2 });
    await student.until(inPhase("tuning"), "tuning");
    const round = student.rounds[0] as { a: { name: string }; cue: CueView };
    expect(round.a.name).toBe("Garden snail");
    expect(round.cue).toEqual({ given: "Hidden: something windy, another kind." });
    student.room.send("lockIn", {});
    await student.until((s: MatchState) => s.phase === "reveal", "the reveal");
    await student.until(() => student.reveals.length > 0, "the reveal message");
    const reveal = student.reveals[0];
    expect(reveal.opening).toBeUndefined(); // classmates play the same B until the deadline
    expect(reveal.b.name).toBe("Hurricane Ida");
    await student.room.leave();
  });
});
