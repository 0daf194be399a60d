/**
 * Calendar arithmetic in Europe/London. Opening times are wall-clock times in the UK, so "is it
 * open now" has to read the clock as people in Kent see it, across the change to and from BST.
 * Civil dates are "YYYY-MM-DD" strings; arithmetic on them runs in UTC, where days never skip.
 */

export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const formatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

export interface LondonMoment {
  date: string;
  /** Minutes since local midnight. */
  minutes: number;
}

export function toLondon(instant: Date): LondonMoment {
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(instant)) parts[part.type] = part.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

function utcMidnight(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

/** London's offset from UTC in minutes at an instant: 0 in winter, 60 in summer. */
function londonOffsetMinutes(instantMs: number): number {
  const local = toLondon(new Date(instantMs));
  const asUtc = utcMidnight(local.date) + local.minutes * 60_000;
  return Math.round((asUtc - Math.floor(instantMs / 60_000) * 60_000) / 60_000);
}

/**
 * The instant a London wall-clock time happens. Reading the offset twice settles times near a
 * clock change; a reading inside the hour skipped or repeated (between 1am and 2am on those
 * Sundays) resolves to the later instant, which no opening time in practice falls in.
 */
export function londonToInstant(date: string, minutes: number): Date {
  const wall = utcMidnight(date) + minutes * 60_000;
  const guess = wall - londonOffsetMinutes(wall) * 60_000;
  return new Date(wall - londonOffsetMinutes(guess) * 60_000);
}

export function addDays(date: string, days: number): string {
  return new Date(utcMidnight(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/** 0 for Monday to 6 for Sunday. */
export function weekdayIndex(date: string): number {
  return (new Date(utcMidnight(date)).getUTCDay() + 6) % 7;
}

export function daysInMonth(date: string): number {
  const [y, m] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / 86_400_000);
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "Tuesday 3 June 2025", the GOV.UK style (ICU's en-GB would add a comma after the weekday). */
export function formatLongDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  const weekday = WEEKDAYS[weekdayIndex(date)];
  return `${weekday[0].toUpperCase()}${weekday.slice(1)} ${d} ${MONTHS[m - 1]} ${y}`;
}
