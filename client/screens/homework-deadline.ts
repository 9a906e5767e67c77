// A homework's deadline in words: in the teacher's zone (the one the assignment names), in the
// student's own when that differs, and how long is left. Pure, so a test can pin the zones.
import { browserZone, formatInZone } from "../teacher/deadline";
import { language, t } from "../i18n/i18n";

/** "America/New_York" → "New York". */
export const zoneName = (zone: string) => (zone.split("/").pop() ?? zone).replace(/_/g, " ");

/** "3 days", "5 hours", "12 minutes" (rounded down; at least a minute). */
export function timeLeft(ms: number): string {
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  if (minutes >= 48 * 60) return t("homework.days", { count: Math.floor(minutes / (24 * 60)) });
  if (minutes >= 120) return t("homework.hours", { count: Math.floor(minutes / 60) });
  return t("homework.minutes", { count: minutes });
}

export interface DeadlineWords {
  /** In the assignment's zone, named: "Tue, 8 Dec 2026, 17:00 (New York time)". */
  due: string;
  /** In the student's zone, when it is another one: "Tue, 8 Dec 2026, 23:00 your time (Paris)". */
  yours?: string;
  /** "closes in 3 days", or "closed". */
  left: string;
}

export function deadlineWords(
  deadline: string,
  zone: string,
  now: Date,
  myZone = browserZone(),
  locale: string = language(),
): DeadlineWords {
  const theirs = formatInZone(deadline, zone, locale);
  const mine = formatInZone(deadline, myZone, locale);
  const ms = Date.parse(deadline) - now.getTime();
  return {
    due: t("homework.dueInZone", { when: theirs, zone: zoneName(zone) }),
    yours: mine !== theirs ? t("homework.dueInMyZone", { when: mine, zone: zoneName(myZone) }) : undefined,
    left: ms > 0 ? t("homework.closesIn", { left: timeLeft(ms) }) : t("homework.closed"),
  };
}
