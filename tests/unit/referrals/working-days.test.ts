import { describe, expect, it } from "vitest";
import calendarJson from "../../../content/calendar/bank-holidays-england-and-wales.json";
import {
  addWorkingDays,
  bankHolidayCoverage,
  bankHolidayOn,
  isWorkingDay,
  londonDate,
  parseBankHolidayCalendar,
  workingDaysBetween,
} from "~/referrals/working-days";

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
const fmt = (d: Date) => d.toISOString().slice(0, 10);
const plus = (iso: string, n: number) => {
  const d = day(iso);
  d.setUTCDate(d.getUTCDate() + n);
  return fmt(d);
};

/** Easter Sunday by the anonymous Gregorian algorithm, worked independently of the data file. */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const date = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`;
}

function firstMonday(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month - 1, 1, 12));
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return fmt(d);
}

function lastMonday(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0, 12));
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() - 1);
  return fmt(d);
}

const weekday = (iso: string) => day(iso).getUTCDay();
const nextMondayIfWeekend = (iso: string) => (weekday(iso) === 6 ? plus(iso, 2) : weekday(iso) === 0 ? plus(iso, 1) : iso);

/** The England and Wales rules, applied from scratch for one year. */
function expectedHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const christmas = `${year}-12-25`;
  const boxing = `${year}-12-26`;
  let christmasObserved = nextMondayIfWeekend(christmas);
  let boxingObserved = nextMondayIfWeekend(boxing);
  // When Christmas is on a Saturday, Christmas moves to Monday and Boxing Day (Sunday) to Tuesday.
  if (weekday(christmas) === 6) [christmasObserved, boxingObserved] = [plus(christmas, 2), plus(christmas, 3)];
  // When Christmas is on a Friday, Boxing Day (Saturday) moves to Monday.
  if (weekday(christmas) === 5) boxingObserved = plus(christmas, 3);
  return [
    nextMondayIfWeekend(`${year}-01-01`),
    plus(easter, -2),
    plus(easter, 1),
    firstMonday(year, 5),
    lastMonday(year, 5),
    lastMonday(year, 8),
    christmasObserved,
    boxingObserved,
  ];
}

describe("the England and Wales bank holiday data", () => {
  it("works out Easter Sunday as the brief gives it", () => {
    expect([2024, 2025, 2026, 2027, 2028].map(easterSunday)).toEqual(["2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28", "2028-04-16"]);
  });

  it("lists exactly the 2026 bank holidays, with Boxing Day's substitute on Monday 28 December", () => {
    const dates = calendarJson.holidays.map((h) => h.date).filter((d) => d.startsWith("2026"));
    expect(dates).toEqual(["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"]);
    expect(bankHolidayOn("2026-12-28")).toBe("Boxing Day (substitute day)");
  });

  it.each([2024, 2025, 2026, 2027, 2028])("matches the rules for %i, substitute days included", (year) => {
    const dates = calendarJson.holidays.map((h) => h.date).filter((d) => d.startsWith(String(year)));
    expect(dates).toEqual(expectedHolidays(year));
  });

  it("has the 2027 and 2028 substitute days", () => {
    expect(bankHolidayOn("2027-12-27")).toBe("Christmas Day (substitute day)");
    expect(bankHolidayOn("2027-12-28")).toBe("Boxing Day (substitute day)");
    expect(bankHolidayOn("2028-01-03")).toBe("New Year's Day (substitute day)");
    expect(bankHolidayOn("2028-01-01")).toBeNull();
  });

  it("covers 2024 to 2028", () => {
    expect(bankHolidayCoverage).toEqual({ from: "2024-01-01", to: "2028-12-31" });
  });
});

describe("checking a bank holiday file", () => {
  const good = () => structuredClone(calendarJson) as { holidays: { date: string; title: string }[] };

  it("names the file, the holiday and the field when a title is empty", () => {
    const data = good();
    data.holidays[2].title = " ";
    expect(() => parseBankHolidayCalendar(data, "holidays.json")).toThrow('holidays.json: holiday 2024-04-01, field "title" is empty');
  });

  it("refuses a holiday on a weekend, which would mean a missing substitute day", () => {
    const data = good();
    data.holidays[6].date = "2026-12-26";
    expect(() => parseBankHolidayCalendar(data, "holidays.json")).toThrow(/holiday 2026-12-26, field "date" falls on a weekend/);
  });

  it("refuses a date that does not exist, or is listed twice, or falls outside the coverage", () => {
    const impossible = good();
    impossible.holidays[0].date = "2024-02-30";
    expect(() => parseBankHolidayCalendar(impossible)).toThrow(/bank-holidays-england-and-wales\.json: holiday 2024-02-30, field "date" must be a real date/);
    const twice = good();
    twice.holidays[1].date = twice.holidays[0].date;
    expect(() => parseBankHolidayCalendar(twice)).toThrow(/holiday 2024-01-01, field "date" is listed twice/);
    const outside = good();
    outside.holidays[0].date = "2030-01-01";
    expect(() => parseBankHolidayCalendar(outside)).toThrow(/holiday 2030-01-01, field "date" is outside the coverage/);
  });

  it("refuses unknown fields", () => {
    expect(() => parseBankHolidayCalendar({ ...good(), extra: true })).toThrow(/\(top level\)/);
  });
});

describe("dates in Europe/London", () => {
  it("reads a late summer evening as that day, not the UTC day before or after", () => {
    expect(londonDate("2026-06-30T23:30:00Z")).toBe("2026-07-01");
    expect(londonDate(new Date("2026-12-31T23:30:00Z"))).toBe("2026-12-31");
  });

  it("takes a plain date as it is, and refuses what is not a date", () => {
    expect(londonDate("2026-12-24")).toBe("2026-12-24");
    expect(() => londonDate("2026-02-30")).toThrow(RangeError);
    expect(() => londonDate("2026-13-45")).toThrow(RangeError);
    expect(() => londonDate("tomorrow")).toThrow(RangeError);
  });
});

describe("isWorkingDay", () => {
  it.each([
    ["2026-12-24", true, "Christmas Eve, a Thursday"],
    ["2026-12-25", false, "Christmas Day"],
    ["2026-12-26", false, "Saturday"],
    ["2026-12-27", false, "Sunday"],
    ["2026-12-28", false, "Boxing Day substitute"],
    ["2026-12-29", true, "Tuesday after"],
    ["2027-01-01", false, "New Year's Day"],
    ["2026-04-03", false, "Good Friday"],
    ["2026-04-06", false, "Easter Monday"],
  ])("%s is %s (%s)", (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it("uses the London date of a moment: 23:30 UTC on Sunday 24 May 2026 is already the spring bank holiday", () => {
    expect(isWorkingDay("2026-05-24T23:30:00Z")).toBe(false);
    expect(isWorkingDay("2026-05-26T07:00:00Z")).toBe(true);
  });

  it("skips only weekends after the data runs out", () => {
    expect(isWorkingDay("2029-01-01")).toBe(true);
    expect(isWorkingDay("2029-01-06")).toBe(false);
  });
});

describe("addWorkingDays", () => {
  it("counts from Christmas Eve 2026 over Christmas, the weekend, the substitute day and New Year", () => {
    expect(addWorkingDays("2026-12-24", 1)).toBe("2026-12-29");
    expect(addWorkingDays("2026-12-24", 5)).toBe("2027-01-05");
    expect(addWorkingDays("2026-12-24", 10)).toBe("2027-01-12");
  });

  it("counts backwards for a negative number and stays put for zero", () => {
    expect(addWorkingDays("2026-12-29", -1)).toBe("2026-12-24");
    expect(addWorkingDays("2026-12-26", 0)).toBe("2026-12-26");
  });

  it("refuses part of a day", () => {
    expect(() => addWorkingDays("2026-12-24", 1.5)).toThrow(RangeError);
  });
});

describe("workingDaysBetween", () => {
  it("counts the working days after the first date up to and including the second", () => {
    expect(workingDaysBetween("2026-03-02", "2026-03-02")).toBe(0);
    expect(workingDaysBetween("2026-03-06", "2026-03-09")).toBe(1);
    expect(workingDaysBetween("2026-04-02", "2026-04-07")).toBe(1);
    expect(workingDaysBetween("2026-12-24T16:00:00Z", "2027-01-05T09:00:00Z")).toBe(5);
  });

  it("is negative when the second date is earlier", () => {
    expect(workingDaysBetween("2027-01-05", "2026-12-24")).toBe(-5);
  });

  it("agrees with addWorkingDays on every day of 2026", () => {
    for (let i = 0; i < 365; i++) {
      const start = plus("2026-01-01", i);
      expect(workingDaysBetween(start, addWorkingDays(start, 7))).toBe(7);
    }
  });
});
