// Opening a student's homework room: which assignment, whether it is still open, and where this
// name on this device stands in it (TeacherStore.resumeAttempt: a new attempt, or the unfinished
// one to go on with). Every refusal is checked before an attempt is made, so a refused student
// leaves nothing behind.
import { ErrorCode, ServerError } from "@colyseus/core";
import { z } from "zod";
import { nameSchema, type HomeworkMessage } from "../shared/protocol";
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

const refuse = (message: string) => new ServerError(ErrorCode.MATCHMAKE_INVALID_CRITERIA, message);
const STORE_FAILED =
  "Cannot start this homework: the server cannot reach its stored homework just now. Try again in a minute.";

/** "This homework closed on 8 Dec 2026, 17:00 America/New_York time (2026-12-08T22:00:00.000Z)." */
export function closedOn(assignment: StoredAssignment): string {
  const zone = assignment.timeZone;
  const local = new Intl.DateTimeFormat("en-GB", { timeZone: zone, dateStyle: "medium", timeStyle: "short" });
  const at = new Date(assignment.deadline);
  return `This homework closed on ${local.format(at)} ${zone} time (${at.toISOString()}). Ask your teacher for the results.`;
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
      ? await fromStore("homework-not-read", () => teachers.assignment(id.data), STORE_FAILED)
      : undefined;
  if (!assignment) throw refuse("There is no such homework. Check the link your teacher gave you.");
  if (!isOpen(assignment, now)) throw refuse(closedOn(assignment));
  const device = deviceSchema.safeParse(options.device);
  if (!device.success) {
    throw refuse("Cannot start this homework: this browser keeps no device id. Allow this site's storage and reload.");
  }
  const name = nameSchema.safeParse(options.name);
  if (!name.success) throw refuse(`Cannot join: ${name.error.issues[0].message}.`);
  const refusal = joinNameRefusal(name.data, assignment.friendlyNames);
  if (refusal) throw refuse(refusal);
  const attempt = await fromStore(
    "homework-attempt-not-stored",
    () => teachers!.resumeAttempt(assignment.id, device.data, name.data, now),
    STORE_FAILED,
  );
  return { assignment, attempt, name: name.data, device: device.data };
}

/** What the student is told on joining: the title, and whether this attempt counts and where it resumes. */
export function homeworkMessage({ assignment, attempt }: Homework): HomeworkMessage {
  return { title: assignment.title, counts: attempt.counts, roundsDone: attempt.roundsDone, rounds: assignment.rounds };
}
