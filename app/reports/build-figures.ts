/**
 * Turns the numbers the database adds up (figures.server.ts) into labelled figures and headline
 * numbers. Pure, so every rule — what counts as an outcome, how days are banded — is tested
 * without a database.
 */
import { BARRIERS, EDS_LEVELS, GOALS } from "~/lib/frameworks";
import { OUTCOME_LABELS } from "~/referrals/reasons";
import { ACTIVE_STATUSES, REFERRAL_STATUSES, STATUS_LABELS } from "~/referrals/status-machine";
import type { Figure, FigureRow, KeyFigure, Terms } from "./figure";
import { rowCount } from "./figure";
import { type OutreachFacts, outreachFigures } from "./outreach-figures";
import { type Period, addMonths, describeMonth, monthsOf } from "./period";
import { parseReferralKey } from "./referral-facts";
import { formatCount, formatShare, hoursFromMinutes, share, weightedMedian } from "./stats";
import { parseBarrierKey } from "./triage-facts";

export interface ReportData {
  /** Sums from report_counts_daily over the period, by measure and key. */
  counts: { measure: string; key: string; count: number }[];
  /** Each service's directory categories. */
  serviceCategories: Record<string, readonly string[]>;
  /** People helped and minutes given, by day (YYYY-MM-DD). */
  peopleHelped: { day: string; people: number; minutes: number }[];
  /** People who first passed each module in the period. */
  trainingPasses: { moduleId: string; users: number }[];
  listings: { assuredDate: string | null; count: number }[];
  openProblemReports: number;
  outreach: OutreachFacts;
}

export interface FigureLabels {
  categories: readonly { id: string; name: string }[];
  /** Core training modules, in order. */
  modules: readonly { id: string; title: string }[];
}

/** What a headline number adds up, for disclosure control: a count, or a share of one count in another. */
export type KeyTerms = { kind: "count"; terms: Terms } | { kind: "share"; part: Terms; whole: Terms; ratio: number };

export interface BuiltReport {
  figures: Figure[];
  keyFigures: KeyFigure[];
  /** By key figure id; a headline without terms (a median) is protected by its basis alone. */
  keyTerms: Record<string, KeyTerms>;
  /** Sums known to be 0 whatever the data, such as "every triage has one skills level". */
  identities: Terms[];
}

/** One underlying count. */
const atom = (name: string): Terms => ({ [name]: 1 });

function sumTerms(...list: Terms[]): Terms {
  const sum: Record<string, number> = {};
  for (const terms of list) for (const [name, value] of Object.entries(terms)) sum[name] = (sum[name] ?? 0) + value;
  return sum;
}

function scaleTerms(terms: Terms, factor: number): Terms {
  return Object.fromEntries(Object.entries(terms).map(([name, value]) => [name, value * factor]));
}

const byCountDescending = (figure: Pick<Figure, "columns">) => (a: FigureRow, b: FigureRow) => rowCount(figure, b) - rowCount(figure, a);

export const FIRST_ACTION_BANDS = [
  { key: "0", label: "Same day", max: 0 },
  { key: "1", label: "Next day", max: 1 },
  { key: "2", label: "2 days", max: 2 },
  { key: "3-5", label: "3 to 5 days", max: 5 },
  { key: "6-10", label: "6 to 10 days", max: 10 },
  { key: "11+", label: "More than 10 days", max: Infinity },
] as const;

export function firstActionBand(days: number): string {
  return FIRST_ACTION_BANDS.find((band) => days <= band.max)!.key;
}

