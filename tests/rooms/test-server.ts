// The game server for room tests, wrapped in @colyseus/testing's ColyseusTestServer but on a
// free port (its own `boot` always takes 2568, so two test runs at once would collide).
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { trainer } from "../../server/trainer";
import { ColyseusTestServer } from "@colyseus/testing";
import { Client } from "@colyseus/sdk";
import { createGameServer, type GameServerOptions } from "../../server/game-server";

export async function bootGameServer(options: GameServerOptions = {}): Promise<ColyseusTestServer> {
  const server = await createGameServer({ databasePath: ":memory:", ...options });
  await server.listen(0);
  const { port } = server.transport.server!.address() as AddressInfo;
  (server as unknown as { port: number }).port = port; // ColyseusTestServer reads its address from here
  return new ColyseusTestServer(server);
}

/** A brand-new SDK client for the test server (a second tab, a reopened browser). */
export function freshClient(colyseus: ColyseusTestServer): Client {
  return new Client(`ws://127.0.0.1:${(colyseus.server as unknown as { port: number }).port}`);
}

/**
 * The usual hooks of a room-test file: boot the server once, empty it before each test, shut it
 * (and the training workers) down at the end. `use` receives the booted server.
 */
export function useGameServer(use: (colyseus: ColyseusTestServer) => void, options: GameServerOptions = {}): void {
  let colyseus: ColyseusTestServer;
  beforeAll(async () => {
    colyseus = await bootGameServer(options);
    use(colyseus);
  });
  afterAll(async () => {
    await colyseus.shutdown();
    await trainer.close();
  });
  beforeEach(async () => {
    await colyseus.cleanup();
  });
}
