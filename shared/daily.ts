// The daily challenge: one round seed per UTC day, the same for everybody.

/** The UTC date of a moment, as YYYY-MM-DD. */
export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function dailySeed(date: string): string {
  return `daily:${date}`;
}

/** How long the daily round's tuning lasts. */
export const DAILY_TUNING_SECONDS = 60;
