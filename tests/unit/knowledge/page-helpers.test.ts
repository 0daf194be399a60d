import { describe, expect, it } from "vitest";
import { browseHref, filterTags, formatLongDate, readBrowseQuery, readingTimeText } from "~/knowledge/browse";
import { minutesErrorField, minutesFrom } from "~/knowledge/people-helped-form";
import { afterLesson, bestScoreText, lessonsReadText, moduleStatus } from "~/knowledge/training-view";

describe("browse query", () => {
  it("keeps known filters and drops anything else", () => {
    expect(readBrowseQuery(new URLSearchParams("q=%20scams%20&type=guide&audience=staff&barrier=device"))).toEqual({
      q: "scams",
      type: "guide",
      audience: "staff",
      barrier: "device",
    });
    expect(readBrowseQuery(new URLSearchParams("type=GUIDE&audience=&barrier=wifi"))).toEqual({ q: "", type: undefined, audience: undefined, barrier: undefined });
  });

  it("cuts a very long search rather than refusing it", () => {
    expect(readBrowseQuery(new URLSearchParams({ q: "a".repeat(500) })).q).toHaveLength(200);
  });

  it("gives each filter a tag whose link removes only that filter", () => {
    const tags = filterTags({ q: "email", type: "guide", barrier: "skills" });
    expect(tags).toEqual([
      { text: "Search: email", removeHref: "/knowledge?type=guide&barrier=skills" },
      { text: "Type: Guide", removeHref: "/knowledge?q=email&barrier=skills" },
      { text: "Barrier: Digital skills", removeHref: "/knowledge?q=email&type=guide" },
    ]);
    expect(browseHref({ q: "" })).toBe("/knowledge");
  });

  it("writes reading times and dates in plain English", () => {
    expect(readingTimeText(1)).toBe("1 minute read");
    expect(readingTimeText(4)).toBe("4 minute read");
    expect(formatLongDate("2026-11-03")).toBe("3 November 2026");
  });
});

describe("training wording", () => {
  const record = { lessonsRead: [] as string[], lessonsTotal: 4, bestScore: null as number | null, passedAt: null as string | null, attempts: 0 };

  it("says whether a module is not started, in progress or passed", () => {
    expect(moduleStatus(record)).toBe("not-started");
    expect(moduleStatus({ ...record, lessonsRead: ["a"] })).toBe("in-progress");
    expect(moduleStatus({ ...record, attempts: 1 })).toBe("in-progress");
    expect(moduleStatus({ ...record, attempts: 2, passedAt: "2026-01-01T00:00:00Z" })).toBe("passed");
    expect(lessonsReadText({ ...record, lessonsRead: ["a", "b"] })).toBe("2 of 4 lessons read");
    expect(bestScoreText(record)).toBe("Quiz not taken yet");
    expect(bestScoreText({ ...record, bestScore: 80 })).toBe("Best quiz score 80%");
  });

  it("goes to the next lesson, then to the quiz after the last one", () => {
    const module = { id: "m", lessons: [{ id: "one" }, { id: "two" }] } as Parameters<typeof afterLesson>[0];
    expect(afterLesson(module, "one")).toBe("/training/m/lessons/two");
    expect(afterLesson(module, "two")).toBe("/training/m/quiz");
  });
});

describe("time spent on the people-helped form", () => {
  it("takes a preset, or the number typed in the box instead", () => {
    expect(minutesFrom({ minutesChoice: "30" })).toBe("30");
    expect(minutesFrom({ minutesChoice: "30", minutesOther: " 45 " })).toBe("45");
    expect(minutesFrom({ minutesChoice: "", minutesOther: "20" })).toBe("20");
    expect(minutesFrom({ minutesChoice: "15", minutesOther: "  " })).toBe("15");
    expect(minutesFrom({ minutesChoice: "999" })).toBe("");
    expect(minutesFrom({})).toBe("");
  });

  it("puts a time error beside the control that was used", () => {
    expect(minutesErrorField({ minutesChoice: "30", minutesOther: "x" })).toBe("minutesOther");
    expect(minutesErrorField({ minutesChoice: "999" })).toBe("minutesChoice");
    expect(minutesErrorField({})).toBe("minutesChoice");
  });
});
