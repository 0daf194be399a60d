import type { LoaderFunctionArgs } from "@remix-run/node";
import { orukError, orukJson, readPaging, readServiceFilter } from "~/directory/oruk-api.server";
import { listOrukServices } from "~/directory/oruk.server";
import { getDb } from "~/lib/db.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const search = new URL(request.url).searchParams;
  const paging = readPaging(search);
  if (!paging.ok) return orukError(400, paging.message);
  const db = getDb();
  const filter = await readServiceFilter(db, search);
  if (!filter.ok) return orukError(400, filter.message);
  return orukJson(await listOrukServices(db, paging.value, filter.value));
}
