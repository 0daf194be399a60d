import type { LoaderFunctionArgs } from "@remix-run/node";
import { orukError, orukJson, readPaging } from "~/directory/oruk-api.server";
import { listOrukTaxonomies } from "~/directory/oruk.server";
import { getDb } from "~/lib/db.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const paging = readPaging(new URL(request.url).searchParams);
  if (!paging.ok) return orukError(400, paging.message);
  return orukJson(await listOrukTaxonomies(getDb(), paging.value));
}
