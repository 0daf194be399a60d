import type { LoaderFunctionArgs } from "@remix-run/node";
import { orukError, orukJson, readId } from "~/directory/oruk-api.server";
import { getOrukTaxonomyTerm } from "~/directory/oruk.server";
import { getDb } from "~/lib/db.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const id = readId(params.id, "Taxonomy term id");
  if (!id.ok) return orukError(400, id.message);
  const term = await getOrukTaxonomyTerm(getDb(), id.value);
  return term ? orukJson(term) : orukError(404, "No taxonomy term has this id");
}
