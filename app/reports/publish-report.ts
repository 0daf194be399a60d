/**
 * A whole report as it may leave the coordinator's own view: the CSV files and the board summary
 * publish numbers from several figures of the same report, and those figures share totals.
 * "Referrals with consent" is a row of one figure and the base of two others; "referrals and
 * signposts" is the base of another and a headline. Each figure suppressed on its own
 * (publishFigure) can still be undone by subtracting across them: 22 referrals and signposts
 * less 20 with consent gives away the 2 signposts hidden as "<5".
 *
 * So after each figure is suppressed on its own, every number still to be published is checked
 * against everything published before it, across the report: a number is withheld ([c]) when,
 * added and subtracted with the others, it would give away a count under 5, or the people a row
 * leaves out of its base. Numbers are checked in order of how much a reader needs them: the
 * bases shares are taken of, then the headlines, then each figure's total, then its cells.
 */
import type { BuiltReport, KeyTerms } from "./build-figures";
import { Derivable } from "./derivable";
import { COMPLEMENTARY_MARKER, smallCountMarker } from "./disclosure";
import { type Figure, type KeyFigure, type Terms, rowCount } from "./figure";
import { DISCLOSURE_THRESHOLD, type PublishedFigure, publishFigure, publishKeyFigure } from "./publish";

export interface PublishedReport {
  figures: PublishedFigure[];
  keyFigures: KeyFigure[];
}

/** A headline that would give away a hidden count when set beside the figures. */
export const WITHHELD_KEY_FIGURE = `Not shown (it would reveal a count under ${DISCLOSURE_THRESHOLD})`;

interface Candidate {
  /** The sums a reader learns from this number (a share also tells them its base). */
  equations: Terms[];
  /** Whether the number is still to be published: hiding a row's count hides its total and share. */
  shown(): boolean;
  withhold(): void;
}

const isSmall = (value: number) => value > 0 && value < DISCLOSURE_THRESHOLD;

function add(...list: Terms[]): Terms {
  const sum: Record<string, number> = {};
  for (const terms of list) for (const [name, value] of Object.entries(terms)) sum[name] = (sum[name] ?? 0) + value;
  return sum;
}

const times = (terms: Terms, factor: number): Terms => Object.fromEntries(Object.entries(terms).map(([name, value]) => [name, value * factor]));

/** What each number in a figure adds up; values without terms stand on their own. */
function termsOf(figure: Figure) {
  const cell = (r: number, c: number): Terms => figure.rows[r].terms?.[c] ?? { [`${figure.id}/${figure.rows[r].key}/${c}`]: 1 };
  const counts = figure.columns.flatMap((col, i) => (col.kind === "count" ? [i] : []));
  const row = (r: number): Terms => add(...counts.map((c) => cell(r, c)));
  const base = (): Terms => figure.base?.terms ?? { [`${figure.id}/base`]: 1 };
  const column = (c: number): Terms => add(...figure.rows.map((_, r) => cell(r, c)));
  return { cell, row, base, column, counts };
}

/** The counts that must stay hidden, and what publishing a 0 tells a reader for certain. */
function secretsAndZeros(figure: Figure, published: PublishedFigure): { secrets: Terms[]; zeros: Terms[] } {
  const terms = termsOf(figure);
  const secrets: Terms[] = [];
  const zeros: Terms[] = [];
  if (figure.base && isSmall(figure.base.value)) secrets.push(terms.base());
  figure.rows.forEach((row, r) => {
    const smallRow = terms.counts.some((c) => isSmall(row.values[c]));
    row.values.forEach((value, c) => {
      const isCount = terms.counts.includes(c);
      // An amount beside a small count (hours given to 2 people) is about those people.
      if ((isCount && isSmall(value)) || (!isCount && smallRow && value > 0)) secrets.push(terms.cell(r, c));
      // Counts are never negative, so a sum published as 0 has every part 0.
      if (value === 0 && published.rows[r].cells[c] === 0 && Object.values(terms.cell(r, c)).every((k) => k > 0)) {
        for (const name of Object.keys(terms.cell(r, c))) zeros.push({ [name]: 1 });
      }
    });
    if (!figure.exclusive && figure.base && isSmall(figure.base.value - rowCount(figure, row))) secrets.push(add(terms.base(), times(terms.row(r), -1)));
  });
  return { secrets, zeros };
}

