/**
 * One report figure as data: labelled rows of counts, one or more columns of them. The page
 * draws it as a bar chart beside a table; the CSV export and the board summary publish it after
 * disclosure control (see disclose.ts).
 */

export const FIGURE_IDS = [
  "triage-modes",
  "barriers",
  "skills-levels",
  "goals",
  "referrals-made",
  "referral-statuses",
  "referral-categories",
  "referral-outcomes",
  "first-action",
  "referral-results",
  "people-helped",
  "training",
  "outreach-messages",
  "outreach-follow-up",
  "outreach-consents",
  "directory-health",
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

export function isFigureId(value: string): value is FigureId {
  return (FIGURE_IDS as readonly string[]).includes(value);
}

export interface FigureColumn {
  label: string;
  /**
   * "count" columns count people or things and are charted (stacked, when there are several);
   * an "amount" (such as hours) is shown in the table only, and hidden wherever the row's
   * count is, since a total of hours for one or two people is about those people.
   */
  kind: "count" | "amount";
}

/**
 * A published number written as a sum of the report's underlying counts, by name: "referrals
 * with consent" is the sum of the live referral counts by status and outcome. Disclosure control
 * uses these to see what numbers in different figures give away together (see publish-report.ts).
 */
export type Terms = Readonly<Record<string, number>>;

export interface FigureRow {
  key: string;
  label: string;
  values: number[];
  /** What each value adds up, one per column; without them each value stands on its own. */
  terms?: Terms[];
}

export interface Figure {
  id: FigureId;
  title: string;
  /** One or two sentences: what is counted and how, for the chart's description and the page. */
  description: string;
  /** What one counted item is, for the table heading: "Triages", "Referrals", "Listings". */
  unit: string;
  columns: FigureColumn[];
  rows: FigureRow[];
  /**
   * Every counted item is in exactly one row, so the rows add up to the whole (triage modes,
   * skills levels). Otherwise an item can be in several rows (barriers, goals) or none.
   */
  exclusive: boolean;
  /** The number shares are taken of, such as all triages in the period; null for no shares. */
  base: { label: string; value: number; terms?: Terms } | null;
  /** Counts of people (or of things done for people): disclosure control applies outside the coordinator's own view. */
  aboutPeople: boolean;
}

/** The sum of a row's count columns: its bar length and the figure shares are taken from. */
export function rowCount(figure: Pick<Figure, "columns">, row: FigureRow): number {
  return row.values.reduce((sum, value, i) => (figure.columns[i]?.kind === "count" ? sum + value : sum), 0);
}

export function figureTotal(figure: Figure): number {
  return figure.rows.reduce((sum, row) => sum + rowCount(figure, row), 0);
}

export function isEmptyFigure(figure: Figure): boolean {
  return figure.rows.every((row) => rowCount(figure, row) === 0);
}

/** A headline number at the top of the page. */
export interface KeyFigure {
  id: string;
  label: string;
  /** Already formatted for reading: "1,234", "3 days", "62%". */
  value: string;
  /** How many people or referrals the number rests on, for disclosure control. */
  basis: number;
  /** Whether the basis counts people; listings are not suppressed. */
  aboutPeople: boolean;
}
