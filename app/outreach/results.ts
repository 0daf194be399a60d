import { type PublishedCount, smallCountMarker, suppressSmallCounts } from "~/reports/disclosure";
import { SMALL_COUNT } from "./outreach";

/** Counts per recipient status, plus who followed the link and who then did a check or was referred. */
export interface RawResults {
  counts: Record<"queued" | "sending" | "sent" | "delivered" | "failed" | "opted-out" | "skipped", number>;
  clicked: number;
  followedUp: number;
}

export interface PublishedResults {
  rows: Array<{ label: string; value: PublishedCount }>;
  total: PublishedCount;
  clicked: PublishedCount;
  followedUp: PublishedCount;
}

const ROWS = [
  ["Delivered", (c: RawResults["counts"]) => c.delivered],
  ["Sent, no receipt yet", (c: RawResults["counts"]) => c.sent],
  ["Failed", (c: RawResults["counts"]) => c.failed],
  ["Stopped before sending", (c: RawResults["counts"]) => c["opted-out"]],
  ["Skipped, had a message recently", (c: RawResults["counts"]) => c.skipped],
  ["Waiting to send", (c: RawResults["counts"]) => c.queued + c.sending],
] as const;

/**
 * Campaign figures as senders and the board may see them: the same small-number rule as the
 * reports, so a count of one to four (and any cell that would give it away) is hidden.
 */
export function publishResults(raw: RawResults): PublishedResults {
  const table = suppressSmallCounts([ROWS.map(([, pick]) => pick(raw.counts))], { threshold: SMALL_COUNT });
  const alone = (n: number): PublishedCount => (n > 0 && n < SMALL_COUNT ? smallCountMarker(SMALL_COUNT) : n);
  return {
    rows: ROWS.map(([label], i) => ({ label, value: table.cells[0][i] })),
    total: table.rowTotals[0],
    clicked: alone(raw.clicked),
    followedUp: alone(raw.followedUp),
  };
}
