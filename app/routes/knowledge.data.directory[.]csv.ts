import { directoryCsv } from "~/knowledge/open-data";
import { listDirectoryRecords } from "~/knowledge/open-data.server";
import { csvResponse } from "~/knowledge/open-data-response";
import { getDb } from "~/lib/db.server";

export async function loader() {
  return csvResponse(directoryCsv(await listDirectoryRecords(getDb())), "waymark-directory.csv");
}
