// Safe names against a real server: typed names pass the word filter (in many languages, through
// look-alikes and leetspeak), a room can take generated names only, the host renames players,
// and a kicked player's browser (its device id) cannot come back under another name.
import { describe, expect, it } from "vitest";
import type { ColyseusTestServer } from "@colyseus/testing";
import { matchMaker } from "@colyseus/core";
import { MATCH_ROOM } from "../../shared/protocol";
import { createMatch, joinMatch } from "./players";
import { useGameServer } from "./test-server";
import { nameRefused, refusalMessage } from "../../shared/refusals";

let colyseus: ColyseusTestServer;

useGameServer((booted) => (colyseus = booted), { addressLimits: { roomsPerWindow: 1000, failedJoinsPerWindow: 1000 } });

// The SDK error's message is the refusal as JSON (shared/refusals.ts), worded by the client.
const NOT_ALLOWED = refusalMessage(nameRefused("name-not-allowed"));
const GENERATED_ONLY = refusalMessage(nameRefused("name-generated-only"));
const REMOVED = refusalMessage({ code: "removed-by-host" });

const names = (player: { room: { state: { players: Map<string, { name: string }> } } }) =>
  [...player.room.state.players.values()].map((p) => p.name).sort();

describe("safe names", () => {
  it("refuses filtered names with a clear message, on create and on join, in many languages", async () => {
    await expect(colyseus.sdk.create(MATCH_ROOM, { name: "fuck" })).rejects.toThrow(NOT_ALLOWED);
    expect(await matchMaker.query({ name: MATCH_ROOM })).toHaveLength(0); // the create itself failed
    const host = await createMatch(colyseus, { name: "Cassandra" });
    const code = host.room.state.code;
    const refused = [
      "puta",
      "Arschloch",
      "connard",
      "vaffanculo",
      "сука",
      "鸡巴",
      "5h1t",
      "ＦＵＣＫ",
      "f.u.c.k",
      "fuсk",
    ];
    for (const name of refused) {
      await expect(colyseus.sdk.joinById(code, { name }), name).rejects.toThrow(NOT_ALLOWED);
    }
    await expect(colyseus.sdk.joinById(code, { name: "puta", spectator: true })).rejects.toThrow(NOT_ALLOWED);
    for (const name of ["Scunthorpe", "Claire", "Wang", "Саша", "黄", "मोहन"])
      await joinMatch(colyseus, code, { name });
    await host.until((s) => s.players.size === 7, "7 players");
    expect(names(host)).toEqual(["Cassandra", "Claire", "Scunthorpe", "Wang", "Саша", "मोहन", "黄"].sort());
  });

  it("takes generated names only when the host says so, from then on", async () => {
    const host = await createMatch(colyseus, { name: "Ms Rivera" });
    const code = host.room.state.code;
    await joinMatch(colyseus, code, { name: "Ada" }); // before the switch: stays
    expect(host.room.state.friendlyNames).toBe(false);
    host.room.send("roomSettings", { friendlyNames: true });
    await host.until((s) => s.friendlyNames, "generated names only");
    await expect(colyseus.sdk.joinById(code, { name: "Bo" })).rejects.toThrow(GENERATED_ONLY);
    await expect(colyseus.sdk.joinById(code, { name: "curious nautilus" })).rejects.toThrow(GENERATED_ONLY);
    const student = await joinMatch(colyseus, code, { name: "Curious Nautilus" });
    await joinMatch(colyseus, code, { name: "Curious Nautilus" }); // a second one gets a number
    await joinMatch(colyseus, code, { name: "Projector", spectator: true }); // spectators are not listed by name
    await student.until((s) => s.players.size === 4, "4 players");
    expect(names(student)).toEqual(["Ada", "Curious Nautilus", "Curious Nautilus 2", "Ms Rivera"]);

    student.room.send("roomSettings", { friendlyNames: false });
    expect(await student.nextError()).toMatchObject({ code: "not-allowed", type: "roomSettings" });
    host.room.send("roomSettings", { friendlyNames: false });
    await host.until((s) => !s.friendlyNames, "typed names again");
    await joinMatch(colyseus, code, { name: "Bo" });
  });

  it("lets the host rename a player, filtered and unique, and nobody else", async () => {
    const host = await createMatch(colyseus, { name: "Ada" });
    const code = host.room.state.code;
    const bo = await joinMatch(colyseus, code, { name: "Bo" });
    const cy = await joinMatch(colyseus, code, { name: "Cy" });
    const boId = bo.room.sessionId;

    host.room.send("rename", { sessionId: boId, name: "  Bob   the  Builder " });
    await cy.until((s) => s.players.get(boId)!.name === "Bob the Builder", "Bo renamed");
    host.room.send("rename", { sessionId: boId, name: "ｃｙ" }); // a look-alike of Cy's name
    await cy.until((s) => s.players.get(boId)!.name === "ｃｙ 2", "a unique name");
    host.room.send("rename", { sessionId: boId, name: "Bo" });
    await cy.until((s) => s.players.get(boId)!.name === "Bo", "Bo again");
    host.room.send("rename", { sessionId: host.room.sessionId, name: "Ms Ada" }); // the host too
    await cy.until((s) => s.players.get(host.room.sessionId)!.name === "Ms Ada", "the host renamed");

    host.room.send("rename", { sessionId: boId, name: "b1tch" });
    expect(await host.nextError()).toEqual({
      code: "name-refused",
      params: { reason: "name-not-allowed-rename", action: "rename" },
      type: "rename",
    });
    host.room.send("rename", { sessionId: "nobody", name: "Zed" });
    expect(await host.nextError()).toMatchObject({ code: "invalid-message", type: "rename" });
    host.room.send("rename", { sessionId: boId, name: "" });
    expect(await host.nextError()).toMatchObject({ code: "invalid-message" });
    bo.room.send("rename", { sessionId: boId, name: "Boss" });
    expect(await bo.nextError()).toEqual({
      code: "not-allowed",
      params: { reason: "host-only", type: "rename" },
      type: "rename",
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(names(cy)).toEqual(["Bo", "Cy", "Ms Ada"]);
  });

  it("keeps a kicked browser out under any name, while another browser joins", async () => {
    const host = await createMatch(colyseus, { name: "Ada", device: "teacher-device-0001" });
    const code = host.room.state.code;
    const rude = await joinMatch(colyseus, code, { name: "Bo", device: "rude-device-000001" });
    const left = new Promise<number>((resolve) => rude.room.onLeave((code) => resolve(code)));
    host.room.send("kick", { sessionId: rude.room.sessionId });
    expect(await left).toBe(4403);

    for (const name of ["Bo", "Totally Not Bo", "Curious Nautilus"]) {
      await expect(colyseus.sdk.joinById(code, { name, device: "rude-device-000001" }), name).rejects.toThrow(REMOVED);
    }
    await expect(
      colyseus.sdk.joinById(code, { name: "Bo", device: "rude-device-000001", spectator: true }),
    ).rejects.toThrow(REMOVED);
    await joinMatch(colyseus, code, { name: "Cy", device: "other-device-00001" });
    await joinMatch(colyseus, code, { name: "Bo" }); // without a device id there is nothing to bar
    await host.until((s) => s.players.size === 3, "3 players");
    expect(names(host)).toEqual(["Ada", "Bo", "Cy"]);
    // The device id stays on the server: no client's state carries it.
    expect(JSON.stringify(host.room.state.toJSON())).not.toContain("device");

    // Another room does not know about it.
    const other = await createMatch(colyseus, { name: "Ms Rivera" });
    await joinMatch(colyseus, other.room.state.code, { name: "Bo", device: "rude-device-000001" });
  });
});
