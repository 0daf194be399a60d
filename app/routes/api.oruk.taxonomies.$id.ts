import type { LoaderFunctionArgs } from "@remix-run/node";
import { orukError, orukJson, readId } from "~/directory/oruk-api.server";
import { getOrukTaxonomy } from "~/directory/oruk.server";
import { getDb } from "~/lib/db.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const id = readId(params.id, "Taxonomy id");
  if (!id.ok) return orukError(400, id.message);
  const taxonomy = await getOrukTaxonomy(getDb(), id.value);
  return taxonomy ? orukJson(taxonomy) : orukError(404, "No taxonomy has this id");
}
