/**
 * Working days in England and Wales: Monday to Friday, less bank holidays. The chasers count in
 * working days because a provider cannot be expected to answer over a bank holiday weekend.
 *
 * Every date is taken as a calendar date in Europe/London: a referral sent at 23:30 on a summer
 * evening (22:30 UTC) was sent that evening, not the day before.
 */
import { z } from "zod";
import calendarJson from "../../content/calendar/bank-holidays-england-and-wales.json";

/** A calendar date, "YYYY-MM-DD". */
export type CalendarDate = string;
/** A calendar date, an ISO-8601 timestamp, or a Date. Timestamps are read in Europe/London. */
export type DateInput = Date | string;

const CALENDAR_FILE = "content/calendar/bank-holidays-england-and-wales.json";
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

function toUtcNoon(date: CalendarDate): Date {
  return new Date(`${date}T12:00:00Z`);
}

function isRealCalendarDate(value: string): boolean {
  if (!CALENDAR_DATE.test(value)) return false;
  const parsed = toUtcNoon(value);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

function isWeekend(date: CalendarDate): boolean {
  const day = toUtcNoon(date).getUTCDay();
  return day === 0 || day === 6;
}

const calendarDate = z.string().refine(isRealCalendarDate, "must be a real date written YYYY-MM-DD");

const calendarSchema = z
  .object({
    division: z.literal("england-and-wales"),
    source: z.string().min(1),
    coverage: z.object({ from: calendarDate, to: calendarDate }).strict(),
    holidays: z.array(
      z
        .object({
          date: calendarDate.refine((d) => !isWeekend(d), "falls on a weekend (use the substitute weekday)"),
          title: z.string().trim().min(1, "is empty"),
        })
        .strict(),
    ),
  })
  .strict()
  .superRefine((calendar, ctx) => {
    const seen = new Set<string>();
    calendar.holidays.forEach((holiday, index) => {
      if (seen.has(holiday.date)) ctx.addIssue({ code: "custom", path: ["holidays", index, "date"], message: "is listed twice" });
      seen.add(holiday.date);
      if (holiday.date < calendar.coverage.from || holiday.date > calendar.coverage.to) {
        ctx.addIssue({ code: "custom", path: ["holidays", index, "date"], message: "is outside the coverage dates" });
      }
    });
  });

export type BankHolidayCalendar = z.infer<typeof calendarSchema>;

/** Checks a calendar file; the error names the file, the holiday (by its date) and the field. */
export function parseBankHolidayCalendar(data: unknown, fileName = CALENDAR_FILE): BankHolidayCalendar {
  const result = calendarSchema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const [section, index, field] = issue.path;
  let where = issue.path.join(".") || "(top level)";
  if (section === "holidays" && typeof index === "number") {
    const item = (data as { holidays?: Array<{ date?: unknown }> }).holidays?.[index];
    const id = typeof item?.date === "string" ? item.date : `item ${index + 1}`;
    where = `holiday ${id}, field "${String(field ?? "(whole item)")}"`;
  }
  throw new Error(`${fileName}: ${where} ${issue.message}`);
}

const calendar = parseBankHolidayCalendar(calendarJson);
const holidayTitles = new Map(calendar.holidays.map((h) => [h.date, h.title]));

/**
 * The years the bank holiday list covers. Outside them only weekends are skipped, so the
 * chasers keep running if the list is not renewed in time; renew it well before `to`.
 */
export const bankHolidayCoverage: { from: CalendarDate; to: CalendarDate } = calendar.coverage;

const londonParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in Europe/London of a moment, or the date itself if given "YYYY-MM-DD". */
export function londonDate(input: DateInput): CalendarDate {
  if (typeof input === "string" && CALENDAR_DATE.test(input)) {
    if (!isRealCalendarDate(input)) throw new RangeError(`Not a real date: ${input}`);
    return input;
  }
  const instant = typeof input === "string" ? new Date(input) : input;
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a date or time: ${String(input)}`);
  const parts = Object.fromEntries(londonParts.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

function shiftDays(date: CalendarDate, days: number): CalendarDate {
  const next = toUtcNoon(date);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/** The bank holiday's name (e.g. "Boxing Day (substitute day)"), or null on any other day. */
export function bankHolidayOn(date: DateInput): string | null {
  return holidayTitles.get(londonDate(date)) ?? null;
}

export function isWorkingDay(date: DateInput): boolean {
  const day = londonDate(date);
  return !isWeekend(day) && !holidayTitles.has(day);
}

/**
 * The calendar date `n` working days after `date` (before it, if `n` is negative). With n = 0
 * the date itself comes back, working day or not.
 */
export function addWorkingDays(date: DateInput, n: number): CalendarDate {
  if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays needs a whole number of days, not ${n}`);
  let day = londonDate(date);
  const step = n < 0 ? -1 : 1;
  for (let remaining = Math.abs(n); remaining > 0; ) {
    day = shiftDays(day, step);
    if (isWorkingDay(day)) remaining--;
  }
  return day;
}

/**
 * How many working days have passed from `a` to `b`: the working days after a's date up to and
 * including b's date. Same day gives 0; if `b` is before `a` the count is negative.
 */
export function workingDaysBetween(a: DateInput, b: DateInput): number {
  const from = londonDate(a);
  const to = londonDate(b);
  if (to < from) return -workingDaysBetween(to, from);
  let count = 0;
  for (let day = shiftDays(from, 1); day <= to; day = shiftDays(day, 1)) {
    if (isWorkingDay(day)) count++;
  }
  return count;
}
