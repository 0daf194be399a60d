import { describe, expect, it } from "vitest";
import {
  type ScheduleRule,
  currentSession,
  formatClock,
  isOpenNow,
  nextSession,
  occursOn,
  openingDays,
  summariseSchedules,
} from "~/directory/opening-times";

const weekdays: ScheduleRule = { freq: "WEEKLY", byday: "MO,TU,WE,TH,FR", opens_at: "09:00", closes_at: "17:00" };
const at = (iso: string) => new Date(iso);

describe("open now, in London time", () => {
  it("reads winter hours as GMT", () => {
    expect(isOpenNow([weekdays], at("2025-01-06T09:00:00Z"))).toBe(true);
    expect(isOpenNow([weekdays], at("2025-01-06T16:59:00Z"))).toBe(true);
    expect(isOpenNow([weekdays], at("2025-01-06T17:00:00Z"))).toBe(false);
    expect(isOpenNow([weekdays], at("2025-01-06T08:59:00Z"))).toBe(false);
  });

  it("reads summer hours as BST, an hour ahead of UTC", () => {
    expect(isOpenNow([weekdays], at("2025-07-07T08:00:00Z"))).toBe(true); // 9am BST
    expect(isOpenNow([weekdays], at("2025-07-07T07:59:00Z"))).toBe(false);
    expect(isOpenNow([weekdays], at("2025-07-07T15:59:00Z"))).toBe(true);
    expect(isOpenNow([weekdays], at("2025-07-07T16:00:00Z"))).toBe(false); // 5pm BST
  });

  it("switches on the Monday after the clocks go forward", () => {
    // Clocks went forward on Sunday 30 March 2025; 08:30 UTC is 9:30am BST.
    expect(isOpenNow([weekdays], at("2025-03-31T08:30:00Z"))).toBe(true);
    expect(isOpenNow([weekdays], at("2025-03-28T08:30:00Z"))).toBe(false); // 8:30am GMT on the Friday
  });

  it("uses the London date, not the UTC one, near midnight", () => {
    const lateSunday: ScheduleRule = { freq: "WEEKLY", byday: "SU", opens_at: "22:00", closes_at: "23:59" };
    // 22:30 UTC on Saturday is 23:30 BST on Saturday; 22:30 UTC on Sunday is 23:30 BST on Sunday.
    expect(isOpenNow([lateSunday], at("2025-07-05T22:30:00Z"))).toBe(false);
    expect(isOpenNow([lateSunday], at("2025-07-06T22:30:00Z"))).toBe(true);
  });

  it("keeps an evening session that runs past midnight open into the next day", () => {
    const evening: ScheduleRule = { freq: "WEEKLY", byday: "FR", opens_at: "20:00", closes_at: "01:00" };
    const session = currentSession([evening], at("2025-01-11T00:30:00Z")); // Saturday 12:30am
    expect(session?.date).toBe("2025-01-10");
    expect(session?.closesAt).toBe("01:00");
  });

  it("cannot say a service is open when its schedule gives no hours", () => {
    expect(isOpenNow([{ freq: "WEEKLY", byday: "MO" }], at("2025-01-06T12:00:00Z"))).toBe(false);
  });

  it("converts times written in UTC to the London clock", () => {
    const utc: ScheduleRule = { freq: "WEEKLY", byday: "MO", opens_at: "09:00Z", closes_at: "12:00Z" };
    expect(currentSession([utc], at("2025-07-07T09:30:00Z"))?.opensAt).toBe("10:00");
    expect(currentSession([utc], at("2025-01-06T09:30:00Z"))?.opensAt).toBe("09:00");
  });
});

describe("next session", () => {
  it("finds Monday morning from a Friday evening across the clock change", () => {
    const session = nextSession([weekdays], at("2025-03-28T18:00:00Z"));
    expect(session?.date).toBe("2025-03-31");
    expect(session?.start.toISOString()).toBe("2025-03-31T08:00:00.000Z");
  });

  it("finds the first Tuesday of next month, crossing the year", () => {
    const club: ScheduleRule = { freq: "MONTHLY", byday: "1TU", opens_at: "10:00", closes_at: "12:00", place: "Headcorn Village Hall" };
    expect(nextSession([club], at("2025-06-04T12:00:00Z"))).toMatchObject({ date: "2025-07-01", place: "Headcorn Village Hall" });
    expect(nextSession([club], at("2025-12-03T12:00:00Z"))?.date).toBe("2026-01-06");
  });

  it("skips a session that has already started today", () => {
    expect(nextSession([weekdays], at("2025-01-06T10:00:00Z"))?.date).toBe("2025-01-07");
  });

  it("picks the earliest of several schedules on the same day", () => {
    const bus: ScheduleRule = { freq: "WEEKLY", byday: "TU", opens_at: "08:00", closes_at: "09:00", place: "Marden" };
    expect(nextSession([weekdays, bus], at("2025-01-06T18:00:00Z"))).toMatchObject({ date: "2025-01-07", opensAt: "08:00", place: "Marden" });
  });

  it("returns nothing once a schedule has ended", () => {
    const ended: ScheduleRule = { ...weekdays, valid_to: "2025-01-31" };
    expect(nextSession([ended], at("2025-02-01T12:00:00Z"))).toBeNull();
  });
});

