/**
 * Regular hours in plain English, in the style GOV.UK uses for times and days:
 * "Monday to Friday, 9am to 5pm", "Every Tuesday, 10am to 1pm at Headcorn Village Hall",
 * "First Tuesday of the month, 10am to midday".
 */
import { WEEKDAYS, formatLongDate, toLondon, weekdayIndex } from "./opening-times-calendar";
import {
  type DayRule,
  type ScheduleRule,
  anchorOf,
  clockMinutes,
  clockText,
  dateOf,
  parseByday,
  parseMonthdays,
} from "./opening-times-rules";

const DAY_NAMES = WEEKDAYS.map((d) => d[0].toUpperCase() + d.slice(1));
const ORDINAL_WORDS: Record<string, string> = {
  "1": "first",
  "2": "second",
  "3": "third",
  "4": "fourth",
  "5": "fifth",
  "-1": "last",
  "-2": "second to last",
};

/** "09:00" → "9am", "09:30" → "9:30am", "12:00" → "midday", "00:00" → "midnight". */
export function formatClock(time: string): string {
  const [h, m] = time.split(":").map(Number);
  if (m === 0 && h === 12) return "midday";
  if (m === 0 && h % 24 === 0) return "midnight";
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${hour12}${m === 0 ? "" : `:${String(m).padStart(2, "0")}`}${h % 24 < 12 ? "am" : "pm"}`;
}

function joinWithAnd(items: string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

const capitalise = (text: string) => text[0].toUpperCase() + text.slice(1);

/** Runs of three or more days read as a range: [0,1,2,3,4,6] → "Monday to Friday and Sunday". */
function dayList(days: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j] + 1) j++;
    if (j - i >= 2) parts.push(`${DAY_NAMES[days[i]]} to ${DAY_NAMES[days[j]]}`);
    else for (let k = i; k <= j; k++) parts.push(DAY_NAMES[days[k]]);
    i = j + 1;
  }
  return joinWithAnd(parts);
}

function weeklyPhrase(days: number[], interval: number): string {
  if (interval === 2) return `Every other ${days.length === 1 ? DAY_NAMES[days[0]] : `week on ${dayList(days)}`}`;
  if (interval > 2) return `Every ${interval} weeks on ${dayList(days)}`;
  if (days.length === 7) return "Every day";
  return days.length === 1 ? `Every ${DAY_NAMES[days[0]]}` : dayList(days);
}

function ordinalMonthday(n: number): string {
  if (n === -1) return "last day";
  if (n < 0) return `${ORDINAL_WORDS[String(n)] ?? `${-n}th to last`} day`;
  const suffix = n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd" : n % 10 === 3 && n !== 13 ? "rd" : "th";
  return `${n}${suffix}`;
}

function monthlyPhrase(dayRules: DayRule[], monthdays: number[], interval: number): string {
  const ofThe = interval === 2 ? "of every other month" : interval > 2 ? `of every ${interval} months` : "of the month";
  const monthdayText = joinWithAnd(monthdays.map(ordinalMonthday));
  if (dayRules.length === 0) return `${capitalise(monthdays.length ? `the ${monthdayText}` : "once a month")} ${ofThe}`;
  const byWeekday = new Map<number, string[]>();
  for (const rule of dayRules) {
    const words = byWeekday.get(rule.weekday) ?? [];
    words.push(rule.ordinal === null ? "every" : (ORDINAL_WORDS[String(rule.ordinal)] ?? `${rule.ordinal}th`));
    byWeekday.set(rule.weekday, words);
  }
  const phrase = joinWithAnd([...byWeekday].map(([weekday, words]) => `${joinWithAnd(words)} ${DAY_NAMES[weekday]}`));
  const onDays = monthdays.length ? ` that falls on the ${monthdayText}` : "";
  return `${capitalise(phrase)}${onDays} ${ofThe}`;
}

function hoursPhrase(rule: ScheduleRule, today: string): string {
  const opens = clockMinutes(rule.opens_at, today);
  const closes = clockMinutes(rule.closes_at, today);
  if (opens === null) return "";
  const from = formatClock(clockText(opens));
  return closes === null ? `from ${from}` : `${from} to ${formatClock(clockText(closes))}`;
}

function line(when: string, hours: string, place: string | null | undefined): string {
  return `${when}${hours ? `, ${hours}` : ""}${place ? ` at ${place}` : ""}`;
}

/**
 * One line per pattern of opening. Weekly schedules with the same hours and place merge, so a
 * feed with one schedule per weekday reads "Monday to Friday, 9am to 5pm". Schedules that have
 * ended by `now` are left out; a schedule with no rule falls back to its description.
 */
export function summariseSchedules(rules: ScheduleRule[], now: Date): string[] {
  const today = toLondon(now).date;
  const current = rules.filter((r) => {
    const end = [dateOf(r.valid_to), dateOf(r.until)].filter(Boolean).sort()[0];
    return !end || end >= today;
  });
  const weekly = new Map<string, { days: Set<number>; hours: string; place: string | null | undefined }>();
  const others: string[] = [];
  for (const rule of current) {
    const freq = rule.freq?.toUpperCase();
    const interval = Math.max(1, rule.interval ?? 1);
    const hours = hoursPhrase(rule, today);
    const anchor = anchorOf(rule);
    const listed = parseByday(rule.byday).map((d) => d.weekday);
    const days = listed.length === 0 && freq === "WEEKLY" && anchor ? [weekdayIndex(anchor)] : listed;
    if (freq === "WEEKLY" && interval === 1 && days.length > 0) {
      const key = `${hours}|${rule.place ?? ""}`;
      const group = weekly.get(key) ?? { days: new Set<number>(), hours, place: rule.place };
      for (const d of days) group.days.add(d);
      weekly.set(key, group);
    } else if (freq === "WEEKLY" && days.length > 0) {
      others.push(line(weeklyPhrase(days, interval), hours, rule.place));
    } else if (freq === "MONTHLY") {
      const text = monthlyPhrase(parseByday(rule.byday), parseMonthdays(rule.bymonthday), interval);
      others.push(line(text, hours, rule.place));
    } else if (!freq && dateOf(rule.dtstart)) {
      others.push(line(formatLongDate(dateOf(rule.dtstart)!), hours, rule.place));
    } else if (rule.description?.trim()) {
      others.push(rule.description.trim());
    }
  }
  const weeklyLines = [...weekly.values()]
    .map((g) => ({ first: Math.min(...g.days), text: line(weeklyPhrase([...g.days].sort(), 1), g.hours, g.place) }))
    .sort((a, b) => a.first - b.first)
    .map((g) => g.text);
  return [...weeklyLines, ...others];
}
