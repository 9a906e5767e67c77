// Opening a student's homework room: which assignment, whether it is still open, and where this
// name on this device stands in it (TeacherStore.resumeAttempt: a new attempt, or the unfinished
// one to go on with). Every refusal is checked before an attempt is made, so a refused student
// leaves nothing behind.
import { z } from "zod";
import { nameIssueRefusal, nameSchema, type HomeworkMessage } from "../shared/protocol";
import type { Refusal } from "../shared/refusals";
import { refuse } from "./refuse";
import { deviceSchema } from "../shared/teacher";
import { joinNameRefusal } from "./name-filter";
import { fromStore } from "./room-teacher";
import type { Attempt, StoredAssignment, TeacherStore } from "./teacher-store";

/** A homework being played: the assignment, the attempt, and who plays it. */
export interface Homework {
  assignment: StoredAssignment;
  attempt: Attempt;
  name: string;
  device: string;
}

/** What the student's client sent to create the room (anything: checked here). */
export interface HomeworkOptions {
  name?: unknown;
  assignment?: unknown;
  device?: unknown;
}

/**
 * The refusal of a closed homework: `{ deadline: ISO time, zone: the teacher's time zone }`; the
 * client words it ("This homework closed on 8 Dec 2026, 17:00 America/New_York time (…)").
 */
export function closedOn(assignment: StoredAssignment): Refusal {
  const deadline = new Date(assignment.deadline).toISOString();
  return { code: "homework-closed", params: { deadline, zone: assignment.timeZone } };
}

/** Whether a round scored at `now` still counts: before the deadline. */
export const isOpen = (assignment: StoredAssignment, now: Date) => now.getTime() < Date.parse(assignment.deadline);

/** The homework this room plays, or the refusal the student sees (thrown: the room is not made). */
export async function openHomework(
  teachers: TeacherStore | undefined,
  options: HomeworkOptions,
  now: Date,
): Promise<Homework> {
  const id = z.uuid().safeParse(options.assignment);
  const assignment =
    id.success && teachers
      ? await fromStore("homework-not-read", () => teachers.assignment(id.data), "homework-store-failed")
      : undefined;
  if (!assignment) throw refuse("homework-not-found");
  if (!isOpen(assignment, now)) throw refuse(closedOn(assignment));
  const device = deviceSchema.safeParse(options.device);
  if (!device.success) {
    throw refuse("no-device-id");
  }
  const name = nameSchema.safeParse(options.name);
  if (!name.success) throw refuse(nameIssueRefusal(name.error.issues[0]));
  const refusal = joinNameRefusal(name.data, assignment.friendlyNames);
  if (refusal) throw refuse(refusal);
  const attempt = await fromStore(
    "homework-attempt-not-stored",
    () => teachers!.resumeAttempt(assignment.id, device.data, name.data, now),
    "homework-store-failed",
  );
  return { assignment, attempt, name: name.data, device: device.data };
}

/** What the student is told on joining: the title, and whether this attempt counts and where it resumes. */
export function homeworkMessage({ assignment, attempt }: Homework): HomeworkMessage {
  return { title: assignment.title, counts: attempt.counts, roundsDone: attempt.roundsDone, rounds: assignment.rounds };
}
