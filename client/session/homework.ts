// A homework link, /homework/<id>: its page (the assignment from GET /api/assignments/:id), Start
// (the homework room, which the server resumes for this device and name), and Back and Forward.
// The name used is remembered per assignment, so opening the link again on this device goes on
// with the same attempt.
import type { AssignmentPublic } from "../../shared/teacher";
import { createHomework, RoomRefused } from "../net";
import { readStored, writeStored } from "../storage";
import { store, type HomeworkPage } from "../store";
import { clearError, showError } from "../ui";
import { enter, nameRefusalOf } from "./connection";
import { urlHomework } from "./routes";
import { t } from "../i18n/i18n";
import { describeProblem } from "../i18n/problem-text";
import type { Problem } from "../../shared/problems";

const nameKey = (id: string) => `homework-name:${id}`;

/** The name this device played the assignment under, if any. */
export const homeworkName = (id: string) => readStored(nameKey(id));

/** The message keys of the statuses that mean "no homework here". */
const MISSING: Record<number, string> = {
  400: "homework.linkDamaged",
  404: "homework.linkUnknown",
};

function update(id: string, patch: Partial<HomeworkPage>): void {
  const page = store.get().homeworkPage;
  if (page?.id === id) store.set({ homeworkPage: { ...page, ...patch } });
}

async function load(id: string): Promise<void> {
  try {
    const res = await fetch(`/api/assignments/${encodeURIComponent(id)}`, { headers: { accept: "application/json" } });
    const body = (await res.json().catch(() => ({}))) as Partial<AssignmentPublic> & Partial<Problem>;
    if (res.ok && typeof body.title === "string" && typeof body.deadline === "string")
      return update(id, { status: "ready", assignment: body as AssignmentPublic, error: undefined });
    if (MISSING[res.status]) return update(id, { status: "missing", error: t(MISSING[res.status]) });
    const why =
      typeof body.error === "string"
        ? describeProblem({ error: body.error, params: body.params, field: body.field })
        : t("homework.serverAnswered", { status: res.status });
    update(id, { status: "failed", error: t("homework.loadFailed", { why: why.replace(/\.$/, "") }) });
  } catch {
    update(id, { status: "failed", error: t("homework.unreachable") });
  }
}

/** The address names a homework: show its page (loading it); otherwise there is none. */
export function openHomeworkLink(): void {
  const id = urlHomework();
  if (!id) {
    if (store.get().homeworkPage) store.set({ homeworkPage: undefined });
    return;
  }
  // A reload keeps the entry Start pushed: make it the page's own again.
  if ((history.state as { homework?: boolean } | null)?.homework) history.replaceState({}, "", location.pathname);
  store.set({ homeworkPage: { id, status: "loading", starting: false } });
  void load(id);
}

export function reloadHomework(): void {
  const page = store.get().homeworkPage;
  if (!page) return;
  update(page.id, { status: "loading" });
  void load(page.id);
}

/** Start: the homework room, under `name`. */
export async function startHomework(name: string): Promise<void> {
  const page = store.get().homeworkPage;
  if (!page?.assignment || page.starting || store.get().session) return;
  clearError();
  update(page.id, { starting: true, nameRefusal: undefined });
  try {
    const room = await createHomework(name, page.id);
    writeStored(nameKey(page.id), name);
    enter(room, "homework");
  } catch (err) {
    const refusal = nameRefusalOf(err);
    if (refusal) update(page.id, { nameRefusal: refusal.message });
    else showError((err as Error).message);
    // Closed meanwhile: the page shows it (and each round's A and B).
    if (err instanceof RoomRefused && err.refusal === "closed") void load(page.id);
  } finally {
    update(page.id, { starting: false });
  }
}

/** Back and Forward into or out of a homework's address. */
export function followHomeworkHistory(): void {
  window.addEventListener("popstate", () => {
    const id = urlHomework();
    if (id !== store.get().homeworkPage?.id || !id) openHomeworkLink();
  });
}
