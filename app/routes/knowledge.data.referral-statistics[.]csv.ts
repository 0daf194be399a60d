import { referralStatisticsCsv } from "~/knowledge/open-data";
import { listReferralRecords } from "~/knowledge/open-data.server";
import { csvResponse } from "~/knowledge/open-data-response";
import { getDb } from "~/lib/db.server";

export async function loader() {
  return csvResponse(referralStatisticsCsv(await listReferralRecords(getDb())), "waymark-referral-statistics.csv");
}
