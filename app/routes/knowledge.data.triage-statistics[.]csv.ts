import { triageStatisticsCsv } from "~/knowledge/open-data";
import { listTriageRecords } from "~/knowledge/open-data.server";
import { csvResponse } from "~/knowledge/open-data-response";
import { getDb } from "~/lib/db.server";

export async function loader() {
  return csvResponse(triageStatisticsCsv(await listTriageRecords(getDb())), "waymark-triage-statistics.csv");
}
