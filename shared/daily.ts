// The daily challenge: one round per UTC day, the same for everybody. Its id is the date, so A is
// the same for all; B comes from the server's secret (server/round-secret.ts), and what fixed it
// is published only once the day is over.

/** The UTC date of a moment, as YYYY-MM-DD. */
export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** The daily round's public id. */
export function dailyRoundId(date: string): string {
  return `daily:${date}`;
}

/** A daily round begun just before midnight is still being played for this long after it. */
const LAST_ROUND_GRACE_MS = 5 * 60 * 1000;

/** When a day's opening may be published: once that UTC day has ended and its last round is over. */
export function dailyOpeningAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 24 * 3600 * 1000 + LAST_ROUND_GRACE_MS).toISOString();
}

/** Whether a day's opening is public at `now`. */
export const dailyIsOver = (date: string, now: Date): boolean => now.getTime() >= Date.parse(dailyOpeningAfter(date));

/** How long the daily round's tuning lasts. */
export const DAILY_TUNING_SECONDS = 60;
