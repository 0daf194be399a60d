import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { getDb } from "~/lib/db.server";
import { areaLabel, readFilters, requireReportAccess, scopeAreaIds } from "~/reports/access.server";
import { exactView } from "~/reports/figure-view";
import { FigurePanel } from "~/reports/figure-panel";
import { getReport } from "~/reports/figures.server";
import { FilterForm } from "~/reports/filter-form";
import { filterQuery } from "~/reports/filters";
import { KeyFigures } from "~/reports/key-figures";
import { describePeriod } from "~/reports/period";

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const access = await requireReportAccess(request, db);
  const read = readFilters(request, access);
  const common = { areas: access.areas, seesAll: access.seesAll, values: read.values };
  if (!read.success) return json({ ...common, errors: read.errors, report: null }, { status: 400 });
  const { filters } = read;
  const report = await getReport(db, { period: filters.period, areaIds: scopeAreaIds(filters, access), today: access.today });
  return json({
    ...common,
    errors: {} as Record<string, string>,
    report: {
      query: filterQuery(filters),
      period: describePeriod(filters.period),
      area: areaLabel(filters, access),
      keyFigures: report.keyFigures,
      figures: report.figures.map(exactView),
    },
  });
}

export default function Reports() {
  const { areas, seesAll, values, errors, report } = useLoaderData<typeof loader>();
  return (
    <>
      <ErrorSummary errors={errorSummaryItems({ period: errors.period, area: errors.area, from: errors.from, to: errors.to })} />
      <h1 className="govuk-heading-l">Reports</h1>
      <p className="govuk-body">
        What the partnership has done and found, for the period and area you choose. These are exact figures for your own use: the CSV files and the board summary hide counts under 5 so no one can be
        recognised.
      </p>
      <FilterForm action="/reports" values={values} errors={errors} areas={areas} seesAll={seesAll} />
      {report ? (
        <>
          <h2 className="govuk-heading-m" role="status">
            {report.area}, {report.period}
          </h2>
          <ul className="govuk-list app-report-links">
            <li>
              <a className="govuk-link" href={`/reports/gaps?${report.query}`}>
                Gap analysis: barriers set against nearby help
              </a>
            </li>
            <li>
              <a className="govuk-link" href={`/reports/board-summary?${report.query}`}>
                One-page board summary, to print or save as PDF
              </a>
            </li>
          </ul>
          <KeyFigures figures={report.keyFigures} />
          <nav className="app-report-contents" aria-labelledby="report-contents">
            <h2 className="govuk-heading-s" id="report-contents">
              Figures on this page
            </h2>
            <ol className="govuk-list govuk-list--number">
              {report.figures.map((f) => (
                <li key={f.id}>
                  <a className="govuk-link" href={`#${f.id}-heading`}>
                    {f.title}
                  </a>
                </li>
              ))}
            </ol>
          </nav>
          {report.figures.map((view) => (
            <FigurePanel key={view.id} view={view} csvHref={`/reports/csv/${view.id}?${report.query}`} />
          ))}
        </>
      ) : null}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Reports – Waymark" }];
