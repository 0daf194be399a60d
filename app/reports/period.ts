/**
 * Report periods: whole days in UK time, from one date to another inclusive. Presets are worked
 * out from "today" (passed in, so they can be tested) the way a board would read them.
 */

export const PERIOD_PRESETS = [
  { id: "last-3-months", label: "Last 3 months" },
  { id: "last-12-months", label: "Last 12 months" },
  { id: "this-financial-year", label: "This financial year (from 1 April)" },
  { id: "custom", label: "Choose dates" },
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number]["id"];
export const PERIOD_PRESET_IDS = PERIOD_PRESETS.map((p) => p.id) as [PeriodPreset, ...PeriodPreset[]];

export interface Period {
  /** YYYY-MM-DD, inclusive. */
  from: string;
  /** YYYY-MM-DD, inclusive. */
  to: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The same day `months` months earlier, or the month's last day when it has no such day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1, 12));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0, 12)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The UK financial year runs from 1 April to 31 March. */
export function financialYearStart(today: string): string {
  const [y, m] = today.split("-").map(Number);
  return `${m >= 4 ? y : y - 1}-04-01`;
}

/** The period a preset stands for, ending today. */
export function presetPeriod(preset: Exclude<PeriodPreset, "custom">, today: string): Period {
  switch (preset) {
    case "last-3-months":
      return { from: addDays(addMonths(today, -3), 1), to: today };
    case "last-12-months":
      return { from: addDays(addMonths(today, -12), 1), to: today };
    case "this-financial-year":
      return { from: financialYearStart(today), to: today };
  }
}

const londonParts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", hourCycle: "h23" });

/**
 * The instant (ISO 8601, UTC) a UK calendar day begins: midnight GMT in winter, 23:00 UTC the
 * evening before in summer. Timestamps are compared with this so a referral made at 00:30 BST
 * on 1 June counts in June.
 */
export function startOfUkDay(date: string): string {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  const offsetHours = Number(londonParts.format(new Date(utcMidnight)));
  return new Date(utcMidnight - offsetHours * 3_600_000).toISOString();
}

/** Timestamp bounds for a period: from its first instant, up to (not including) the day after it. */
export function periodInstants(period: Period): { fromInstant: string; toInstantExclusive: string } {
  return { fromInstant: startOfUkDay(period.from), toInstantExclusive: startOfUkDay(addDays(period.to, 1)) };
}

const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "1 April 2025 to 31 March 2026". */
export function describePeriod(period: Period): string {
  const format = (d: string) => longDate.format(new Date(`${d}T12:00:00Z`));
  return period.from === period.to ? format(period.from) : `${format(period.from)} to ${format(period.to)}`;
}

/** Each month the period touches, as YYYY-MM, in order. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  let month = period.from.slice(0, 7);
  const last = period.to.slice(0, 7);
  while (month <= last) {
    months.push(month);
    month = addMonths(`${month}-01`, 1).slice(0, 7);
  }
  return months;
}

const monthName = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

/** "Apr 2025". */
export function describeMonth(month: string): string {
  return monthName.format(new Date(`${month}-15T12:00:00Z`));
}

/** The last day of a month (YYYY-MM), YYYY-MM-DD. */
export function lastDayOfMonth(month: string): string {
  return addDays(addMonths(`${month}-01`, 1), -1);
}

export interface PeriodParts {
  /** The whole months inside the period, first and last (YYYY-MM), or null when there are none. */
  months: { first: string; last: string } | null;
  /** The days of the period outside those months: none, one or two runs, at its start and end. */
  days: Period[];
}

/**
 * A period as whole months and the days at its ends, so counts kept by month and by day can be
 * added up without counting any day twice or missing one.
 */
export function splitByWholeMonths(period: Period): PeriodParts {
  const first = period.from.endsWith("-01") ? period.from.slice(0, 7) : addMonths(`${period.from.slice(0, 7)}-01`, 1).slice(0, 7);
  const last = period.to === lastDayOfMonth(period.to.slice(0, 7)) ? period.to.slice(0, 7) : addMonths(`${period.to.slice(0, 7)}-01`, -1).slice(0, 7);
  if (first > last) return { months: null, days: [period] };
  const days: Period[] = [];
  if (period.from < `${first}-01`) days.push({ from: period.from, to: addDays(`${first}-01`, -1) });
  if (period.to > lastDayOfMonth(last)) days.push({ from: addDays(lastDayOfMonth(last), 1), to: period.to });
  return { months: { first, last }, days };
}
