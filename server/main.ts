// Starts Shell & Galaxy: the page, the rooms and the API on one port.
import { createGameServer } from "./game-server";
import { trustedProxiesFrom } from "./client-address";
import { trainer } from "./trainer";
import { checkRedis } from "./scale-out";
import { log } from "./log";
import { restoreRooms } from "./restore";
import { startRedisCheckpoints } from "./checkpoint-redis";

const PORT = Number(process.env.PORT ?? 2567);
const REDIS_URL = process.env.REDIS_URL;

if (REDIS_URL) {
  try {
    await checkRedis(REDIS_URL);
  } catch (error) {
    log.error("redis-unreachable", {
      url: REDIS_URL,
      error,
      hint: "start Redis, fix REDIS_URL, or unset it to run as one process",
    });
    process.exit(1);
  }
}

let server: Awaited<ReturnType<typeof createGameServer>>;
try {
  server = await createGameServer({
    databaseUrl: process.env.DATABASE_URL || undefined,
    databasePoolSize: Number(process.env.DATABASE_POOL_SIZE) || undefined,
    trustedProxies: trustedProxiesFrom(process.env.TRUST_PROXY),
    clientDir: process.env.CLIENT_DIR ?? "dist/client",
    version: process.env.npm_package_version,
    redisUrl: REDIS_URL,
    publicAddress: process.env.PUBLIC_ADDRESS,
    monitorPassword: process.env.MONITOR_PASSWORD || undefined,
    // Operators and load tests may raise these; the defaults suit classrooms.
    maxPlayers: Number(process.env.MAX_PLAYERS_PER_ROOM) || undefined,
    addressLimits: {
      ...(Number(process.env.ROOMS_PER_ADDRESS) ? { roomsPerWindow: Number(process.env.ROOMS_PER_ADDRESS) } : {}),
      ...(Number(process.env.SOLO_ROOMS_PER_ADDRESS)
        ? { soloRoomsPerWindow: Number(process.env.SOLO_ROOMS_PER_ADDRESS) }
        : {}),
      ...(Number(process.env.FAILED_JOINS_PER_ADDRESS)
        ? { failedJoinsPerWindow: Number(process.env.FAILED_JOINS_PER_ADDRESS) }
        : {}),
    },
  });
} catch (error) {
  // PostgreSQL unreachable, a refused login, a migration that failed: say so and stop.
  log.error("store-unavailable", {
    store: process.env.DATABASE_URL ? "postgres" : "sqlite",
    error,
    hint: process.env.DATABASE_URL ? "start PostgreSQL, fix DATABASE_URL, or unset it for the SQLite file" : undefined,
  });
  process.exit(1);
}
await trainer.warmUp();
await server.listen(PORT);
const address = server.transport.server?.address();
const port = typeof address === "object" && address ? address.port : PORT;
// One process: its rooms come back from the results file. With Redis, the watcher restores
// orphaned rooms (this process's own old ones too) once their owner's heartbeat is gone.
const restored = REDIS_URL ? 0 : await restoreRooms(server.checkpoints);
if (REDIS_URL) server.beforeClose.push((await startRedisCheckpoints(REDIS_URL, server.checkpoints)).stop);
log.info("listening", { port, redis: Boolean(REDIS_URL), monitor: Boolean(process.env.MONITOR_PASSWORD), restored });
console.log(`Shell & Galaxy on http://localhost:${port}`);