describe("which dates a schedule falls on", () => {
  it("handles last weekday and last day of the month, including a leap February", () => {
    expect(occursOn({ freq: "MONTHLY", byday: "-1FR" }, "2025-01-31")).toBe(true);
    expect(occursOn({ freq: "MONTHLY", byday: "-1FR" }, "2025-01-24")).toBe(false);
    expect(occursOn({ freq: "MONTHLY", bymonthday: "-1" }, "2024-02-29")).toBe(true);
    expect(occursOn({ freq: "MONTHLY", bymonthday: "-1" }, "2025-02-28")).toBe(true);
    expect(occursOn({ freq: "MONTHLY", bymonthday: "-1" }, "2024-02-28")).toBe(false);
  });

  it("counts a fortnightly session from its start date", () => {
    const fortnightly: ScheduleRule = { freq: "WEEKLY", interval: 2, byday: "TU", dtstart: "2025-01-07" };
    expect(occursOn(fortnightly, "2025-01-21")).toBe(true);
    expect(occursOn(fortnightly, "2025-01-14")).toBe(false);
    expect(occursOn(fortnightly, "2024-12-31")).toBe(false);
  });

  it("treats a schedule with no rule as a one-off on its start date", () => {
    expect(occursOn({ dtstart: "2025-06-03" }, "2025-06-03")).toBe(true);
    expect(occursOn({ dtstart: "2025-06-03" }, "2025-06-10")).toBe(false);
  });

  it("lists the weekdays a service runs on for the search filter", () => {
    expect(openingDays([weekdays])).toEqual(["monday", "tuesday", "wednesday", "thursday", "friday"]);
    expect(openingDays([{ freq: "MONTHLY", byday: "1TU,-1SA" }, { dtstart: "2025-06-05" }])).toEqual(["tuesday", "saturday"]);
  });
});

describe("summary of regular hours", () => {
  const now = at("2025-05-01T12:00:00Z");

  it("merges one schedule per weekday into a range", () => {
    const perDay = ["MO", "TU", "WE", "TH", "FR"].map((d) => ({ freq: "WEEKLY", byday: d, opens_at: "09:00", closes_at: "17:00" }));
    expect(summariseSchedules(perDay, now)).toEqual(["Monday to Friday, 9am to 5pm"]);
  });

  it("names a single day and the place of an outreach session", () => {
    const bus = { freq: "WEEKLY", byday: "TU", opens_at: "10:00", closes_at: "13:00", place: "Headcorn village hall" };
    expect(summariseSchedules([bus], now)).toEqual(["Every Tuesday, 10am to 1pm at Headcorn village hall"]);
  });

  it("describes broken runs of days and different hours on separate lines", () => {
    const rules = [
      { freq: "WEEKLY", byday: "SA", opens_at: "10:00", closes_at: "12:30" },
      { freq: "WEEKLY", byday: "MO,TU,WE,FR", opens_at: "09:30", closes_at: "16:00" },
    ];
    expect(summariseSchedules(rules, now)).toEqual(["Monday to Wednesday and Friday, 9:30am to 4pm", "Every Saturday, 10am to 12:30pm"]);
  });

  it("describes monthly and fortnightly patterns", () => {
    expect(summariseSchedules([{ freq: "MONTHLY", byday: "1TU", opens_at: "10:00", closes_at: "12:00" }], now)).toEqual([
      "First Tuesday of the month, 10am to midday",
    ]);
    expect(summariseSchedules([{ freq: "MONTHLY", byday: "1TU,3TU" }], now)).toEqual(["First and third Tuesday of the month"]);
    expect(summariseSchedules([{ freq: "MONTHLY", bymonthday: "-1" }], now)).toEqual(["The last day of the month"]);
    expect(summariseSchedules([{ freq: "WEEKLY", interval: 2, byday: "TH", dtstart: "2025-01-02" }], now)).toEqual(["Every other Thursday"]);
  });

  it("gives the date of a one-off session and falls back to a description", () => {
    expect(summariseSchedules([{ dtstart: "2025-06-03", opens_at: "10:00", closes_at: "14:00", place: "Margate Library" }], now)).toEqual([
      "Tuesday 3 June 2025, 10am to 2pm at Margate Library",
    ]);
    expect(summariseSchedules([{ description: "By appointment" }], now)).toEqual(["By appointment"]);
  });

  it("leaves out schedules that have ended and reads UTC times as summer time", () => {
    const ended = { ...weekdays, valid_to: "2025-04-30" };
    const utc = { freq: "WEEKLY", byday: "SA", opens_at: "09:00Z", closes_at: "11:00Z" };
    expect(summariseSchedules([ended, utc], now)).toEqual(["Every Saturday, 10am to midday"]);
  });

  it("writes clock times the GOV.UK way", () => {
    expect(["00:00", "09:00", "09:30", "12:00", "12:15", "17:00"].map(formatClock)).toEqual([
      "midnight",
      "9am",
      "9:30am",
      "midday",
      "12:15pm",
      "5pm",
    ]);
  });
});
