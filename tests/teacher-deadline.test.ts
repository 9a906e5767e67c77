// The homework form's deadline: a wall-clock date and time in a chosen zone, as the ISO instant
// with offset the API takes, across zones with odd offsets and both clock changes; and the form's
// draft checked in words before it is sent.
import { describe, expect, it } from "vitest";
import { assignmentSettingsSchema } from "../shared/teacher";
import {
  formatInZone,
  isoOffset,
  localDate,
  offsetLabel,
  timeZones,
  zonedInstant,
  zoneOffsetMinutes,
} from "../client/teacher/deadline";
import { draftProblem, draftSettings } from "../client/teacher/draft";

describe("a deadline in a time zone", () => {
  it("carries the zone's offset on that day", () => {
    expect(zonedInstant("2026-12-08", "17:00", "America/New_York")).toBe("2026-12-08T17:00:00-05:00");
    expect(zonedInstant("2026-07-08", "17:00", "America/New_York")).toBe("2026-07-08T17:00:00-04:00");
    expect(zonedInstant("2026-12-08", "09:15", "Asia/Kolkata")).toBe("2026-12-08T09:15:00+05:30");
    expect(zonedInstant("2026-12-08", "23:59", "Pacific/Chatham")).toBe("2026-12-08T23:59:00+13:45");
    expect(zonedInstant("2026-12-08", "00:00", "UTC")).toBe("2026-12-08T00:00:00+00:00");
  });

  it("is the same instant as the wall clock says, and the API's schema takes it", () => {
    const iso = zonedInstant("2027-01-31", "08:00", "Australia/Sydney")!;
    expect(new Date(iso).toISOString()).toBe("2027-01-30T21:00:00.000Z");
    expect(formatInZone(iso, "Australia/Sydney")).toContain("08:00");
    const settings = { rounds: 3, kinds: ["shell"], difficulty: "normal", deadline: iso, timeZone: "Australia/Sydney" };
    expect(assignmentSettingsSchema.safeParse(settings).success).toBe(true);
  });

  it("moves a time the spring change skips forward, and takes the earlier of a time the autumn change repeats", () => {
    // New York skips 02:00–03:00 on 8 March 2026 and repeats 01:00–02:00 on 1 November 2026.
    expect(zonedInstant("2026-03-08", "02:30", "America/New_York")).toBe("2026-03-08T03:30:00-04:00");
    expect(zonedInstant("2026-11-01", "01:30", "America/New_York")).toBe("2026-11-01T01:30:00-04:00");
    expect(zonedInstant("2026-11-01", "02:30", "America/New_York")).toBe("2026-11-01T02:30:00-05:00");
    // Europe changes at 01:00 UTC: Berlin skips 02:00–03:00 on 29 March 2026.
    expect(zonedInstant("2026-03-29", "02:15", "Europe/Berlin")).toBe("2026-03-29T03:15:00+02:00");
  });

  it("refuses what is not a date and a time, or not a zone", () => {
    expect(zonedInstant("", "17:00", "UTC")).toBeUndefined();
    expect(zonedInstant("2026-12-08", "", "UTC")).toBeUndefined();
    expect(zonedInstant("2026-12-08", "5pm", "UTC")).toBeUndefined();
    expect(zonedInstant("2026-12-08", "17:00", "Mars/Olympus")).toBeUndefined();
  });

  it("names offsets and lists zones", () => {
    expect(zoneOffsetMinutes("Asia/Kathmandu", Date.UTC(2026, 0, 1))).toBe(345);
    expect(isoOffset(-210)).toBe("-03:30");
    expect(offsetLabel(-300)).toBe("UTC−05:00");
    expect(offsetLabel(0)).toBe("UTC");
    expect(timeZones()).toContain("UTC");
    expect(timeZones()).toContain("America/New_York");
    expect(localDate(7, new Date(2026, 11, 30, 12))).toBe("2027-01-06");
  });
});

describe("the homework form's draft", () => {
  const now = Date.UTC(2026, 11, 1, 12);
  const draft = {
    title: "Week 1",
    rounds: 3,
    kinds: ["shell", "galaxy"],
    difficulty: "normal" as const,
    date: "2026-12-08",
    time: "17:00",
    timeZone: "America/New_York",
    friendlyNames: true,
  };

  it("becomes the settings the API's schema takes", () => {
    expect(draftProblem(draft, now)).toBeUndefined();
    const settings = draftSettings(draft);
    expect(settings.deadline).toBe("2026-12-08T17:00:00-05:00");
    expect(assignmentSettingsSchema.parse(settings)).toEqual(settings);
  });

  it("says in words what is missing or wrong", () => {
    expect(draftProblem({ ...draft, title: "  " }, now)).toMatch(/title/);
    expect(draftProblem({ ...draft, rounds: 11 }, now)).toMatch(/from 1 to 10/);
    expect(draftProblem({ ...draft, rounds: 2.5 }, now)).toMatch(/whole number/);
    expect(draftProblem({ ...draft, kinds: [] }, now)).toMatch(/kind/);
    expect(draftProblem({ ...draft, time: "" }, now)).toMatch(/day and a time/);
    expect(draftProblem({ ...draft, date: "2026-12-01", time: "06:59" }, now)).toMatch(/already passed/);
    expect(draftProblem({ ...draft, date: "2026-12-01", time: "07:01" }, now)).toBeUndefined();
  });
});
