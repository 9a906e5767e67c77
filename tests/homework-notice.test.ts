// The homework attempt's line: resuming, practice, counted, and the result at the podium.
import { describe, expect, it } from "vitest";
import { homeworkNoticeText } from "../client/screens/homework-notice";

const homework = { title: "Week 3", counts: true, roundsDone: 0, rounds: 3 };

describe("homework notice", () => {
  it("says where a resumed attempt goes on, until that round is past", () => {
    const resumed = { ...homework, roundsDone: 2 };
    expect(homeworkNoticeText({ homework: resumed, phase: "training", round: 3, points: 900 })).toBe(
      "Resuming at round 3 of 3.",
    );
    expect(
      homeworkNoticeText({ homework: { ...homework, roundsDone: 1 }, phase: "tuning", round: 3, points: 0 }),
    ).toMatch(/teacher sees this attempt/);
    expect(homeworkNoticeText({ homework, phase: "tuning", round: 1, points: 0 })).toMatch(/teacher sees this attempt/);
  });

  it("a practice attempt says so, and the podium gives the result", () => {
    const practice = { ...homework, counts: false };
    expect(homeworkNoticeText({ homework: practice, phase: "tuning", round: 1, points: 0 })).toBe(
      "You already finished this homework: this attempt is practice and does not count.",
    );
    expect(homeworkNoticeText({ homework: practice, phase: "podium", round: 3, points: 1500 })).toMatch(
      /^Practice finished: 1500 points/,
    );
    expect(homeworkNoticeText({ homework, phase: "podium", round: 3, points: 2100 })).toBe(
      "Homework done: 2100 points. Your teacher sees your result.",
    );
  });
});
