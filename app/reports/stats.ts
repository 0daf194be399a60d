/** Small arithmetic for report figures, kept apart so each rule is tested once. */

/** The middle value (the mean of the middle two for an even count); null when there are none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The median of values given with how often each occurs, as SQL GROUP BY returns them, without
 * expanding them into one entry per occurrence.
 */
export function weightedMedian(entries: readonly { value: number; count: number }[]): number | null {
  const sorted = entries.filter((e) => e.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, e) => sum + e.count, 0);
  if (total === 0) return null;
  const at = (position: number): number => {
    let seen = 0;
    for (const entry of sorted) {
      seen += entry.count;
      if (position < seen) return entry.value;
    }
    return sorted[sorted.length - 1].value;
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

/** part ÷ whole, or null when the whole is 0 (a share of nothing is not 0%). */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** "37%", or "less than 1%" for a small non-zero share, or "–" when there is no share. */
export function formatShare(value: number | null): string {
  if (value === null) return "–";
  if (value > 0 && value < 0.005) return "less than 1%";
  return `${Math.round(value * 100)}%`;
}

const numberFormat = new Intl.NumberFormat("en-GB");

export function formatCount(value: number): string {
  return numberFormat.format(value);
}

/** Hours to one decimal place from minutes: "12.5". */
export function hoursFromMinutes(minutes: number): number {
  return Math.round((minutes / 60) * 10) / 10;
}

/** Whole calendar days from one date (YYYY-MM-DD) to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}
