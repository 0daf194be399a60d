import { describe, expect, it } from "vitest";
import { attendanceState, bookingMessage, formatClock, placesLeft, sessionLine, upcomingSessions, weeklyDates } from "~/courses/courses";

const session = (date: string, starts_at = "10:00", ends_at = "12:00", capacity = 8) => ({ date, starts_at, ends_at, capacity, place: "Park Wood Community Hub", on_bus: 0 });

describe("weekly sessions", () => {
  it("repeats a session on the same weekday, across a month end and the clocks going back", () => {
    expect(weeklyDates("2026-10-19", 3)).toEqual(["2026-10-19", "2026-10-26", "2026-11-02"]);
    expect(weeklyDates("2027-01-11", 1)).toEqual(["2027-01-11"]);
  });
});

describe("next sessions", () => {
  const sessions = [session("2027-01-25"), session("2027-01-11"), session("2027-01-18")];

  it("lists sessions not yet over, soonest first, up to a limit", () => {
    const now = new Date("2027-01-11T09:00:00Z");
    expect(upcomingSessions(sessions, now, 2).map((s) => s.date)).toEqual(["2027-01-11", "2027-01-18"]);
  });

  it("keeps a session under way and drops it once it has ended, in UK time", () => {
    expect(upcomingSessions(sessions, new Date("2027-01-11T11:59:00Z")).map((s) => s.date)[0]).toBe("2027-01-11");
    expect(upcomingSessions(sessions, new Date("2027-01-11T12:00:00Z")).map((s) => s.date)[0]).toBe("2027-01-18");
    // In summer 12:00 in Kent is 11:00 UTC.
    expect(upcomingSessions([session("2027-06-14")], new Date("2027-06-14T11:00:00Z"))).toEqual([]);
  });
});

describe("places left", () => {
  const now = new Date("2027-01-01T09:00:00Z");

  it("is the smallest session to come less the people booked", () => {
    expect(placesLeft([session("2027-01-11", "10:00", "12:00", 8), session("2027-01-18", "10:00", "12:00", 6)], 4, now)).toBe(2);
  });

  it("ignores sessions already over, never goes below nought, and is null with nothing to come", () => {
    const past = session("2026-12-01", "10:00", "12:00", 2);
    expect(placesLeft([past, session("2027-01-11", "10:00", "12:00", 10)], 3, now)).toBe(7);
    expect(placesLeft([session("2027-01-11", "10:00", "12:00", 3)], 5, now)).toBe(0);
    expect(placesLeft([past], 0, now)).toBeNull();
  });
});

describe("register state", () => {
  const s = session("2027-01-11");
  it("is not started before the start, to mark from the start, and marked once anyone is recorded", () => {
    expect(attendanceState(s, new Date("2027-01-11T09:59:00Z"), 0)).toBe("upcoming");
    expect(attendanceState(s, new Date("2027-01-11T10:00:00Z"), 0)).toBe("to-mark");
    expect(attendanceState(s, new Date("2027-02-01T10:00:00Z"), 0)).toBe("to-mark");
    expect(attendanceState(s, new Date("2027-01-11T10:30:00Z"), 3)).toBe("marked");
  });
});

describe("words", () => {
  it("writes times and sessions as people say them", () => {
    expect(formatClock("10:00")).toBe("10am");
    expect(formatClock("14:30")).toBe("2:30pm");
    expect(formatClock("12:00")).toBe("midday");
    expect(sessionLine(session("2027-01-11"))).toBe("Monday 11 January 2027, 10am to midday, Park Wood Community Hub");
    expect(sessionLine({ ...session("2027-01-12", "13:00", "15:00"), place: null, on_bus: 1 })).toBe("Tuesday 12 January 2027, 1pm to 3pm, on the digital bus");
  });

  it("sends every date in order", () => {
    const message = bookingMessage({ name: "Sam", title: "Getting online", provider: "Connect Kent", sessions: [session("2027-01-18"), session("2027-01-11")] });
    expect(message.subject).toBe("Your place on Getting online");
    expect(message.body.indexOf("11 January")).toBeLessThan(message.body.indexOf("18 January"));
    expect(message.body).toContain("Hello Sam, you have a place on Getting online with Connect Kent.");
  });

  it("fits a long course into a text by counting the dates that do not fit", () => {
    const twenty = weeklyDates("2027-01-11", 12).map((date) => session(date));
    const text = bookingMessage({ name: "Sam", title: "Getting online", provider: "Connect Kent", sessions: twenty, maxLength: 600 });
    expect(text.body.length).toBeLessThanOrEqual(600);
    expect(text.body).toMatch(/- and \d+ more sessions: ask the course for the full list/);
    expect(text.body).toContain("Monday 11 January 2027");
    expect(bookingMessage({ name: "Sam", title: "Getting online", provider: "Connect Kent", sessions: twenty }).body).not.toContain("more sessions");
  });
});
