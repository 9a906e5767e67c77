// A homework deadline typed as a wall-clock date and time in a chosen time zone, turned into the
// ISO instant with offset the API takes ("2026-12-08T17:00:00-05:00"), and instants shown back in
// a zone. Only Intl: the browser's own zone data, no library.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const formats = new Map<string, Intl.DateTimeFormat>();
function wallFormat(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formats.set(zone, f);
  }
  return f;
}

/** The wall clock in `zone` at `ms`, as if it were UTC (ms since the epoch, whole seconds). */
function wallClock(zone: string, ms: number): number {
  const p: Record<string, number> = {};
  for (const part of wallFormat(zone).formatToParts(ms)) p[part.type] = Number(part.value);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

/** The zone's offset from UTC at the instant `ms`, in minutes (New York in winter: −300). */
export function zoneOffsetMinutes(zone: string, ms: number): number {
  return Math.round((wallClock(zone, ms) - Math.floor(ms / 1000) * 1000) / MINUTE);
}

/** "+05:30", "-05:00", "+00:00". */
export function isoOffset(minutes: number): string {
  const m = Math.abs(minutes);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${minutes < 0 ? "-" : "+"}${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

/** "UTC−05:00" (a real minus sign), "UTC+05:30", "UTC". */
export const offsetLabel = (minutes: number): string =>
  minutes === 0 ? "UTC" : `UTC${isoOffset(minutes).replace("-", "−")}`;

/**
 * The instant at wall-clock `date` ("2026-12-08") and `time` ("17:00") in `zone`, as ISO with the
 * zone's offset then; undefined when the input is not a date and a time. Like Temporal's
 * "compatible": a time skipped by a clock change moves forward by the change (02:30 → 03:30), a
 * time that happens twice is the earlier one.
 */
export function zonedInstant(date: string, time: string, zone: string): string | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return undefined;
  const wall = Date.UTC(+d[1], +d[2] - 1, +d[3], +t[1], +t[2]);
  if (Number.isNaN(wall)) return undefined;
  let offsets: number[];
  try {
    offsets = [...new Set([zoneOffsetMinutes(zone, wall - DAY), zoneOffsetMinutes(zone, wall + DAY)])];
  } catch {
    return undefined; // not a zone this browser knows
  }
  const fits = offsets.map((o) => wall - o * MINUTE).filter((ms) => wallClock(zone, ms) === wall);
  // No fit: the time was skipped; the offset from before the change carries it past the gap.
  const instant = fits.length ? Math.min(...fits) : wall - offsets[0] * MINUTE;
  const offset = zoneOffsetMinutes(zone, instant);
  const local = new Date(instant + offset * MINUTE).toISOString().slice(0, 19);
  return local + isoOffset(offset);
}

/** "Tue 8 Dec 2026, 17:00" in `zone`, in the viewer's language (or `locale`). */
export function formatInZone(iso: string, zone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(iso));
}

/** This browser's time zone. */
export const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

let zones: string[] | undefined;
/** Every zone the browser knows, with its own and UTC (some browsers leave them out of the list). */
export function timeZones(): string[] {
  if (!zones) {
    const listed = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
    zones = [...new Set([...listed, browserZone(), "UTC"])].sort();
  }
  return zones;
}

/** Today + `days` in the browser's calendar, as "YYYY-MM-DD" (the form's default deadline). */
export function localDate(days: number, now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
