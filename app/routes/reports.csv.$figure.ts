import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { areaLabel, readFilters, requireReportAccess, scopeAreaIds } from "~/reports/access.server";
import { isFigureId } from "~/reports/figure";
import { figureCsv } from "~/reports/figure-csv";
import { getReport } from "~/reports/figures.server";
import { publishReport } from "~/reports/publish-report";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const access = await requireReportAccess(request, db);
  const id = params.figure ?? "";
  if (!isFigureId(id)) throw new Response("Not found", { status: 404 });
  const read = readFilters(request, access);
  if (!read.success) {
    return new Response(`The file could not be made: ${Object.values(read.errors).join(". ")}.`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const { filters } = read;
  const report = await getReport(db, { period: filters.period, areaIds: scopeAreaIds(filters, access), today: access.today });
  // Published with the whole report, so no file can be set against another to undo its suppression.
  const published = publishReport(report).figures.find((f) => f.figure.id === id)!;
  const body = figureCsv(published, { from: filters.period.from, to: filters.period.to, area: areaLabel(filters, access) });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="waymark-${id}-${filters.period.from}-to-${filters.period.to}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
