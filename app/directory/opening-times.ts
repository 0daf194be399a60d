/**
 * Opening times for people: whether a service is open now, when its next session is, and which
 * weekdays it runs on. Times are read as the London clock, across the change to and from BST.
 */
import { WEEKDAYS, type Weekday, addDays, londonToInstant, toLondon, weekdayIndex } from "./opening-times-calendar";
import { type ScheduleRule, anchorOf, clockMinutes, clockText, isRecurring, occursOn, parseByday } from "./opening-times-rules";

export { WEEKDAYS, type Weekday } from "./opening-times-calendar";
export { type ScheduleRule, occursOn } from "./opening-times-rules";
export { formatClock, summariseSchedules } from "./opening-times-summary";

export interface Session {
  /** London date, "YYYY-MM-DD". */
  date: string;
  start: Date;
  end: Date | null;
  /** "09:30" on the London clock, or null when the schedule gives no hours. */
  opensAt: string | null;
  closesAt: string | null;
  place: string | null;
}

function sessionOn(rule: ScheduleRule, date: string): Session | null {
  if (!occursOn(rule, date)) return null;
  const opens = clockMinutes(rule.opens_at, date);
  let closes = clockMinutes(rule.closes_at, date);
  // A closing time at or before the opening time is past midnight (an evening session to 1am).
  if (opens !== null && closes !== null && closes <= opens) closes += 1440;
  return {
    date,
    start: londonToInstant(date, opens ?? 0),
    end: closes === null ? null : londonToInstant(date, closes),
    opensAt: opens === null ? null : clockText(opens),
    closesAt: closes === null ? null : clockText(closes),
    place: rule.place ?? null,
  };
}

/** The session running at `now`, if any; only sessions with both times given can be "open now". */
export function currentSession(rules: ScheduleRule[], now: Date): Session | null {
  const today = toLondon(now).date;
  for (const date of [addDays(today, -1), today]) {
    for (const rule of rules) {
      const session = sessionOn(rule, date);
      if (session?.opensAt && session.end && session.start <= now && now < session.end) return session;
    }
  }
  return null;
}

export function isOpenNow(rules: ScheduleRule[], now: Date): boolean {
  return currentSession(rules, now) !== null;
}

/** The first session starting after `now`, looking ahead `horizonDays` (a quarter by default). */
export function nextSession(rules: ScheduleRule[], now: Date, horizonDays = 92): Session | null {
  const today = toLondon(now).date;
  for (let offset = 0; offset <= horizonDays; offset++) {
    const date = addDays(today, offset);
    let best: Session | null = null;
    for (const rule of rules) {
      const session = sessionOn(rule, date);
      if (!session) continue;
      // Without hours a session today cannot be placed before or after now, so only later days count.
      const upcoming = session.opensAt ? session.start > now : offset > 0;
      if (upcoming && (!best || session.start < best.start)) best = session;
    }
    if (best) return best;
  }
  return null;
}

/** Weekdays a service runs on, weekly or monthly, for the search filter "open on a Tuesday". */
export function openingDays(rules: ScheduleRule[]): Weekday[] {
  const days = new Set<number>();
  for (const rule of rules) {
    if (!isRecurring(rule)) continue;
    const dayRules = parseByday(rule.byday);
    for (const d of dayRules) days.add(d.weekday);
    const anchor = anchorOf(rule);
    if (dayRules.length === 0 && rule.freq?.toUpperCase() === "WEEKLY" && anchor) days.add(weekdayIndex(anchor));
  }
  return [...days].sort().map((i) => WEEKDAYS[i]);
}
