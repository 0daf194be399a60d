/**
 * No outreach text arrives between 20:00 and 09:00 UK time. Emails wait in an inbox, so they
 * may go at any hour. Worked out in Europe/London so the rule holds across the clock change.
 */
export const QUIET_FROM_HOUR = 20;
export const QUIET_UNTIL_HOUR = 9;

const ukParts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "numeric", minute: "numeric", hourCycle: "h23" });

function ukHourAndMinute(at: Date): { hour: number; minute: number } {
  const parts = ukParts.formatToParts(at);
  return { hour: Number(parts.find((p) => p.type === "hour")?.value), minute: Number(parts.find((p) => p.type === "minute")?.value) };
}

export function inQuietHours(at: Date): boolean {
  const { hour } = ukHourAndMinute(at);
  return hour >= QUIET_FROM_HOUR || hour < QUIET_UNTIL_HOUR;
}

/** The first moment at or after `at` when a text may go: `at` itself outside quiet hours, else 09:00 UK time. */
export function nextTextAllowedAt(at: Date): Date {
  if (!inQuietHours(at)) return at;
  // Step forward a minute at a time to the first allowed minute: at most 13 hours, and exact whatever the offset.
  let probe = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
  while (inQuietHours(probe)) probe = new Date(probe.getTime() + 60_000);
  return probe;
}
