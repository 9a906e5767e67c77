// A homework's deadline in words: the teacher's zone, the student's own when it differs, time left.
import { describe, expect, it } from "vitest";
import { deadlineWords, timeLeft, zoneName } from "../client/screens/homework-deadline";

const DEADLINE = "2026-12-08T22:00:00.000Z"; // 17:00 in New York, 23:00 in Paris, 03:30 next day in Kolkata

describe("homework deadline", () => {
  it("shows the assignment's zone, and the student's own only when it is another", () => {
    const now = new Date("2026-12-05T12:00:00Z");
    const paris = deadlineWords(DEADLINE, "America/New_York", now, "Europe/Paris", "en-GB");
    expect(paris.due).toContain("17:00");
    expect(paris.due).toContain("(New York time)");
    expect(paris.yours).toContain("23:00");
    expect(paris.yours).toContain("your time (Paris)");
    const kolkata = deadlineWords(DEADLINE, "America/New_York", now, "Asia/Kolkata", "en-GB");
    expect(kolkata.yours).toMatch(/Wed.*9 Dec.*03:30/);
    expect(deadlineWords(DEADLINE, "America/New_York", now, "America/New_York", "en-GB").yours).toBeUndefined();
    // Another name for the same clock still shows one line only.
    expect(deadlineWords(DEADLINE, "America/New_York", now, "America/Detroit", "en-GB").yours).toBeUndefined();
  });

  it("says how long is left, and closed at and after the deadline", () => {
    expect(deadlineWords(DEADLINE, "UTC", new Date("2026-12-05T12:00:00Z"), "UTC").left).toBe("closes in 3 days");
    expect(deadlineWords(DEADLINE, "UTC", new Date("2026-12-08T22:00:00Z"), "UTC").left).toBe("closed");
    expect(deadlineWords(DEADLINE, "UTC", new Date("2026-12-09T00:00:00Z"), "UTC").left).toBe("closed");
    expect(timeLeft(30_000)).toBe("1 minute");
    expect(timeLeft(119 * 60_000)).toBe("119 minutes");
    expect(timeLeft(5 * 3600_000)).toBe("5 hours");
    expect(timeLeft(47 * 3600_000)).toBe("47 hours");
    expect(zoneName("America/Argentina/Buenos_Aires")).toBe("Buenos Aires");
  });
});
