/**
 * Reading Open Referral UK schedules: the iCal subset ORUK uses (WEEKLY or MONTHLY, byday such
 * as "MO,TU" or "1TU", bymonthday, interval counted from dtstart) and which dates it falls on.
 */
import { addDays, daysBetween, daysInMonth, toLondon, weekdayIndex } from "./opening-times-calendar";

/** The schedule fields this module reads; a schedule row from the database fits as it is. */
export interface ScheduleRule {
  freq?: string | null;
  interval?: number | null;
  byday?: string | null;
  bymonthday?: string | null;
  opens_at?: string | null;
  closes_at?: string | null;
  valid_from?: string | null;
  valid_to?: string | null;
  dtstart?: string | null;
  until?: string | null;
  description?: string | null;
  /** Where the session happens, for a schedule tied to one of the service's locations. */
  place?: string | null;
}

export const DAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

export interface DayRule {
  weekday: number;
  /** 1 for the first in the month, -1 for the last; null for every one. */
  ordinal: number | null;
}

export function parseByday(byday: string | null | undefined): DayRule[] {
  const rules: DayRule[] = [];
  for (const part of (byday ?? "").toUpperCase().split(",")) {
    const match = /^\s*([+-]?\d)?\s*(MO|TU|WE|TH|FR|SA|SU)\s*$/.exec(part);
    if (match) rules.push({ weekday: DAY_CODES.indexOf(match[2]), ordinal: match[1] ? Number(match[1]) : null });
  }
  return rules;
}

export function parseMonthdays(bymonthday: string | null | undefined): number[] {
  return (bymonthday ?? "")
    .split(",")
    .map((part) => Number(part.trim()))
    .filter((n) => Number.isInteger(n) && n !== 0 && Math.abs(n) <= 31);
}

export const dateOf = (value: string | null | undefined) => (value ? value.slice(0, 10) : null);

/** Minutes on the London clock that a schedule time means on a given date ("09:30Z" shifts in summer). */
export function clockMinutes(time: string | null | undefined, date: string): number | null {
  const match = /^(\d{1,2}):(\d{2})(?::\d{2})?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(time?.trim() ?? "");
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (!match[3]) return minutes;
  const zone = match[3].toUpperCase();
  const offset =
    zone === "Z" ? 0 : (zone.startsWith("-") ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  const instant = new Date(Date.parse(`${date}T00:00:00Z`) + (minutes - offset) * 60_000);
  const local = toLondon(instant);
  return local.minutes + 1440 * daysBetween(date, local.date);
}

const pad = (n: number) => String(n).padStart(2, "0");
export const clockText = (minutes: number) => `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;

export function anchorOf(rule: ScheduleRule): string | null {
  return dateOf(rule.dtstart) ?? dateOf(rule.valid_from);
}

export function isRecurring(rule: ScheduleRule): boolean {
  const freq = rule.freq?.toUpperCase();
  return freq === "WEEKLY" || freq === "MONTHLY";
}

function withinValidity(rule: ScheduleRule, date: string): boolean {
  const from = dateOf(rule.valid_from);
  const to = dateOf(rule.valid_to);
  const start = dateOf(rule.dtstart);
  const until = dateOf(rule.until);
  return !(from && date < from) && !(to && date > to) && !(start && date < start) && !(until && date > until);
}

function occursWeekly(rule: ScheduleRule, date: string): boolean {
  const anchor = anchorOf(rule);
  const days = parseByday(rule.byday).map((d) => d.weekday);
  const weekday = weekdayIndex(date);
  if (days.length === 0 ? !anchor || weekdayIndex(anchor) !== weekday : !days.includes(weekday)) return false;
  const interval = Math.max(1, rule.interval ?? 1);
  if (interval === 1) return true;
  if (!anchor) return false;
  const weeks = Math.floor(daysBetween(addDays(anchor, -weekdayIndex(anchor)), addDays(date, -weekday)) / 7);
  return weeks % interval === 0;
}

function occursMonthly(rule: ScheduleRule, date: string): boolean {
  const anchor = anchorOf(rule);
  const day = Number(date.slice(8, 10));
  const length = daysInMonth(date);
  const dayRules = parseByday(rule.byday);
  const monthdays = parseMonthdays(rule.bymonthday);
  const weekday = weekdayIndex(date);
  const bydayHit = dayRules.some(
    (r) =>
      r.weekday === weekday &&
      (r.ordinal === null ||
        (r.ordinal > 0 ? Math.ceil(day / 7) === r.ordinal : Math.floor((length - day) / 7) + 1 === -r.ordinal)),
  );
  const monthdayHit = monthdays.some((n) => (n > 0 ? n === day : length + n + 1 === day));
  let hit: boolean;
  // iCal: both parts given means both must hold ("the Friday that falls on the 13th").
  if (dayRules.length > 0 && monthdays.length > 0) hit = bydayHit && monthdayHit;
  else if (dayRules.length > 0) hit = bydayHit;
  else if (monthdays.length > 0) hit = monthdayHit;
  else hit = anchor !== null && Number(anchor.slice(8, 10)) === day;
  if (!hit) return false;
  const interval = Math.max(1, rule.interval ?? 1);
  if (interval === 1) return true;
  if (!anchor) return false;
  const months = (Number(date.slice(0, 4)) - Number(anchor.slice(0, 4))) * 12 + Number(date.slice(5, 7)) - Number(anchor.slice(5, 7));
  return months % interval === 0;
}

/** Whether a schedule has a session on a London date; a schedule with no rule is a one-off on dtstart. */
export function occursOn(rule: ScheduleRule, date: string): boolean {
  if (!withinValidity(rule, date)) return false;
  const freq = rule.freq?.toUpperCase();
  if (freq === "WEEKLY") return occursWeekly(rule, date);
  if (freq === "MONTHLY") return occursMonthly(rule, date);
  return dateOf(rule.dtstart) === date;
}
