// Rooms that outlive their process, across processes: with REDIS_URL every checkpoint is mirrored
// to Redis, each process keeps a short-lived heartbeat there, and every process watches for
// checkpoints whose owner's heartbeat is gone. One of them (a Redis lock, exactly one claimant)
// rebuilds each such room under its code; the players rejoin it there with their seat tokens.
import { matchMaker } from "@colyseus/core";
import { Redis } from "ioredis";
import { PROCESS_ID, parseCheckpoint, type RoomCheckpoint } from "./checkpoint";
import type { CheckpointMirror, CheckpointStore } from "./checkpoint-store";
import { RESTORE_IDLE_LIMIT_MS, restoreCheckpoint } from "./restore";
import { log } from "./log";

export const HEARTBEAT_TTL_MS = 5000;
export const HEARTBEAT_EVERY_MS = 1500;
export const WATCH_EVERY_MS = 2000;
export const CLAIM_MS = 30_000;

const CHECKPOINTS = "sg:checkpoints"; // the set of codes (the contract's)
const OWNERS = "sg:checkpoint-owners"; // code → owner: lets a scan skip the bodies of live rooms
const checkpointKey = (code: string) => `sg:checkpoint:${code}`;
const processKey = (owner: string) => `sg:process:${owner}`;
const claimKey = (code: string) => `sg:claim:${code}`;

/** Restores run a few at a time: a dead process's rooms are shared among the live ones. */
const RESTORES_AT_ONCE = 2;
/** How long stop() waits for writes still on their way (Redis may be gone). */
const FLUSH_MS = 3000;
/**
 * A client that tried the dead process's listing can make Colyseus sweep that process's
 * listings a few seconds later (two IPC timeouts); a restored room's listing swept by that
 * race is written again after this.
 */
const LISTING_CHECK_MS = 6000;

type Write = { kind: "save"; body: string; owner: string } | { kind: "remove" } | { kind: "reown" };

export interface RedisCheckpoints {
  stop(): Promise<void>;
}

export async function startRedisCheckpoints(url: string, store: CheckpointStore): Promise<RedisCheckpoints> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 3000 });
  let lastError = "";
  redis.on("error", (error: Error) => {
    if (error.message === lastError) return; // one line per outage, not one per retry
    lastError = error.message;
    log.error("redis-checkpoints-error", { error });
  });
  redis.on("ready", () => (lastError = ""));
  await redis.connect();

  const writes = new Writes(redis);
  store.addMirror(writes);
  const startedAt = Date.now();
  const beat = () =>
    redis.set(
      processKey(PROCESS_ID),
      JSON.stringify({ colyseus: matchMaker.processId, since: startedAt }),
      "PX",
      HEARTBEAT_TTL_MS,
    );
  await beat();
  const heartbeat = setInterval(() => beat().catch(() => undefined), HEARTBEAT_EVERY_MS); // errors: logged above
  const watcher = new OrphanWatcher(redis, writes);
  const watch = setInterval(() => void watcher.scan(), WATCH_EVERY_MS);
  heartbeat.unref();
  watch.unref();
  void watcher.scan();
  log.info("redis-checkpoints", { process: PROCESS_ID });

  return {
    async stop() {
      clearInterval(heartbeat);
      clearInterval(watch);
      watcher.stop();
      await writes.flush(FLUSH_MS);
      // The heartbeat is left to expire: another process then takes these rooms' checkpoints.
      await Promise.race([redis.quit(), new Promise((r) => setTimeout(r, 1000))]).catch(() => undefined);
      redis.disconnect();
    },
  };
}

/**
 * The mirror: every save and removal goes to Redis without making the room wait. Per code, the
 * writes go one at a time in order, and a write not yet started is replaced by a newer one, so
 * a slow or absent Redis holds at most one waiting write per room.
 */
class Writes implements CheckpointMirror {
  private readonly next = new Map<string, Write>();
  private readonly running = new Map<string, Promise<void>>();

  constructor(private readonly redis: Redis) {}

  save(cp: RoomCheckpoint): void {
    this.enqueue(cp.code, { kind: "save", body: JSON.stringify(cp), owner: cp.owner });
  }

  remove(code: string): void {
    this.enqueue(code, { kind: "remove" });
  }

  /** Marks this process as the owner of a restored room, unless a newer write already does. */
  reown(code: string): void {
    if (!this.next.has(code)) this.enqueue(code, { kind: "reown" });
  }

  /** Drops a checkpoint nobody will restore any more. */
  forget(code: string): void {
    this.remove(code);
  }

  async flush(withinMs: number): Promise<void> {
    const deadline = Date.now() + withinMs;
    while (this.running.size > 0 && Date.now() < deadline) {
      await Promise.race([
        Promise.allSettled([...this.running.values()]),
        new Promise((r) => setTimeout(r, deadline - Date.now())),
      ]);
    }
  }

  private enqueue(code: string, write: Write): void {
    this.next.set(code, write);
    if (!this.running.has(code)) this.running.set(code, this.drain(code));
  }

  private async drain(code: string): Promise<void> {
    try {
      for (let write = this.next.get(code); write; write = this.next.get(code)) {
        this.next.delete(code);
        await this.apply(code, write).catch((error) => log.error("checkpoint-mirror-failed", { room: code, error }));
      }
    } finally {
      this.running.delete(code);
    }
  }

