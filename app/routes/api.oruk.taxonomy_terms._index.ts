import type { LoaderFunctionArgs } from "@remix-run/node";
import { orukError, orukJson, readId, readPaging } from "~/directory/oruk-api.server";
import { listOrukTaxonomyTerms } from "~/directory/oruk.server";
import { getDb } from "~/lib/db.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const search = new URL(request.url).searchParams;
  const paging = readPaging(search);
  if (!paging.ok) return orukError(400, paging.message);
  const filter: { taxonomyId?: string; parentId?: string } = {};
  for (const [param, key] of [["taxonomy_id", "taxonomyId"], ["parent_id", "parentId"]] as const) {
    const raw = search.get(param);
    if (!raw) continue;
    const id = readId(raw, param);
    if (!id.ok) return orukError(400, id.message);
    filter[key] = id.value;
  }
  return orukJson(await listOrukTaxonomyTerms(getDb(), paging.value, filter));
}
