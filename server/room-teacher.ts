// A match room made with a teacher key: the key is checked once, at create, and only the key's
// id (its SHA-256, TeacherStore's) is kept, to store the room's matches under. The key itself is
// never put in the state, a message or a log line.
import { ErrorCode, ServerError } from "@colyseus/core";
import { z } from "zod";
import { teacherKeySchema } from "../shared/teacher";
import { setRoundSpecs, type SetRoundSpec } from "../shared/round-set";
import { refusalMessage, type RefusalCode } from "../shared/refusals";
import { refuse } from "./refuse";
import type { SetsStore } from "./sets-store";
import { log } from "./log";
import type { KeyCheck, TeacherStore } from "./teacher-store";

/**
 * What the store answers; when it fails (PostgreSQL unreachable, a locked file) the failure is
 * logged and the room is not made, with a refusal code instead of the database's error.
 */
export async function fromStore<T>(event: string, read: () => Promise<T>, sorry: RefusalCode): Promise<T> {
  try {
    return await read();
  } catch (error) {
    log.error(event, { error });
    throw new ServerError(ErrorCode.APPLICATION_ERROR, refusalMessage({ code: sorry }));
  }
}

/**
 * The rounds of a set a room plays (create option `set`): one of the creating teacher key's sets,
 * read once at create and kept in the room; anything else is refused (thrown: the room is not made).
 */
export async function roundsFromSet(
  sets: SetsStore | undefined,
  teacherId: string | undefined,
  setId: unknown,
): Promise<SetRoundSpec[]> {
  if (teacherId === undefined) throw refuse("set-needs-teacher-key");
  const id = z.uuid().safeParse(setId);
  if (!id.success) throw refuse("set-id-invalid");
  const found = sets
    ? await fromStore("round-set-not-read", () => sets.get(teacherId, id.data), "sets-store-failed")
    : undefined;
  if (!found) throw refuse("set-not-found");
  return setRoundSpecs(found.set);
}

/** The teacher id the room's matches are stored under, or the refusal (thrown: the room is not made). */
export async function teacherOf(teachers: TeacherStore | undefined, key: unknown): Promise<string> {
  const parsed = teacherKeySchema.safeParse(key);
  if (!parsed.success) throw refuse("teacher-key-malformed");
  const check: KeyCheck = teachers
    ? await fromStore("teacher-key-not-checked", () => teachers.checkKey(parsed.data), "teacher-keys-store-failed")
    : { ok: false, reason: "unknown" };
  if (check.ok) return check.teacherId;
  throw refuse(check.reason === "revoked" ? "teacher-key-revoked" : "teacher-key-unknown");
}
