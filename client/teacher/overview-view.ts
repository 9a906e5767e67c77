// The key's rooms and homework (GET /api/teacher): each match with its code, date, rounds played
// and players; each assignment with its deadline (in its zone and the viewer's), who started and
// finished it, and its students' link (data-testid="assignment-link"). Each opens its report.
import { html, nothing, type TemplateResult } from "lit-html";
import { assignmentPath, type AssignmentSummary, type TeacherMatch, type TeacherOverview } from "../../shared/teacher";
import { formatDate, language, t, tHtml } from "../i18n/i18n";
import { browserZone, formatInZone, offsetLabel, zoneOffsetMinutes } from "./deadline";
import { choiceParam, sameChoice, type ReportChoice } from "./teacher-state";
import { kindList } from "../screens/settings-summary";

export interface OverviewActions {
  /** Opens a report (the address keeps the choice). */
  open(choice: ReportChoice): void;
  /** Copies `text`; `copied` is the notice then shown. */
  copy(text: string, copied: () => string): void;
}

/** A link to a report: a real address (opens in a new tab too), drawn in place on a plain click. */
function reportLink(choice: ReportChoice, shown: ReportChoice | undefined, act: OverviewActions, text: string) {
  const open = (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    act.open(choice);
  };
  // Where storage is blocked the key stays in the fragment: the link keeps it.
  return html`<a class="button-link report-link" href="/teacher?report=${choiceParam(choice)}${location.hash}" @click=${open}
    aria-current=${sameChoice(choice, shown) ? "page" : nothing}>${text}</a>`;
}

/** "Tue 8 Dec 2026, 17:00 (UTC−05:00, America/New_York)". */
const inZone = (iso: string, zone: string) =>
  t("teacher.inZone", {
    when: formatInZone(iso, zone, language()),
    offset: offsetLabel(zoneOffsetMinutes(zone, Date.parse(iso))),
    zone,
  });

function matchItem(m: TeacherMatch, shown: ReportChoice | undefined, act: OverviewActions) {
  const date = formatDate(m.startedAt, { dateStyle: "medium", timeStyle: "short" });
  return html`<li class="source-item" data-testid="teacher-match" data-id=${m.id} data-code=${m.code}>
    <span class="room-code">${m.code}</span>
    <span class="what"><span>${date}</span>
      <span class="muted small">${t(m.finishedAt ? "teacher.matchStats" : "teacher.matchStatsUnfinished", {
        played: m.played,
        rounds: m.rounds,
        players: m.players,
      })}</span></span>
    ${reportLink({ kind: "match", id: m.id }, shown, act, t("teacher.report"))}
  </li>`;
}

function assignmentItem(a: AssignmentSummary, shown: ReportChoice | undefined, act: OverviewActions) {
  const link = `${location.origin}${a.link || assignmentPath(a.id)}`;
  const mine = browserZone();
  const closed = Date.parse(a.deadline) <= Date.now();

  return html`<li class="source-item assignment" data-testid="teacher-assignment" data-id=${a.id}>
    <span class="what">
      <strong class="title">${a.title}</strong>${closed ? html` <span class="tag off">${t("teacher.closedTag")}</span>` : nothing}
      <span class="small">${t(closed ? "teacher.closedAt" : "teacher.dueAt", { when: inZone(a.deadline, a.timeZone) })}</span>
      ${mine === a.timeZone ? nothing : html`<span class="small muted">${t("teacher.yourTime", { when: inZone(a.deadline, mine) })}</span>`}
      <span class="small muted">${t(a.friendlyNames ? "teacher.assignmentStatsFriendly" : "teacher.assignmentStats", {
        rounds: a.rounds,
        kinds: kindList(a.kinds),
        difficulty: t(`teacher.difficultyWord.${a.difficulty}`),
        students: a.students,
        finished: a.finished,
      })}</span>
      <span class="link-row">
        <a data-testid="assignment-link" class="assignment-link" href=${link} target="_blank" rel="noopener">${link}</a>
        <button type="button" class="small-button no-print" @click=${() => act.copy(link, () => t("teacher.copiedStudentsLink"))}>
          ${t("teacher.copy")}</button>
      </span>
    </span>
    ${reportLink({ kind: "assignment", id: a.id }, shown, act, t("teacher.report"))}
  </li>`;
}

export function overviewCard(
  overview: TeacherOverview | undefined,
  shown: ReportChoice | undefined,
  live: string,
  act: OverviewActions,
): TemplateResult {
  // Newest first: the one just made or just played is on top.
  const newest = <T>(list: T[] | undefined, at: (t: T) => string) =>
    [...(list ?? [])].sort((a, b) => at(b).localeCompare(at(a)));
  const matches = newest(overview?.matches, (m) => m.startedAt);
  const assignments = newest(overview?.assignments, (a) => a.createdAt);
  return html`<section class="card overview" data-testid="teacher-overview">
    <div class="card-head">
      <h2>${t("teacher.overviewTitle")}</h2>
      <span class="live-dot" data-live=${live}>${t(live === "false" ? "teacher.liveLoading" : live === "true" ? "teacher.liveOn" : "teacher.liveOff")}</span>
    </div>
    ${
      overview && (matches.length || assignments.length)
        ? html`<p>${reportLink({ kind: "all" }, shown, act, t("teacher.reportAll"))}</p>`
        : nothing
    }
    <h3 class="sub">${t("teacher.roomsTitle")}</h3>
    <ul class="source-list" data-testid="teacher-matches">
      ${
        !overview
          ? nothing
          : matches.length
            ? matches.map((m) => matchItem(m, shown, act))
            : html`<li class="empty-state">${tHtml("teacher.noMatches", {
                gamePage: html`<a href="/">${t("teacher.keyGamePage")}</a>`,
              })}</li>`
      }
    </ul>
    <h3 class="sub">${t("teacher.homeworkTitle")}</h3>
    <ul class="source-list" data-testid="teacher-assignments">
      ${
        !overview
          ? nothing
          : assignments.length
            ? assignments.map((a) => assignmentItem(a, shown, act))
            : html`<li class="empty-state">${t("teacher.noHomework")}</li>`
      }
    </ul>
  </section>`;
}
