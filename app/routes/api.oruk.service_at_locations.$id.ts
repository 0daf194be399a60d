import type { LoaderFunctionArgs } from "@remix-run/node";
import { orukError, orukJson, readId } from "~/directory/oruk-api.server";
import { getOrukServiceAtLocation } from "~/directory/oruk.server";
import { getDb } from "~/lib/db.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const id = readId(params.id, "Service at location id");
  if (!id.ok) return orukError(400, id.message);
  const found = await getOrukServiceAtLocation(getDb(), id.value);
  return found ? orukJson(found) : orukError(404, "No published service at location has this id");
}
