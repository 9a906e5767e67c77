// The game server: one HTTP server for the built client, the health check and the Colyseus
// rooms. `main.ts` listens on a port; tests boot the same server with @colyseus/testing.
import { LobbyRoom, Server, basicAuth, matchMaker } from "@colyseus/core";
import { monitor } from "@colyseus/monitor";
import { WebSocketTransport } from "@colyseus/ws-transport";
import express from "express";
import { WebSocket as NodeWebSocket } from "ws";
import { resolve } from "node:path";
import { DAILY_ROOM, HOMEWORK_ROOM, LOBBY_ROOM, MATCH_ROOM } from "../shared/protocol";
import { MatchRoom } from "./match-room";
import { ResultsStore } from "./results-store";
import { DEFAULT_DATABASE_PATH } from "./store/database";
import { loadRoundSecret, sharedRoundSecret } from "./round-secret";
import { unsavedWrites } from "./match-records";
import { apiRouter } from "./api";
import { TeacherStore } from "./teacher-store";
import { teacherApiRouter } from "./teacher-api";
import { SetsStore } from "./sets-store";
import { setsApiRouter } from "./sets-api";
import { AddressLimits, DEFAULT_ADDRESS_LIMITS, type AddressLimitOptions } from "./address-limits";
import { guardMatchmaking } from "./matchmake-guard";
import { redisScaleOut } from "./scale-out";
import { limitsRedis } from "./redis-window";
import { CheckpointStore } from "./checkpoint-store";

// Colyseus checks a reconnecting socket against the global WebSocket, which Node 20 has only
// behind --experimental-websocket: without one, every reconnection would fail.
(globalThis as { WebSocket?: unknown }).WebSocket ??= NodeWebSocket;

/** The largest WebSocket message a client may send; a larger one closes its connection (1009). */
export const MAX_MESSAGE_BYTES = 4096;

export interface GameServerOptions {
  /** The built client (vite's output); unset serves no pages. */
  clientDir?: string;
  version?: string;
  /** The SQLite file for results (created with its folder when missing). */
  databasePath?: string;
  /** PostgreSQL (postgres://…) for everything the store holds, shared by every process; unset: the SQLite file. */
  databaseUrl?: string;
  /** Proxies whose X-Real-IP names the player, for the address limits (server/client-address.ts). */
  trustedProxies?: ReadonlySet<string>;
  /** PostgreSQL connections kept by this process (default 10). */
  databasePoolSize?: number;
  /** The secret that keys every round's B (default: ROUND_SECRET, else a file beside the database). */
  roundSecret?: string;
  /** Matchmaking limits per address (rooms created, failed joins). */
  addressLimits?: Partial<AddressLimitOptions>;
  /** The clock for the daily challenge's date (tests move it). */
  now?: () => Date;
  /** Redis for rooms across processes (check it first with checkRedis); unset: one process. */
  redisUrl?: string;
  /** How clients reach this process when rooms span processes, e.g. "game-2.example.org" or "localhost:2568". */
  publicAddress?: string;
  /** Turns the Colyseus monitor on at /monitor, behind this password (user "admin"). */
  monitorPassword?: string;
  /** Players a match room takes (default 60). */
  maxPlayers?: number;
}

/** The server, with the store of its rooms' checkpoints (server/restore.ts reads it at start). */
export type GameServer = Server & { checkpoints: CheckpointStore; beforeClose: (() => Promise<void>)[] };

/** The server on its store, migrated (PostgreSQL when `databaseUrl`, else the SQLite file). */
export async function createGameServer(options: GameServerOptions = {}): Promise<GameServer> {
  const databasePath = options.databasePath ?? process.env.DATABASE_PATH ?? DEFAULT_DATABASE_PATH;
  const databaseUrl = options.databaseUrl;
  const store = await ResultsStore.open({ url: databaseUrl, path: databasePath, poolSize: options.databasePoolSize });
  const teachers = new TeacherStore(store.database); // the same store and connection as the results
  const checkpoints = new CheckpointStore(store.database);
  const sets = new SetsStore(store.database); // teachers' round sets (server/sets-store.ts)
  const secret =
    options.roundSecret ?? (databaseUrl ? await sharedRoundSecret(store.database) : loadRoundSecret(databasePath));
  const now = options.now ?? (() => new Date());
  const transport = new WebSocketTransport({ maxPayload: MAX_MESSAGE_BYTES });
  const redis = options.redisUrl ? limitsRedis(options.redisUrl) : undefined; // limits shared by all processes
  const limits = new AddressLimits({ ...DEFAULT_ADDRESS_LIMITS, ...options.addressLimits }, redis);
  const trustedProxies = options.trustedProxies ?? new Set<string>();
  guardMatchmaking(transport.server!, limits, trustedProxies);
  const server = new Server({
    transport,
    greet: false,
    ...(options.redisUrl ? { ...redisScaleOut(options.redisUrl), publicAddress: options.publicAddress } : {}),
    express: (app) => {
      app.disable("x-powered-by");
      app.get("/healthz", (_req, res) => {
        const { roomCount, ccu } = matchMaker.stats.local;
        res.json({
          ok: true,
          version: options.version ?? "dev",
          uptime: process.uptime(),
          rooms: roomCount,
          clients: ccu,
          store: store.database.engine,
          unsavedWrites,
        });
      });
      app.use("/api", teacherApiRouter(teachers, now, secret, redis, trustedProxies)); // before apiRouter, whose last route answers 404
      app.use("/api", setsApiRouter(teachers, sets, now));
      app.use("/api", apiRouter(store, now, secret));
      if (options.monitorPassword)
        app.use("/monitor", monitor({ use: [basicAuth({ users: { admin: options.monitorPassword } })] }));
      if (options.clientDir) serveClient(app, resolve(options.clientDir));
    },
  });
  server
    .define(MATCH_ROOM, MatchRoom, {
      store,
      teachers,
      sets,
      checkpoints,
      secret,
      mode: "match",
      now,
      maxPlayers: options.maxPlayers,
    })
    .enableRealtimeListing();
  server.define(DAILY_ROOM, MatchRoom, { store, teachers, sets, checkpoints, secret, mode: "daily", now });
  server.define(HOMEWORK_ROOM, MatchRoom, { store, teachers, sets, checkpoints, secret, mode: "homework", now });
  server.define(LOBBY_ROOM, LobbyRoom);
  const beforeClose: (() => Promise<void>)[] = []; // e.g. the Redis mirror's last writes, after the rooms' checkpoints
  server.onShutdown(async () => {
    await checkpoints.settled(); // the rooms' last checkpoints, before the store closes
    for (const task of beforeClose) await task();
    redis?.disconnect();
    await store.close();
  });
  return Object.assign(server, { checkpoints, beforeClose });
}

/** Static files, pages by name (`/watch` → watch.html), and the game page for any other GET. */
function serveClient(app: express.Application, dir: string): void {
  app.use(express.static(dir, { index: "index.html", extensions: ["html"] }));
  app.use((req, res, next) => {
    if (req.method !== "GET" || req.path.startsWith("/matchmake")) return next();
    res.sendFile("index.html", { root: dir }, (err) => {
      if (err) res.status(500).type("text/plain").send("The client is not built: run `npm start` (it builds first).");
    });
  });
}
