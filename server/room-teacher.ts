// A match room made with a teacher key: the key is checked once, at create, and only the key's
// id (its SHA-256, TeacherStore's) is kept, to store the room's matches under. The key itself is
// never put in the state, a message or a log line.
import { ErrorCode, ServerError } from "@colyseus/core";
import { teacherKeySchema } from "../shared/teacher";
import type { TeacherStore } from "./teacher-store";

const refuse = (message: string) => new ServerError(ErrorCode.MATCHMAKE_INVALID_CRITERIA, message);

/** The teacher id the room's matches are stored under, or the refusal (thrown: the room is not made). */
export function teacherOf(teachers: TeacherStore | undefined, key: unknown): string {
  const parsed = teacherKeySchema.safeParse(key);
  if (!parsed.success) throw refuse("Cannot create the room: a teacher key looks like tk- and 24 letters or digits.");
  const check = teachers?.checkKey(parsed.data) ?? { ok: false, reason: "unknown" };
  if (check.ok) return check.teacherId;
  if (check.reason === "revoked")
    throw refuse("Cannot create the room: this teacher key was revoked. Make a new one on the teacher page.");
  throw refuse("Cannot create the room: this teacher key is not known. Check it on the teacher page.");
}