function triageFigures(data: ReportData): { figures: Figure[]; total: number; totalTerms: Terms; identities: Terms[] } {
  const sum = (measure: string, key: string) => data.counts.filter((c) => c.measure === measure && c.key === key).reduce((s, c) => s + c.count, 0);
  const self = sum("mode", "self");
  const assisted = sum("mode", "assisted");
  const total = self + assisted;
  const totalTerms = sumTerms(atom("mode:self"), atom("mode:assisted"));
  const base = { label: "triages", value: total, terms: totalTerms };
  const barrierRows = BARRIERS.map((b) => ({
    key: b.id,
    label: b.label,
    values: [sum("barrier", `${b.id}:some`), sum("barrier", `${b.id}:high`)],
    terms: [atom(`barrier:${b.id}:some`), atom(`barrier:${b.id}:high`)],
  }));
  // Each triage has exactly one skills level, so the levels add up to the triages.
  const levelsTerms = sumTerms(...EDS_LEVELS.map((l) => atom(`eds:${l.id}`)));
  const levelsAddUp = EDS_LEVELS.reduce((s, l) => s + sum("eds", l.id), 0) === total;
  for (const c of data.counts) if (c.measure === "barrier" && !parseBarrierKey(c.key)) throw new Error(`Unreadable barrier count key: ${c.key}`);
  const count = [{ label: "Triages", kind: "count" as const }];
  const barriers: Figure = {
    id: "barriers",
    title: "Barriers found",
    description: "Triages that found each barrier, split by how much it holds the person back (some or a lot). One person can have several barriers.",
    unit: "Barrier",
    columns: [
      { label: "Some", kind: "count" },
      { label: "A lot", kind: "count" },
    ],
    rows: barrierRows,
    exclusive: false,
    base,
    aboutPeople: true,
  };
  barriers.rows.sort(byCountDescending(barriers));
  const goals: Figure = {
    id: "goals",
    title: "What people want to do online",
    description: "Triages that chose each goal. One person can choose several goals.",
    unit: "Goal",
    columns: count,
    rows: GOALS.map((g) => ({ key: g.id, label: g.label, values: [sum("goal", g.id)], terms: [atom(`goal:${g.id}`)] })),
    exclusive: false,
    base,
    aboutPeople: true,
  };
  goals.rows.sort(byCountDescending(goals));
  return {
    total,
    totalTerms,
    identities: levelsAddUp ? [sumTerms(levelsTerms, scaleTerms(totalTerms, -1))] : [],
    figures: [
      {
        id: "triage-modes",
        title: "Triages by how they were done",
        description: "Finished triages: self-checks done by residents on their own, and triages done with a champion or member of staff.",
        unit: "How done",
        columns: count,
        rows: [
          { key: "assisted", label: "With a champion or staff", values: [assisted], terms: [atom("mode:assisted")] },
          { key: "self", label: "Self-check by the resident", values: [self], terms: [atom("mode:self")] },
        ],
        exclusive: true,
        base: null,
        aboutPeople: true,
      },
      barriers,
      {
        id: "skills-levels",
        title: "Essential Digital Skills levels",
        description: "The highest level of the national Essential Digital Skills framework each person reached, counting only tasks they can do on their own.",
        unit: "Level",
        columns: [{ label: "People", kind: "count" }],
        rows: EDS_LEVELS.map((l) => ({ key: l.id, label: l.label, values: [sum("eds", l.id)], terms: [atom(`eds:${l.id}`)] })),
        exclusive: true,
        base,
        aboutPeople: true,
      },
      goals,
    ],
  };
}

