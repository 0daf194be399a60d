import { triageStatisticsCsv } from "~/knowledge/open-data";
import { listTriageCounts } from "~/knowledge/open-data.server";
import { csvResponse } from "~/knowledge/open-data-response";
import { getDb } from "~/lib/db.server";

export async function loader() {
  return csvResponse(triageStatisticsCsv(await listTriageCounts(getDb())), "waymark-triage-statistics.csv");
}