  private async apply(code: string, write: Write): Promise<void> {
    const multi = this.redis.multi();
    if (write.kind === "save") {
      multi.set(checkpointKey(code), write.body).sadd(CHECKPOINTS, code).hset(OWNERS, code, write.owner);
    } else if (write.kind === "remove") {
      multi.del(checkpointKey(code)).srem(CHECKPOINTS, code).hdel(OWNERS, code);
    } else {
      const body = await this.redis.get(checkpointKey(code));
      const cp = body ? parseCheckpoint(body) : undefined;
      if (!cp || cp.owner === PROCESS_ID) return;
      multi.set(checkpointKey(code), JSON.stringify({ ...cp, owner: PROCESS_ID })).hset(OWNERS, code, PROCESS_ID);
    }
    await multi.exec();
  }
}

/** Finds checkpoints whose owner has no heartbeat, claims them one by one and rebuilds them here. */
class OrphanWatcher {
  private scanning = false;
  private stopped = false;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly redis: Redis,
    private readonly writes: Writes,
  ) {}

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
  }

  async scan(): Promise<void> {
    if (this.scanning || this.stopped) return; // a long restore is still going: the next tick looks again
    this.scanning = true;
    try {
      const orphans = await this.orphans();
      const queue = [...orphans];
      const worker = async () => {
        for (let next = queue.shift(); next && !this.stopping(); next = queue.shift()) await this.take(...next);
      };
      await Promise.all(Array.from({ length: RESTORES_AT_ONCE }, worker));
    } catch (error) {
      log.error("orphan-scan-failed", { error });
    } finally {
      this.scanning = false;
    }
  }

  private stopping(): boolean {
    return this.stopped || matchMaker.state === matchMaker.MatchMakerState.SHUTTING_DOWN;
  }

  /** [code, owner] of every checkpoint whose owner's heartbeat is gone. */
  private async orphans(): Promise<[string, string][]> {
    const owners = Object.entries(await this.redis.hgetall(OWNERS)).filter(([, owner]) => owner !== PROCESS_ID);
    const distinct = [...new Set(owners.map(([, owner]) => owner))];
    if (distinct.length === 0) return [];
    const alive = await this.redis.mget(distinct.map(processKey));
    const dead = new Set(distinct.filter((_owner, i) => alive[i] == null));
    return owners.filter(([, owner]) => dead.has(owner));
  }

  private async take(code: string, owner: string): Promise<void> {
    const claimed = await this.redis.set(claimKey(code), PROCESS_ID, "PX", CLAIM_MS, "NX");
    if (claimed !== "OK") {
      log.info("orphan-claimed-elsewhere", { room: code, owner });
      return;
    }
    const body = await this.redis.get(checkpointKey(code));
    const cp = body ? parseCheckpoint(body) : undefined;
    if (!cp) {
      if (body) log.warn("checkpoint-unreadable", { room: code, owner });
      return this.writes.forget(code); // nothing to restore: out of the set and the index
    }
    if (cp.owner !== owner) return this.release(code); // restored and reowned since the scan read it
    if (Date.now() - cp.savedAt > RESTORE_IDLE_LIMIT_MS) {
      log.info("checkpoint-expired", { room: code, owner, savedAt: new Date(cp.savedAt).toISOString() });
      return this.writes.forget(code);
    }
    if (await this.stillHosted(code)) {
      log.warn("checkpoint-owner-silent", { room: code, owner, hint: "its room still answers: not restored" });
      return;
    }
    const started = Date.now();
    try {
      const restored = await restoreCheckpoint(cp);
      if (!restored && !matchMaker.getLocalRoomById(code)) {
        log.warn("room-restore-refused", { room: code, owner }); // the claim lapses, and the next one tries again
        return;
      }
      this.writes.reown(code);
      this.checkListingLater(code);
      log.info("orphan-restored", {
        room: code,
        from: owner,
        ms: Date.now() - started,
        lostFor: Date.now() - cp.savedAt,
      });
    } catch (error) {
      log.error("room-restore-failed", { room: code, owner, error });
      await this.release(code); // another process may try at once
    }
  }

  /**
   * True when the room's matchmaking listing belongs to another process that still answers (its
   * heartbeat lapsed but its rooms live: restoring would make two rooms with one code). A process
   * that died has no subscription on its Colyseus channel any more; while the channel is still
   * there (Redis has not yet noticed a dead host), Colyseus's own health check decides. A dead
   * process's listing is dropped: restoreCheckpoint refuses a code that is still listed.
   */
  private async stillHosted(code: string): Promise<boolean> {
    const processId = (await matchMaker.getRoomById(code))?.processId;
    if (!processId || processId === matchMaker.processId) return false;
    const subscribed = (await matchMaker.presence.channels(`p:${processId}`)).length > 0; // Colyseus's process channel
    if (subscribed && (await matchMaker.healthCheckProcessId(processId))) return true;
    if (!subscribed) void matchMaker.healthCheckProcessId(processId); // Colyseus then drops its other listings and count
    await matchMaker.driver.remove(code);
    return false;
  }

  /** Writes the restored room's listing again if a sweep of the dead process removed it. */
  private checkListingLater(code: string): void {
    const timer = setTimeout(async () => {
      this.timers.delete(timer);
      const room = matchMaker.getLocalRoomById(code);
      if (!room || this.stopping() || (await matchMaker.getRoomById(code))) return;
      log.warn("room-listing-rewritten", { room: code });
      await room.setMetadata(room.metadata).catch((error) => log.error("room-listing-failed", { room: code, error }));
    }, LISTING_CHECK_MS);
    timer.unref();
    this.timers.add(timer);
  }

  /** Lets go of a claim this process holds (and only then: it may have expired and moved on). */
  private async release(code: string): Promise<void> {
    await this.redis.eval(
      "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0",
      1,
      claimKey(code),
      PROCESS_ID,
    );
  }
}
