/**
 * Courses and their sessions, as plain logic: when a session is over, which come next, how many
 * places are left and what a register's state is. Sessions are UK wall-clock dates and times (as
 * a provider writes them on a poster), read against the clock as people in Kent see it.
 */
import { addDays, londonToInstant } from "~/directory/opening-times-calendar";

export const COURSE_STATUSES = ["draft", "published"] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

/** Where a booking came from: an assisted plan, a referral, or a walk-in added on the register. */
export const BOOKING_SOURCES = ["plan", "referral", "walk-in"] as const;
export type BookingSource = (typeof BOOKING_SOURCES)[number];

export const SEND_DATES_BY = ["sms", "email", "none"] as const;
export type SendDatesBy = (typeof SEND_DATES_BY)[number];

/** The most sessions one course may have: Citizenzone's five, with plenty of room. */
export const MAX_SESSIONS = 20;
export const MAX_WEEKS = 12;

export interface SessionTimes {
  date: string;
  starts_at: string;
  ends_at: string;
}

export interface SessionPlace {
  place: string | null;
  on_bus: number | boolean;
}

export type AttendanceState = "upcoming" | "to-mark" | "marked";

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(":").map(Number);
  return hours * 60 + minutes;
}

/** The same time of day on `first` and the `weeks - 1` weeks after it. */
export function weeklyDates(first: string, weeks: number): string[] {
  return Array.from({ length: Math.max(1, weeks) }, (_, week) => addDays(first, week * 7));
}

export function sessionStart(session: SessionTimes): Date {
  return londonToInstant(session.date, minutesOf(session.starts_at));
}

export function sessionEnd(session: SessionTimes): Date {
  return londonToInstant(session.date, minutesOf(session.ends_at));
}

export function bySessionTime<T extends SessionTimes>(a: T, b: T): number {
  return `${a.date}T${a.starts_at}`.localeCompare(`${b.date}T${b.starts_at}`);
}

/** Sessions not yet finished, soonest first; a session under way still counts as next. */
export function upcomingSessions<T extends SessionTimes>(sessions: readonly T[], now: Date, limit = Infinity): T[] {
  return sessions
    .filter((s) => sessionEnd(s).getTime() > now.getTime())
    .sort(bySessionTime)
    .slice(0, limit);
}

/**
 * Places left on a course: a booking takes a place on every session, so the smallest session
 * still to come decides. Null when no session is to come, so there is nothing to book onto.
 */
export function placesLeft(sessions: ReadonlyArray<SessionTimes & { capacity: number }>, booked: number, now: Date): number | null {
  const ahead = upcomingSessions(sessions, now);
  if (ahead.length === 0) return null;
  return Math.max(0, Math.min(...ahead.map((s) => s.capacity)) - booked);
}

/** A register can be marked once the session has started; it is "marked" once anyone is recorded. */
export function attendanceState(session: SessionTimes, now: Date, markedCount: number): AttendanceState {
  if (markedCount > 0) return "marked";
  return sessionStart(session).getTime() <= now.getTime() ? "to-mark" : "upcoming";
}

export const ATTENDANCE_LABELS: Record<AttendanceState, string> = {
  upcoming: "Not started",
  "to-mark": "To mark",
  marked: "Marked",
};

const longDate = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "long", day: "numeric", month: "long", year: "numeric" });

/** "Monday 11 January 2027". */
export function formatSessionDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return longDate.format(new Date(Date.UTC(y, m - 1, d))).replace(",", "");
}

/** "10am", "2:30pm", "midday", as GOV.UK writes times. */
export function formatClock(clock: string): string {
  const [hours, minutes] = clock.split(":").map(Number);
  if (hours === 12 && minutes === 0) return "midday";
  if (hours === 0 && minutes === 0) return "midnight";
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${hour12}${minutes === 0 ? "" : `:${String(minutes).padStart(2, "0")}`}${hours < 12 ? "am" : "pm"}`;
}

export function formatPlace(session: SessionPlace): string {
  return session.on_bus ? "on the digital bus" : (session.place ?? "");
}

/** "Monday 11 January 2027, 10am to midday, Park Wood Community Hub". */
export function sessionLine(session: SessionTimes & SessionPlace): string {
  const where = formatPlace(session);
  return `${formatSessionDate(session.date)}, ${formatClock(session.starts_at)} to ${formatClock(session.ends_at)}${where ? `, ${where}` : ""}`;
}

/**
 * The text or email a person gets when booked: what, who with, and every date. A long course may
 * not fit in a text (`maxLength`): then the first dates are listed and the rest counted.
 */
export function bookingMessage(input: { name: string; title: string; provider: string; sessions: ReadonlyArray<SessionTimes & SessionPlace>; maxLength?: number }): { subject: string; body: string } {
  const dates = [...input.sessions].sort(bySessionTime).map((s) => `- ${sessionLine(s)}`);
  const head = [`Hello ${input.name}, you have a place on ${input.title} with ${input.provider}.`, "", "Dates:"];
  const foot = ["", "If you cannot come, please tell the person who booked you."];
  const compose = (shown: number) => {
    const rest = dates.length - shown;
    const more = rest > 0 ? [`- and ${rest} more ${rest === 1 ? "session" : "sessions"}: ask the course for the full list`] : [];
    return [...head, ...dates.slice(0, shown), ...more, ...foot].join("\n");
  };
  let shown = dates.length;
  while (shown > 1 && input.maxLength !== undefined && compose(shown).length > input.maxLength) shown--;
  return { subject: `Your place on ${input.title}`, body: compose(shown) };
}
