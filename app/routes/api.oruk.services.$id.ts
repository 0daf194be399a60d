import type { LoaderFunctionArgs } from "@remix-run/node";
import { orukError, orukJson, readId } from "~/directory/oruk-api.server";
import { getOrukService } from "~/directory/oruk.server";
import { getDb } from "~/lib/db.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const id = readId(params.id, "Service id");
  if (!id.ok) return orukError(400, id.message);
  const service = await getOrukService(getDb(), id.value);
  return service ? orukJson(service) : orukError(404, "No published service has this id");
}
