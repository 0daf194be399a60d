import { listAllOrukServices } from "~/knowledge/open-data.server";
import { jsonDownload } from "~/knowledge/open-data-response";
import { getDb } from "~/lib/db.server";

export async function loader() {
  return jsonDownload(await listAllOrukServices(getDb()), "waymark-directory-oruk.json");
}
