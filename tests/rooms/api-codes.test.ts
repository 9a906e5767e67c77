// The HTTP APIs refuse with codes, never sentences (issue 19): against the real server, a bad date,
// a day not over, an unknown match, missing and unknown teacher keys, a bad query, bad JSON, an
// oversized set, a set the schema refuses and a deadline in the past each answer
// `{ error: "<code>", params?, field? }`, the code is a key of client/locales/en/problems.json, and
// the page's describeProblem words it as the server's sentence read before.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ColyseusTestServer } from "@colyseus/testing";
import { useGameServer } from "./test-server";
import { describeProblem } from "../../client/i18n/problem-text";
import type { Problem } from "../../shared/problems";
import { PROBLEM_CODE } from "../../shared/problems";
import { SET_LIMITS, type RoundSetInput } from "../../shared/round-set";
import { tracedOf } from "../traced-spirals";

let colyseus: ColyseusTestServer;
useGameServer((booted) => (colyseus = booted));

const problems = JSON.parse(readFileSync("client/locales/en/problems.json", "utf8")) as Record<string, string>;

interface Reply {
  status: number;
  body: Problem & Record<string, unknown>;
}

async function api(method: string, path: string, options: { key?: string; body?: unknown; raw?: string } = {}) {
  const port = (colyseus.server as unknown as { port: number }).port;
  const headers: Record<string, string> = options.key ? { authorization: `Bearer ${options.key}` } : {};
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`http://127.0.0.1:${port}/api${path}`, { method, headers, body });
  return { status: response.status, body: (await response.json()) as Reply["body"] };
}

/** A refusal's code is a code, with an English message; its params are facts (strings and numbers). */
function expectCode(reply: Reply, status: number, code: string): void {
  expect(reply.status, code).toBe(status);
  expect(reply.body.error).toBe(code);
  expect(reply.body.error).toMatch(PROBLEM_CODE);
  expect(problems[reply.body.error], code).toBeTypeOf("string");
  for (const value of Object.values(reply.body.params ?? {})) expect(["string", "number"]).toContain(typeof value);
  const reason = reply.body.params?.reason;
  if (reason !== undefined) expect(problems[String(reason)], String(reason)).toBeTypeOf("string");
}

async function newKey(): Promise<string> {
  const reply = await api("POST", "/teacher/keys");
  expect(reply.status).toBe(201);
  return reply.body.key as string;
}

const someSet = (): RoundSetInput => ({
  version: 1,
  name: "Snail and storm",
  spirals: [tracedOf(17, 2.5)],
  rounds: [{ a: { traced: 0 }, b: { catalog: "nautilus-pompilius" } }],
});