function referralFigures(data: ReportData, labels: FigureLabels): { figures: Figure[]; keys: KeyFigure[]; keyTerms: Record<string, KeyTerms> } {
  const groups = data.counts.flatMap((c) => {
    if (c.measure !== "referral") return [];
    const parsed = parseReferralKey(c.key);
    if (!parsed) throw new Error(`Unreadable referral count key: ${c.key}`);
    return [{ ...parsed, count: c.count, terms: atom(`referral:${c.key}`) }];
  });
  const live = groups.filter((g) => g.kind === "live");
  const total = (list: typeof groups) => list.reduce((s, g) => s + g.count, 0);
  // Every referral figure counts the same referrals, grouped differently: written as sums of
  // the same groups, one figure's totals can be checked against another's rows.
  const terms = (list: typeof groups) => sumTerms(...list.map((g) => g.terms));
  const made = total(groups);
  const liveCount = total(live);
  const count = [{ label: "Referrals", kind: "count" as const }];

  const categoryCounts = new Map<string, number>();
  for (const c of data.counts) {
    if (c.measure !== "referral-service") continue;
    for (const category of data.serviceCategories[c.key] ?? []) categoryCounts.set(category, (categoryCounts.get(category) ?? 0) + c.count);
  }
  const categories: Figure = {
    id: "referral-categories",
    title: "Referrals and signposts by kind of help",
    description: "Referrals and logged signposts by the directory category of the service. A service can be in more than one category, so a referral can count more than once.",
    unit: "Kind of help",
    columns: count,
    rows: labels.categories.map((c) => ({ key: c.id, label: c.name, values: [categoryCounts.get(c.id) ?? 0], terms: [atom(`category:${c.id}`)] })),
    exclusive: false,
    base: { label: "referrals and signposts", value: made, terms: terms(groups) },
    aboutPeople: true,
  };
  categories.rows.sort(byCountDescending(categories));

  const withOutcome = live.filter((g) => g.outcome !== null);
  const reached = total(withOutcome);
  const declinedGroups = live.filter((g) => g.outcome === null && g.declined);
  const inProgressGroups = live.filter((g) => g.outcome === null && !g.declined && ACTIVE_STATUSES.includes(g.status as never));
  const endedGroups = live.filter((g) => g.outcome === null && !g.declined && !ACTIVE_STATUSES.includes(g.status as never));
  const declined = total(declinedGroups);
  const inProgress = total(inProgressGroups);
  const ended = total(endedGroups);

  const days = data.counts.filter((c) => c.measure === "first-action").map((c) => ({ value: Number(c.key), count: c.count }));
  const firstActed = days.reduce((s, d) => s + d.count, 0);
  const medianDays = weightedMedian(days);
  const bandCounts = new Map<string, number>();
  for (const d of days) bandCounts.set(firstActionBand(d.value), (bandCounts.get(firstActionBand(d.value)) ?? 0) + d.count);
  const bandTerms = FIRST_ACTION_BANDS.map((b) => atom(`first-action:${b.key}`));

  const figures: Figure[] = [
    {
      id: "referrals-made",
      title: "Referrals made",
      description: "Referrals made with the person's consent, and signposts logged without personal details.",
      unit: "Kind",
      columns: count,
      rows: [
        { key: "live", label: "Referrals with consent", values: [liveCount], terms: [terms(live)] },
        { key: "logged", label: "Signposts logged", values: [made - liveCount], terms: [terms(groups.filter((g) => g.kind !== "live"))] },
      ],
      exclusive: true,
      base: null,
      aboutPeople: true,
    },
    {
      id: "referral-statuses",
      title: "Where referrals have got to",
      description: "Referrals with consent made in the period, by where each one is now.",
      unit: "Status",
      columns: count,
      rows: REFERRAL_STATUSES.map((s) => {
        const inStatus = live.filter((g) => g.status === s);
        return { key: s, label: STATUS_LABELS[s], values: [total(inStatus)], terms: [terms(inStatus)] };
      }),
      exclusive: true,
      base: { label: "referrals with consent", value: liveCount, terms: terms(live) },
      aboutPeople: true,
    },
    categories,
    {
      id: "referral-outcomes",
      title: "Outcomes of referrals",
      description: "What happened for the person, for referrals made in the period that have an outcome recorded.",
      unit: "Outcome",
      columns: count,
      rows: Object.entries(OUTCOME_LABELS).map(([id, label]) => {
        const withThis = withOutcome.filter((g) => g.outcome === id);
        return { key: id, label, values: [total(withThis)], terms: [terms(withThis)] };
      }),
      exclusive: true,
      base: { label: "referrals with an outcome", value: reached, terms: terms(withOutcome) },
      aboutPeople: true,
    },
    {
      id: "first-action",
      title: "Days to first action",
      description: "Calendar days from a referral being made to the service first accepting or declining it, for referrals made in the period that have had a first action.",
      unit: "Time taken",
      columns: count,
      rows: FIRST_ACTION_BANDS.map((b, i) => ({ key: b.key, label: b.label, values: [bandCounts.get(b.key) ?? 0], terms: [bandTerms[i]] })),
      exclusive: true,
      base: { label: "referrals with a first action", value: firstActed, terms: sumTerms(...bandTerms) },
      aboutPeople: true,
    },
    {
      id: "referral-results",
      title: "Referrals that reached an outcome",
      description: "Referrals with consent made in the period: those with an outcome recorded, those declined, those still in progress and those closed or withdrawn without an outcome.",
      unit: "Result",
      columns: count,
      rows: [
        { key: "outcome", label: "Reached an outcome", values: [reached], terms: [terms(withOutcome)] },
        { key: "in-progress", label: "Still in progress", values: [inProgress], terms: [terms(inProgressGroups)] },
        { key: "declined", label: "Declined by the service", values: [declined], terms: [terms(declinedGroups)] },
        { key: "ended", label: "Closed or withdrawn without an outcome", values: [ended], terms: [terms(endedGroups)] },
      ],
      exclusive: true,
      base: { label: "referrals with consent", value: liveCount, terms: terms(live) },
      aboutPeople: true,
    },
  ];
  const keys: KeyFigure[] = [
    { id: "referrals", label: "Referrals and signposts made", value: formatCount(made), basis: made, aboutPeople: true },
    { id: "median-first-action", label: "Median days to first action", value: medianDays === null ? "No referrals yet" : `${medianDays} ${medianDays === 1 ? "day" : "days"}`, basis: firstActed, aboutPeople: true },
    { id: "reached-outcome", label: "Referrals that reached an outcome", value: formatShare(share(reached, liveCount)), basis: liveCount, aboutPeople: true },
  ];
  const keyTerms: Record<string, KeyTerms> = {
    referrals: { kind: "count", terms: terms(groups) },
    "reached-outcome": { kind: "share", part: terms(withOutcome), whole: terms(live), ratio: share(reached, liveCount) ?? 0 },
  };
  return { figures, keys, keyTerms };
}

