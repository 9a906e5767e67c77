// Small pieces of rebuilding a room from its checkpoint that need no room: the homework it plays
// (its assignment read again from the store) and a player's copy under a new key.
import type { Player } from "../shared/state";
import { seatPlayer, type RoomCheckpoint } from "./checkpoint";
import type { Homework } from "./homework-room";
import type { TeacherStore } from "./teacher-store";

/**
 * A restored homework room's assignment and attempt. The device id itself was never kept (only
 * its hash, which the room checks joins against), so `device` is empty.
 */
export async function restoredHomework(
  teachers: TeacherStore | undefined,
  saved: NonNullable<RoomCheckpoint["homework"]>,
): Promise<Homework> {
  const assignment = await teachers?.assignment(saved.assignmentId);
  if (!assignment) throw new Error(`cannot restore homework: no assignment ${saved.assignmentId}`);
  return { assignment, attempt: saved.attempt, name: saved.name, device: "" };
}

/**
 * The same player as a new schema instance: a seat taken back moves to a new map key, and an
 * instance is not moved between keys (the encoder tracks each instance where it was added).
 */
export const copyPlayer = (old: Player): Player => seatPlayer(old, { rank: old.rank, connected: old.connected });
