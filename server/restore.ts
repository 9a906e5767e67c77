// Rebuilding rooms from their checkpoints in this process: at start (one process, SQLite), or for
// a room whose owner died (server/checkpoint-redis.ts, with Redis). A room is made through the
// matchmaker with a ticket only this process holds, so no client can make a room restore itself.
import { randomUUID } from "node:crypto";
import { matchMaker } from "@colyseus/core";
import { DAILY_ROOM, HOMEWORK_ROOM, MATCH_ROOM } from "../shared/protocol";
import type { RoomMode } from "../shared/match-flow";
import type { RoomCheckpoint } from "./checkpoint";
import type { CheckpointStore } from "./checkpoint-store";
import { log } from "./log";

/** A room idle (no checkpoint written) for longer than this is not restored. */
export const RESTORE_IDLE_LIMIT_MS = 15 * 60_000;

const ROOM_NAMES: Record<RoomMode, string> = { match: MATCH_ROOM, daily: DAILY_ROOM, homework: HOMEWORK_ROOM };

/** Checkpoints handed to the room being created, by a random ticket (process-local, used once). */
const tickets = new Map<string, RoomCheckpoint>();

/** The checkpoint a `restore` create option stands for (undefined: no such ticket; it is used up). */
export function takeRestoreTicket(ticket: unknown): RoomCheckpoint | undefined {
  if (typeof ticket !== "string") return undefined;
  const cp = tickets.get(ticket);
  tickets.delete(ticket);
  return cp;
}

export const isFresh = (cp: RoomCheckpoint, now = Date.now()) => now - cp.savedAt <= RESTORE_IDLE_LIMIT_MS;

/** Rebuilds one room in this process (false: too old, or a live room already has that code). */
export async function restoreCheckpoint(cp: RoomCheckpoint): Promise<boolean> {
  if (!isFresh(cp)) return false;
  if ((await matchMaker.query({ roomId: cp.code })).length > 0) return false;
  const ticket = randomUUID();
  tickets.set(ticket, cp);
  try {
    // Made here (createRoom could pick another process, which has no ticket).
    await matchMaker.handleCreateRoom(ROOM_NAMES[cp.mode], { restore: ticket });
    log.info("room-restored", { room: cp.code, mode: cp.mode, phase: cp.phase, round: cp.round, from: cp.owner });
    return true;
  } catch (error) {
    log.error("room-not-restored", { room: cp.code, error });
    return false;
  } finally {
    tickets.delete(ticket);
  }
}

/** At start (one process): every fresh checkpoint is restored; older ones are deleted. */
export async function restoreRooms(store: CheckpointStore): Promise<number> {
  let restored = 0;
  for (const cp of await store.list()) {
    if (!isFresh(cp)) {
      await store.remove(cp.code);
      log.info("checkpoint-expired", { room: cp.code, savedAt: new Date(cp.savedAt).toISOString() });
    } else if (await restoreCheckpoint(cp)) restored++;
  }
  return restored;
}
