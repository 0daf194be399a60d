import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Details } from "~/components/details";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import { formatDistanceKm } from "~/directory/geo";
import { getCategoryTaxonomy } from "~/directory/taxonomy.server";
import { getDb } from "~/lib/db.server";
import { areaLabel, readFilters, requireReportAccess, scopeAreaIds } from "~/reports/access.server";
import { BarChart } from "~/reports/charts";
import { FilterForm } from "~/reports/filter-form";
import { filterQuery } from "~/reports/filters";
import { getGapContent } from "~/reports/gap-content.server";
import { getGapAnalysis } from "~/reports/gaps.server";
import { describePeriod } from "~/reports/period";
import { formatCount } from "~/reports/stats";
import { ScrollRegion } from "~/components/scroll-region";

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const access = await requireReportAccess(request, db);
  const read = readFilters(request, access);
  const common = { areas: access.areas, seesAll: access.seesAll, values: read.values };
  if (!read.success) return json({ ...common, errors: read.errors, analysis: null }, { status: 400 });
  const { filters } = read;
  const { rows, districts } = await getGapAnalysis(db, { period: filters.period, areaIds: scopeAreaIds(filters, access), distanceKm: filters.distanceKm });
  const names = new Map(getCategoryTaxonomy().terms.map((t) => [t.id, t.name.toLowerCase()]));
  const { rules } = getGapContent();
  const view = rows.map((r) => ({
    areaId: r.areaId,
    areaName: r.areaName,
    district: r.outwardCode,
    barrier: r.barrierLabel,
    help: rules[r.barrier].map((c) => names.get(c) ?? c).join(" or "),
    people: r.people,
    high: r.high,
    dedicated: r.dedicatedNearby,
    other: r.otherNearby,
    national: r.national,
    nearest: r.nearestKm === null ? null : `${formatDistanceKm(r.nearestKm)} (${r.nearestName})`,
    gap: r.gap,
  }));
  return json({
    ...common,
    errors: {} as Record<string, string>,
    analysis: {
      query: filterQuery(filters),
      heading: `${areaLabel(filters, access)}, ${describePeriod(filters.period)}, within ${filters.distanceKm} km`,
      distanceKm: filters.distanceKm,
      rows: view,
      areas: [...new Set(districts.map((d) => d.areaName))],
      unknownCentroids: districts.filter((d) => d.centroidSource === "unknown").map((d) => d.outwardCode),
      approximate: districts.some((d) => d.centroidSource === "approximate"),
    },
  });
}

export default function Gaps() {
  const { areas, seesAll, values, errors, analysis } = useLoaderData<typeof loader>();
  const gaps = analysis?.rows.filter((r) => r.gap) ?? [];
  const byBarrier = new Map<string, number>();
  for (const g of gaps) byBarrier.set(g.barrier, (byBarrier.get(g.barrier) ?? 0) + g.people);
  const chartRows = [...byBarrier].sort((a, b) => b[1] - a[1]).map(([label, people]) => ({ label, values: [people], valueText: formatCount(people) }));
  return (
    <>
      <BackLink href={analysis ? `/reports?${analysis.query}` : "/reports"}>Back to reports</BackLink>
      <ErrorSummary errors={errorSummaryItems({ period: errors.period, area: errors.area, from: errors.from, to: errors.to, distance: errors.distance })} />
      <h1 className="govuk-heading-l">Gap analysis</h1>
      <p className="govuk-body">
        For each postcode district, the barriers that triages found, set against the services that deal with them and meet people within the distance you choose. National services (online, by phone
        or by post) are counted apart: they help, but they are not somewhere to go.
      </p>
      <FilterForm action="/reports/gaps" values={values} errors={errors} areas={areas} seesAll={seesAll} withDistance submitText="Show gaps" />
      {analysis ? (
        <>
          <h2 className="govuk-heading-m" role="status">
            {analysis.heading}: {gaps.length === 1 ? "1 gap" : `${gaps.length} gaps`}
          </h2>
          {gaps.length > 0 ? (
            <BarChart
              id="gap-people"
              title="People facing a barrier with no local help for it"
              description={`People whose triage found each barrier, in districts with no service of the matching kind within ${analysis.distanceKm} km. The table below lists each gap.`}
              rows={chartRows}
              series={["People"]}
            />
          ) : (
            <p className="govuk-body">No gaps: every barrier found has help of the matching kind within {analysis.distanceKm} km.</p>
          )}
          <GapTable caption="Gaps, most pressing first" rows={gaps} distanceKm={analysis.distanceKm} />
          {analysis.areas.map((area) => (
            <Details key={area} summary={`All barriers and help in ${area}`}>
              <GapTable caption={`Barriers and help by district in ${area}`} rows={analysis.rows.filter((r) => r.areaName === area)} distanceKm={analysis.distanceKm} />
            </Details>
          ))}
          <p className="govuk-body-s">
            Distances are as the crow flies from the middle of each district{analysis.approximate ? ", using approximate district centres where the postcode lookup has none" : ""}.
            {analysis.unknownCentroids.length > 0 ? ` No centre is known for ${analysis.unknownCentroids.join(", ")}, so no local help can be measured there.` : ""}
          </p>
        </>
      ) : null}
    </>
  );
}

interface GapTableRow {
  areaName: string;
  district: string;
  barrier: string;
  help: string;
  people: number;
  high: number;
  dedicated: number;
  other: number;
  national: number;
  nearest: string | null;
  gap: boolean;
}

function GapTable({ caption, rows, distanceKm }: { caption: string; rows: GapTableRow[]; distanceKm: number }) {
  if (rows.length === 0) return null;
  return (
    <ScrollRegion label={caption} wide>
      <Table
        caption={caption}
        captionSize="m"
        head={[
          { text: "District" },
          { text: "Barrier" },
          { text: "People (a lot)", numeric: true },
          { text: `Matching help within ${distanceKm} km`, numeric: true },
          { text: "Nearest matching help" },
          { text: "National services", numeric: true },
        ]}
        rows={rows.map((r) => [
          `${r.district} (${r.areaName})`,
          <>
            {r.barrier}
            {r.gap ? (
              <>
                {" "}
                <Tag colour="red">Gap</Tag>
              </>
            ) : null}
            <span className="govuk-body-s govuk-!-display-block">
              Matching help: {r.help}. Other help within {distanceKm} km: {formatCount(r.other)}.
            </span>
          </>,
          `${formatCount(r.people)} (${formatCount(r.high)})`,
          formatCount(r.dedicated),
          r.nearest ?? "None with a place to go",
          formatCount(r.national),
        ])}
      />
    </ScrollRegion>
  );
}

export const meta: MetaFunction = () => [{ title: "Gap analysis – Reports – Waymark" }];