function keyEquations(key: KeyTerms): Terms[] {
  return key.kind === "count" ? [key.terms] : [add(key.part, times(key.whole, -key.ratio))];
}

/** Applies disclosure control to every figure and headline of one report, together. */
export function publishReport(report: BuiltReport): PublishedReport {
  const figures = report.figures.filter((f) => f.aboutPeople);
  const published = new Map(report.figures.map((f) => [f.id, publishFigure(f)]));
  const keyFigures = report.keyFigures.map(publishKeyFigure);

  const found = figures.map((f) => secretsAndZeros(f, published.get(f.id)!));
  const known = new Derivable(found.flatMap((x) => x.secrets));
  for (const identity of [...report.identities, ...found.flatMap((x) => x.zeros)]) {
    if (!known.addUnlessRevealing([identity])) throw new Error("A count published as 0, or a sum that is always 0, gives away a hidden count");
  }

  const bases: Candidate[] = [];
  const totals: Candidate[] = [];
  const cells: Candidate[] = [];
  const shares: Candidate[] = [];
  for (const figure of figures) {
    const out = published.get(figure.id)!;
    const terms = termsOf(figure);
    const baseValue = figure.base?.value ?? 0;
    if (figure.base && typeof out.base === "number") {
      bases.push({ equations: [terms.base()], shown: () => true, withhold: () => (out.base = COMPLEMENTARY_MARKER) });
    }
    if (figure.exclusive && typeof out.total === "number") {
      const grand = figure.rows.reduce((s, r) => s + rowCount(figure, r), 0);
      const columnSums = figure.columns.map((_, c) => terms.column(c));
      // The total line's share of the base says what the base is.
      const totalShare = figure.base && baseValue > 0 ? [add(add(...terms.counts.map((c) => terms.column(c))), times(terms.base(), -grand / baseValue))] : [];
      totals.push({ equations: [...columnSums, ...totalShare], shown: () => true, withhold: () => (out.total = COMPLEMENTARY_MARKER) });
    }
    figure.rows.forEach((row, r) => {
      const line = out.rows[r];
      const hideRow = () => {
        line.hidden = true;
        line.cells = line.cells.map((cell) => (typeof cell === "number" ? COMPLEMENTARY_MARKER : cell));
        line.total = typeof line.total === "number" ? COMPLEMENTARY_MARKER : line.total;
        if (figure.base) line.share = line.share === smallCountMarker(DISCLOSURE_THRESHOLD) ? line.share : COMPLEMENTARY_MARKER;
      };
      // A row's numbers go together: hiding one of its counts hides the row's total, share and
      // amounts with it, as publishFigure does.
      row.values.forEach((_, c) => {
        cells.push({
          equations: [terms.cell(r, c)],
          shown: () => typeof line.cells[c] === "number",
          withhold: () => {
            line.cells[c] = COMPLEMENTARY_MARKER;
            if (terms.counts.includes(c)) hideRow();
          },
        });
      });
      if (terms.counts.length > 1) {
        cells.push({ equations: [terms.row(r)], shown: () => typeof line.total === "number", withhold: hideRow });
      }
      if (figure.base && baseValue > 0) {
        shares.push({
          equations: [add(terms.row(r), times(terms.base(), -rowCount(figure, row) / baseValue))],
          shown: () => typeof line.total === "number",
          withhold: () => (line.share = COMPLEMENTARY_MARKER),
        });
      }
    });
  }
  const headlines: Candidate[] = keyFigures.flatMap((key, i) => {
    const link = report.keyTerms[key.id];
    if (!link) return [];
    return [{ equations: keyEquations(link), shown: () => key.value === report.keyFigures[i].value, withhold: () => (keyFigures[i] = { ...key, value: WITHHELD_KEY_FIGURE }) }];
  });

  for (const candidate of [...bases, ...headlines, ...totals, ...cells, ...shares]) {
    if (candidate.shown() && !known.addUnlessRevealing(candidate.equations)) candidate.withhold();
  }
  for (const out of published.values()) {
    out.anyHidden ||= out.rows.some((r) => r.hidden) || out.total === COMPLEMENTARY_MARKER || out.base === COMPLEMENTARY_MARKER;
  }
  return { figures: report.figures.map((f) => published.get(f.id)!), keyFigures };
}
