import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { getCategoryTaxonomy } from "~/directory/taxonomy.server";
import { getDb } from "~/lib/db.server";
import { areaLabel, readFilters, requireReportAccess, scopeAreaIds } from "~/reports/access.server";
import { smallCountMarker } from "~/reports/disclosure";
import type { FigureId } from "~/reports/figure";
import { FigurePanel } from "~/reports/figure-panel";
import { publishedView } from "~/reports/figure-view";
import { getReport } from "~/reports/figures.server";
import { FilterForm } from "~/reports/filter-form";
import { DEFAULT_GAP_DISTANCE_KM, filterQuery } from "~/reports/filters";
import { getGapContent } from "~/reports/gap-content.server";
import { getGapAnalysis } from "~/reports/gaps.server";
import { KeyFigures } from "~/reports/key-figures";
import { describePeriod } from "~/reports/period";
import { DISCLOSURE_THRESHOLD } from "~/reports/publish";
import { publishReport } from "~/reports/publish-report";

/** What fits on one side of A4 for a board: the figures that show need, reach and results. */
const SUMMARY_FIGURES: FigureId[] = ["barriers", "skills-levels", "referral-results", "first-action", "training", "directory-health"];
const TOP_GAPS = 5;
/**
 * The summary already fills its one side of A4: even one outreach headline more pushed it onto a
 * second sheet when tried, so the outreach figures stay on /reports and in their CSV files.
 */
const NOT_ON_SUMMARY = new Set(["outreach-campaigns", "outreach-sent"]);

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const access = await requireReportAccess(request, db);
  const read = readFilters(request, access);
  const common = { areas: access.areas, seesAll: access.seesAll, values: read.values };
  if (!read.success) return json({ ...common, errors: read.errors, summary: null }, { status: 400 });
  const { filters } = read;
  const areaIds = scopeAreaIds(filters, access);
  const [report, gaps] = await Promise.all([
    getReport(db, { period: filters.period, areaIds, today: access.today }),
    getGapAnalysis(db, { period: filters.period, areaIds, distanceKm: DEFAULT_GAP_DISTANCE_KM }),
  ]);
  const names = new Map(getCategoryTaxonomy().terms.map((t) => [t.id, t.name.toLowerCase()]));
  const { rules } = getGapContent();
  const published = publishReport(report);
  const small = (n: number) => (n > 0 && n < DISCLOSURE_THRESHOLD ? `fewer than ${DISCLOSURE_THRESHOLD} people` : `${n} people`);
  return json({
    ...common,
    errors: {} as Record<string, string>,
    summary: {
      query: filterQuery(filters),
      area: areaLabel(filters, access),
      period: describePeriod(filters.period),
      keyFigures: published.keyFigures.filter((k) => !NOT_ON_SUMMARY.has(k.id)),
      figures: SUMMARY_FIGURES.map((id) => {
        const figure = published.figures.find((f) => f.figure.id === id)!;
        return publishedView(figure.figure, figure);
      }),
      gaps: gaps.rows
        .filter((r) => r.gap)
        .slice(0, TOP_GAPS)
        .map((r) => `${r.barrierLabel} in ${r.outwardCode} (${r.areaName}): ${small(r.people)}, no ${rules[r.barrier].map((c) => names.get(c) ?? c).join(" or ")} within ${DEFAULT_GAP_DISTANCE_KM} km`),
    },
  });
}

export default function BoardSummary() {
  const { areas, seesAll, values, errors, summary } = useLoaderData<typeof loader>();
  return (
    <div className="app-board-summary">
      <BackLink href={summary ? `/reports?${summary.query}` : "/reports"}>Back to reports</BackLink>
      <ErrorSummary errors={errorSummaryItems({ period: errors.period, area: errors.area, from: errors.from, to: errors.to })} />
      <h1 className="govuk-heading-l">{summary ? `Board summary: ${summary.area}, ${summary.period}` : "Board summary"}</h1>
      <FilterForm action="/reports/board-summary" values={values} errors={errors} areas={areas} seesAll={seesAll} submitText="Show summary" />
      {summary ? (
        <>
          <p className="govuk-body-s">
            To keep people from being recognised, counts from 1 to 4 read “{smallCountMarker(DISCLOSURE_THRESHOLD)}”, and “[c]” marks a number held back so a small count cannot be worked out from
            the others. Print this page, or save it as a PDF from your browser’s print menu.
          </p>
          <KeyFigures figures={summary.keyFigures} />
          <section aria-labelledby="gaps-heading">
            <h2 className="govuk-heading-m" id="gaps-heading">
              Biggest gaps in local help
            </h2>
            {summary.gaps.length > 0 ? (
              <ul className="govuk-list govuk-list--bullet app-board-summary__gaps">
                {summary.gaps.map((g) => (
                  <li key={g}>{g}</li>
                ))}
              </ul>
            ) : (
              <p className="govuk-body">No gaps within {DEFAULT_GAP_DISTANCE_KM} km.</p>
            )}
          </section>
          <div className="app-board-summary__grid">
            {summary.figures.map((view) => (
              <FigurePanel key={view.id} view={view} compact />
            ))}
          </div>
        </>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Board summary – Reports – Waymark" }];
