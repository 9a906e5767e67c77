// The server says no in codes, never in English (issue 19): refusals of a create or join, in-room
// `error` messages and close reasons carry a code and its params, and the client has a sentence
// for every code in client/locales/en/errors.json.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ColyseusTestServer } from "@colyseus/testing";
import { ERROR_CODES, MATCH_ROOM, type ErrorMessage } from "../../shared/protocol";
import { CLOSE_REASON_CODES, REASON_CODES, REFUSAL_CODES, parseRefusal } from "../../shared/refusals";
import { createMatch, joinMatch } from "./players";
import { refusalOf } from "./refusals";
import { useGameServer } from "./test-server";

let colyseus: ColyseusTestServer;

useGameServer((booted) => (colyseus = booted), {
  maxPlayers: 2,
  addressLimits: { roomsPerWindow: 1000, failedJoinsPerWindow: 1000 },
});

const errors: Record<string, string> = JSON.parse(readFileSync("client/locales/en/errors.json", "utf8"));
const KNOWN = new Set<string>([...REFUSAL_CODES, ...ERROR_CODES, ...CLOSE_REASON_CODES]);

/** Words separated by spaces (three or more): a sentence, which no code or param may be. */
const SENTENCE = /\p{L}+ \p{L}+ \p{L}+/u;

function expectCoded(what: { code: string; params?: Record<string, unknown> }, context: string): void {
  expect(KNOWN.has(what.code), `${context}: unknown code ${what.code}`).toBe(true);
  for (const [key, value] of Object.entries(what.params ?? {})) {
    expect(typeof value === "string" || typeof value === "number", `${context}: ${key}`).toBe(true);
    if (typeof value === "string") expect(value, `${context}: ${key}`).not.toMatch(SENTENCE);
    if (key === "reason") expect(REASON_CODES as readonly string[], `${context}: reason`).toContain(value);
  }
}

describe("refusal codes", () => {
  it("has an English sentence for every code, reason and close reason", () => {
    for (const code of [...REFUSAL_CODES, ...ERROR_CODES, ...CLOSE_REASON_CODES, ...REASON_CODES])
      expect(Object.hasOwn(errors, code), code).toBe(true);
    expect(Object.hasOwn(errors, "unknownRefusal")).toBe(true);
  });

  it("reads a refusal back from its message, and nothing from a sentence", () => {
    expect(parseRefusal('{"code":"room-full","params":{"max":8,"who":"players"}}')).toEqual({
      code: "room-full",
      params: { max: 8, who: "players" },
    });
    expect(parseRefusal("This room is full: 8 players already.")).toBeUndefined();
    expect(parseRefusal('{"code":"Not A Code"}')).toBeUndefined();
    expect(parseRefusal("{broken")).toBeUndefined();
  });

  it("refuses a full room, bad names and bad options with codes", async () => {
    const host = await createMatch(colyseus, { name: "Ada" });
    const code = host.room.state.code;
    await joinMatch(colyseus, code, { name: "Bo" });
    const refusals = [
      [
        await refusalOf(colyseus.sdk.joinById(code, { name: "Cy" })),
        { code: "room-full", params: { max: 2, who: "players" } },
      ],
      [
        await refusalOf(colyseus.sdk.joinById(code, { name: "x".repeat(21), spectator: true })),
        { code: "name-refused", params: { reason: "name-too-long", action: "join", max: 20 } },
      ],
      [
        await refusalOf(colyseus.sdk.joinById(code, { name: "fuck", spectator: true })),
        { code: "name-refused", params: { reason: "name-not-allowed", action: "join" } },
      ],
      [
        await refusalOf(colyseus.sdk.joinById(code, { name: "Eve", spectator: true, seat: "nope" })),
        { code: "join-invalid", params: { reason: "seat-token-format", field: "seat" } },
      ],
      [
        await refusalOf(colyseus.sdk.create(MATCH_ROOM, { name: "\u0007Bell" })),
        { code: "name-refused", params: { reason: "name-control-characters", action: "join" } },
      ],
      [
        await refusalOf(colyseus.sdk.create(MATCH_ROOM, { name: "Ada", teacherKey: "tk-short" })),
        { code: "teacher-key-malformed" },
      ],
    ] as const;
    for (const [got, want] of refusals) {
      expect(got).toEqual(want);
      expectCoded(got, JSON.stringify(want));
    }
  });

  it("answers a bad message, a wrong phase and a host-only message with codes, and closes a kick with one", async () => {
    const host = await createMatch(colyseus, { name: "Ada", lang: "fr" });
    expect(host.room.state.hostLanguage).toBe("fr");
    const bo = await joinMatch(colyseus, host.room.state.code, { name: "Bo" });
    const got: ErrorMessage[] = [];
    host.room.send("teleport", {});
    got.push(await host.nextError());
    host.room.send("settings", { rounds: 99 });
    got.push(await host.nextError());
    host.room.send("pick", { level: 3 });
    got.push(await host.nextError());
    bo.room.send("start", {});
    got.push(await bo.nextError());
    host.room.send("kick", { sessionId: host.room.sessionId });
    got.push(await host.nextError());
    expect(got).toEqual([
      { code: "invalid-message", params: { reason: "unknown-type", name: '"teleport"' } },
      {
        code: "invalid-message",
        params: { reason: "bad-field", type: "settings", path: "rounds", issue: "too_big" },
        type: "settings",
      },
      { code: "wrong-phase", params: { type: "pick", phase: "lobby" }, type: "pick" },
      { code: "not-allowed", params: { reason: "host-only", type: "start" }, type: "start" },
      { code: "not-allowed", params: { reason: "kick-self", type: "kick" }, type: "kick" },
    ]);
    for (const error of got) {
      expect(error).not.toHaveProperty("message");
      expectCoded(error, JSON.stringify(error));
    }

    const closed = new Promise<[number, string | undefined]>((resolve) =>
      bo.room.onLeave((code, reason) => resolve([code, reason])),
    );
    host.room.send("kick", { sessionId: bo.room.sessionId });
    const [closeCode, reason] = await closed;
    expect(closeCode).toBe(4403);
    const kicked = parseRefusal(reason ?? "");
    expect(kicked).toEqual({ code: "kicked", params: { room: host.room.state.code } });
    expectCoded(kicked!, "the kick's close reason");
    expect(bo.errors.at(-1)).toEqual({ code: "kicked", params: { room: host.room.state.code } });
  });

  it("takes no host language it does not know", async () => {
    await expect(colyseus.sdk.create(MATCH_ROOM, { name: "Ada", lang: "xx" })).rejects.toThrow('"join-invalid"');
    const host = await createMatch(colyseus, { name: "Ada" });
    expect(host.room.state.hostLanguage).toBe("");
  });
});
