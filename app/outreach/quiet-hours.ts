/**
 * No outreach text arrives between 20:00 and 09:00 UK time, unless the partnership sets other
 * hours (OUTREACH_QUIET_HOURS). Emails wait in an inbox, so they may go at any hour. Worked out
 * in Europe/London so the rule holds across the clock change.
 */
export interface QuietHours {
  /** The UK hour quiet starts (0–23). */
  from: number;
  /** The UK hour texts may go again (0–23). */
  until: number;
}
export const DEFAULT_QUIET_HOURS: QuietHours = { from: 20, until: 9 };
export const QUIET_FROM_HOUR = DEFAULT_QUIET_HOURS.from;
export const QUIET_UNTIL_HOUR = DEFAULT_QUIET_HOURS.until;

/** "20-9" (from 20:00 until 09:00) or "none"; null for none, undefined if it is not either. */
export function parseQuietHours(text: string): QuietHours | null | undefined {
  if (text.trim() === "none") return null;
  const match = /^\s*(\d{1,2})\s*-\s*(\d{1,2})\s*$/.exec(text);
  if (!match) return undefined;
  const [from, until] = [Number(match[1]), Number(match[2])];
  return from <= 23 && until <= 23 && from !== until ? { from, until } : undefined;
}

const ukParts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "numeric", minute: "numeric", hourCycle: "h23" });

function ukHourAndMinute(at: Date): { hour: number; minute: number } {
  const parts = ukParts.formatToParts(at);
  return { hour: Number(parts.find((p) => p.type === "hour")?.value), minute: Number(parts.find((p) => p.type === "minute")?.value) };
}

export function inQuietHours(at: Date, hours: QuietHours | null = DEFAULT_QUIET_HOURS): boolean {
  if (!hours) return false;
  const { hour } = ukHourAndMinute(at);
  return hours.from > hours.until ? hour >= hours.from || hour < hours.until : hour >= hours.from && hour < hours.until;
}

/** The first moment at or after `at` when a text may go: `at` itself outside quiet hours, else 09:00 UK time. */
export function nextTextAllowedAt(at: Date): Date {
  if (!inQuietHours(at)) return at;
  // Step forward a minute at a time to the first allowed minute: at most 13 hours, and exact whatever the offset.
  let probe = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
  while (inQuietHours(probe)) probe = new Date(probe.getTime() + 60_000);
  return probe;
}