function directoryFigure(data: ReportData, today: string): { figure: Figure; keys: KeyFigure[] } {
  const sixMonthsAgo = addMonths(today, -6);
  const yearAgo = addMonths(today, -12);
  const band = (d: string | null) => (d === null ? "never" : d >= sixMonthsAgo ? "recent" : d >= yearAgo ? "6-12" : "12+");
  const counts = { recent: 0, "6-12": 0, "12+": 0, never: 0 };
  for (const l of data.listings) counts[band(l.assuredDate)] += l.count;
  const listings = Object.values(counts).reduce((s, n) => s + n, 0);
  return {
    figure: {
      id: "directory-health",
      title: "How up to date the directory is",
      description: "Published listings by when someone last checked them. This is how the directory stands today, whatever the period.",
      unit: "Last checked",
      columns: [{ label: "Listings", kind: "count" }],
      rows: [
        { key: "recent", label: "In the last 6 months", values: [counts.recent] },
        { key: "6-12", label: "6 to 12 months ago", values: [counts["6-12"]] },
        { key: "12+", label: "More than 12 months ago", values: [counts["12+"]] },
        { key: "never", label: "Never checked", values: [counts.never] },
      ],
      exclusive: true,
      base: { label: "listings", value: listings },
      aboutPeople: false,
    },
    keys: [
      { id: "verified", label: "Listings checked in the last 6 months", value: formatShare(share(counts.recent, listings)), basis: listings, aboutPeople: false },
      { id: "problem-reports", label: "Open problem reports on listings", value: formatCount(data.openProblemReports), basis: data.openProblemReports, aboutPeople: false },
    ],
  };
}

export function buildReport(data: ReportData, { period, today, labels }: { period: Period; today: string; labels: FigureLabels }): BuiltReport {
  const triage = triageFigures(data);
  const referrals = referralFigures(data, labels);
  const helped = new Map<string, { people: number; minutes: number }>();
  for (const p of data.peopleHelped) {
    const month = helped.get(p.day.slice(0, 7)) ?? { people: 0, minutes: 0 };
    helped.set(p.day.slice(0, 7), { people: month.people + p.people, minutes: month.minutes + p.minutes });
  }
  const people = data.peopleHelped.reduce((s, p) => s + p.people, 0);
  const minutes = data.peopleHelped.reduce((s, p) => s + p.minutes, 0);
  const peopleHelped: Figure = {
    id: "people-helped",
    title: "People helped by champions",
    description: "People champions and staff logged as helped, by month, with the hours they gave.",
    unit: "Month",
    columns: [
      { label: "People helped", kind: "count" },
      { label: "Hours given", kind: "amount" },
    ],
    rows: monthsOf(period).map((m) => ({
      key: m,
      label: describeMonth(m),
      values: [helped.get(m)?.people ?? 0, hoursFromMinutes(helped.get(m)?.minutes ?? 0)],
      terms: [atom(`helped:${m}`), atom(`hours:${m}`)],
    })),
    exclusive: true,
    base: null,
    aboutPeople: true,
  };
  const passes = new Map(data.trainingPasses.map((t) => [t.moduleId, t.users]));
  const training: Figure = {
    id: "training",
    title: "Training completed",
    description: "People who passed each core training module's quiz for the first time in the period.",
    unit: "Module",
    columns: [{ label: "People", kind: "count" }],
    rows: labels.modules.map((m) => ({ key: m.id, label: m.title, values: [passes.get(m.id) ?? 0], terms: [atom(`training:${m.id}`)] })),
    exclusive: false,
    base: null,
    aboutPeople: true,
  };
  const directory = directoryFigure(data, today);
  const outreach = outreachFigures(data.outreach);
  return {
    figures: [...triage.figures, ...referrals.figures, peopleHelped, training, ...outreach.figures, directory.figure],
    keyFigures: [
      { id: "triages", label: "Triages finished", value: formatCount(triage.total), basis: triage.total, aboutPeople: true },
      ...referrals.keys,
      { id: "people-helped", label: "People helped by champions", value: formatCount(people), basis: people, aboutPeople: true },
      { id: "hours", label: "Hours given by champions", value: formatCount(hoursFromMinutes(minutes)), basis: people, aboutPeople: true },
      ...outreach.keys,
      ...directory.keys,
    ],
    keyTerms: {
      triages: { kind: "count", terms: triage.totalTerms },
      ...referrals.keyTerms,
      "people-helped": { kind: "count", terms: sumTerms(...peopleHelped.rows.map((r) => r.terms![0])) },
      hours: { kind: "count", terms: sumTerms(...peopleHelped.rows.map((r) => r.terms![1])) },
      ...outreach.keyTerms,
    },
    identities: triage.identities,
  };
}