describe("the HTTP APIs answer codes", () => {
  it("refuses bad dates, days not over, unknown matches and bad queries with codes", async () => {
    const badDay = await api("GET", "/daily/2026-02-30/opening");
    expectCode(badDay, 400, "invalid-query");
    expect(badDay.body.params).toEqual({ field: "date", reason: "date-format" });
    expect(describeProblem(badDay.body)).toBe("date: a date is YYYY-MM-DD");

    const ahead = await api("GET", "/daily/2999-01-01/opening");
    expectCode(ahead, 403, "daily-not-published");
    expect(ahead.body.params).toEqual({ date: "2999-01-01", after: ahead.body.after });
    expect(describeProblem(ahead.body)).toBe(
      `The daily of 2999-01-01 is published when its day ends, at ${String(ahead.body.after)}.`,
    );

    const unknown = await api("GET", "/matches/3f2b8c1e-0000-4000-8000-000000000000");
    expectCode(unknown, 404, "match-unknown");
    expect(describeProblem(unknown.body)).toBe("No match with that id.");
    expectCode(await api("GET", "/matches/not-a-match"), 400, "match-file-format");
    expectCode(await api("GET", "/no-such-thing"), 404, "api-endpoint-unknown");

    const asOf = await api("GET", "/leaderboard?board=daily&asOf=yesterday");
    expectCode(asOf, 400, "invalid-query");
    expect(asOf.body.params).toMatchObject({ field: "asOf", reason: "time-format" });
    expect(describeProblem(asOf.body)).toBe("asOf: a time like 2026-12-01T10:00:00.000Z");

    const limit = await api("GET", "/leaderboard?board=daily&limit=500");
    expectCode(limit, 400, "invalid-query");
    expect(limit.body.params).toMatchObject({ field: "limit", reason: "zod-too-big", max: 100 });
    expect(describeProblem(limit.body)).toBe("limit: Too big: expected number to be <=100");

    const board = await api("GET", "/leaderboard?board=weekly");
    expectCode(board, 400, "invalid-query");
    expect(describeProblem(board.body)).toBe('board: Invalid option: expected one of "daily"|"alltime"');
  });

  it("refuses missing, unknown teacher keys, bad JSON and past deadlines with codes", async () => {
    const none = await api("GET", "/teacher");
    expectCode(none, 401, "teacher-key-missing");
    expect(none.body.field).toBe("authorization");
    expect(describeProblem(none.body)).toBe(
      "Send your teacher key as `Authorization: Bearer tk-…` (tk- and 24 letters, digits, - or _).",
    );
    const stranger = await api("GET", "/sets", { key: "tk-AAAAAAAAAAAAAAAAAAAAAAAA" });
    expectCode(stranger, 403, "teacher-key-unknown");
    expect(describeProblem(stranger.body)).toBe("This teacher key is not known here. Check that you copied all of it.");

    const key = await newKey();
    const notJson = await api("POST", "/teacher/assignments", { key, raw: "{ not json" });
    expectCode(notJson, 400, "body-not-json");
    expect(describeProblem(notJson.body)).toBe("The request body is not valid JSON.");
    const setNotJson = await api("POST", "/sets", { key, raw: "{version: 1" });
    expectCode(setNotJson, 400, "body-not-json");
    expect(setNotJson.body.field).toBe("(set)");

    const settings = { rounds: 2, kinds: ["shell"], difficulty: "normal", timeZone: "UTC" };
    const past = await api("POST", "/teacher/assignments", {
      key,
      body: { ...settings, deadline: "2020-01-01T00:00:00Z" },
    });
    expectCode(past, 400, "deadline-passed");
    expect(describeProblem(past.body)).toBe(
      "deadline: 2020-01-01T00:00:00.000Z (UTC) has already passed. Choose a moment ahead.",
    );
    const twice = await api("POST", "/teacher/assignments", {
      key,
      body: { ...settings, kinds: ["shell", "shell"], deadline: "2999-01-01T00:00:00Z" },
    });
    expectCode(twice, 400, "invalid-settings");
    expect(describeProblem(twice.body)).toBe("kinds: each kind once");
    const extra = await api("POST", "/teacher/assignments", {
      key,
      body: { ...settings, deadline: "2999-01-01T00:00:00Z", teacherId: "x" },
    });
    expectCode(extra, 400, "invalid-settings");
    expect(describeProblem(extra.body)).toBe('settings: Unrecognized key: "teacherId"');

    const report = await api("GET", "/teacher/report?match=12345", { key });
    expectCode(report, 400, "invalid-query");
    expect(describeProblem(report.body)).toBe("match: a match id is a UUID");
  });

  it("refuses an oversized set and a set the schema refuses with codes and fields", async () => {
    const key = await newKey();
    const huge = await api("POST", "/sets", { key, raw: `{"x":"${"a".repeat(300_000)}"}` });
    expectCode(huge, 413, "set-body-too-large");
    expect(huge.body).toMatchObject({ field: "(set)", params: { maxKb: SET_LIMITS.maxBytes / 1024 } });
    expect(describeProblem(huge.body)).toBe("A set is at most 96 KB of JSON.");

    // Full-precision numbers (a hand-made file, not the tracer's): 12 arms of 300 points pass 96 KB.
    const step = (2 * Math.PI * 2.5) / 299;
    const theta = Array.from({ length: 300 }, (_, i) => i * step);
    const arm = { ...tracedOf(17, 2.5), theta, logr: theta.map((t) => t * Math.tan((17 * Math.PI) / 180)) };
    const spirals = Array.from({ length: SET_LIMITS.maxSpirals }, () => arm);
    const big = await api("POST", "/sets", { key, body: { ...someSet(), spirals } });
    expectCode(big, 413, "set-too-large");
    const kb = big.body.params!.kb as number;
    expect(kb).toBeGreaterThan(96);
    expect(describeProblem(big.body)).toBe(`A set is at most 96 KB; this one is ${kb} KB.`);

    const markup = await api("POST", "/sets", { key, body: { ...someSet(), name: "<b>x</b>" } });
    expectCode(markup, 400, "invalid-set");
    expect(markup.body).toMatchObject({ field: "name", params: { field: "name", reason: "text-markup" } });
    expect(describeProblem(markup.body)).toBe("name: no markup: < and > are not allowed");

    const missing = await api("POST", "/sets", {
      key,
      body: { ...someSet(), rounds: [{ a: { traced: 3 }, b: { traced: 0 } }] },
    });
    expectCode(missing, 400, "invalid-set");
    expect(describeProblem(missing.body)).toBe("rounds.0.a.traced: names traced spiral 3, and the set has 1");

    const flat = await api("POST", "/sets", { key, body: { ...someSet(), spirals: [tracedOf(1, 2.5)] } });
    expectCode(flat, 400, "invalid-set");
    expect(describeProblem(flat.body)).toMatch(/^spirals\.0\.logr: its pitch is 1\.0°; \d+–\d+° are allowed/);

    expectCode(await api("GET", "/sets/not-a-uuid", { key }), 400, "set-id-format");
    expectCode(await api("GET", "/shared-sets/short", { key }), 400, "share-token-format");
  });

  it("words an unknown code generically, with the code", () => {
    expect(describeProblem({ error: "something-new" })).toBe("The server refused that (something-new).");
    expect(describeProblem({ error: "invalid-set", params: { field: "x", reason: "newer-reason" } })).toBe(
      "x: The server refused that (newer-reason).",
    );
  });
});
