// A match room made with a teacher key: the key is checked once, at create, and only the key's
// id (its SHA-256, TeacherStore's) is kept, to store the room's matches under. The key itself is
// never put in the state, a message or a log line.
import { ErrorCode, ServerError } from "@colyseus/core";
import { z } from "zod";
import { teacherKeySchema } from "../shared/teacher";
import { setRoundSpecs, type SetRoundSpec } from "../shared/round-set";
import type { SetsStore } from "./sets-store";
import { log } from "./log";
import type { KeyCheck, TeacherStore } from "./teacher-store";

const refuse = (message: string) => new ServerError(ErrorCode.MATCHMAKE_INVALID_CRITERIA, message);

/**
 * What the store answers; when it fails (PostgreSQL unreachable, a locked file) the failure is
 * logged and the room is not made, with a sentence instead of the database's error.
 */
export async function fromStore<T>(event: string, read: () => Promise<T>, sorry: string): Promise<T> {
  try {
    return await read();
  } catch (error) {
    log.error(event, { error });
    throw new ServerError(ErrorCode.APPLICATION_ERROR, sorry);
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
  if (teacherId === undefined)
    throw refuse("Cannot create the room: a room from a set needs the teacher key the set was saved with.");
  const id = z.uuid().safeParse(setId);
  if (!id.success) throw refuse("Cannot create the room: a set's id is a UUID, like 3f2b8c1e-….");
  const found = sets
    ? await fromStore(
        "round-set-not-read",
        () => sets.get(teacherId, id.data),
        "Cannot create the room: the sets cannot be read just now. Try again in a minute.",
      )
    : undefined;
  if (!found) throw refuse("Cannot create the room: no set of this teacher key has that id.");
  return setRoundSpecs(found.set);
}

/** The teacher id the room's matches are stored under, or the refusal (thrown: the room is not made). */
export async function teacherOf(teachers: TeacherStore | undefined, key: unknown): Promise<string> {
  const parsed = teacherKeySchema.safeParse(key);
  if (!parsed.success) throw refuse("Cannot create the room: a teacher key looks like tk- and 24 letters or digits.");
  const check: KeyCheck = teachers
    ? await fromStore(
        "teacher-key-not-checked",
        () => teachers.checkKey(parsed.data),
        "Cannot create the room: the teacher keys cannot be read just now. Try again in a minute.",
      )
    : { ok: false, reason: "unknown" };
  if (check.ok) return check.teacherId;
  if (check.reason === "revoked")
    throw refuse("Cannot create the room: this teacher key was revoked. Make a new one on the teacher page.");
  throw refuse("Cannot create the room: this teacher key is not known. Check it on the teacher page.");
}
