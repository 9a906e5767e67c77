// The game server for room tests, wrapped in @colyseus/testing's ColyseusTestServer but on a
// free port (its own `boot` always takes 2568, so two test runs at once would collide).
import type { AddressInfo } from "node:net";
import { ColyseusTestServer } from "@colyseus/testing";
import { Client } from "@colyseus/sdk";
import { createGameServer, type GameServerOptions } from "../../server/game-server";

export async function bootGameServer(options: GameServerOptions = {}): Promise<ColyseusTestServer> {
  const server = createGameServer({ databasePath: ":memory:", ...options });
  await server.listen(0);
  const { port } = server.transport.server!.address() as AddressInfo;
  (server as unknown as { port: number }).port = port; // ColyseusTestServer reads its address from here
  return new ColyseusTestServer(server);
}

/** A brand-new SDK client for the test server (a second tab, a reopened browser). */
export function freshClient(colyseus: ColyseusTestServer): Client {
  return new Client(`ws://127.0.0.1:${(colyseus.server as unknown as { port: number }).port}`);
}
