// The Colyseus monitor panel is served only behind the password it was given.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { ColyseusTestServer } from "@colyseus/testing";
import { bootGameServer } from "./test-server";

let colyseus: ColyseusTestServer;
beforeAll(async () => {
  colyseus = await bootGameServer({ monitorPassword: "s3cret" });
});
afterAll(async () => {
  await colyseus.shutdown();
});

it("asks for the password, and serves the panel with it", async () => {
  const status = (headers: Record<string, string>) =>
    colyseus.http.get("/monitor/", { headers }).then(
      (r: { statusCode: number }) => r.statusCode,
      (e: { statusCode: number }) => e.statusCode,
    );
  const basic = (password: string) => ({
    authorization: `Basic ${Buffer.from(`admin:${password}`).toString("base64")}`,
  });
  expect(await status({})).toBe(401);
  expect(await status(basic("wrong"))).toBe(401);
  expect(await status(basic("s3cret"))).toBe(200);
});
