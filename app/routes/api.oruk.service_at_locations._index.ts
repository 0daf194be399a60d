import type { LoaderFunctionArgs } from "@remix-run/node";
import { orukError, orukJson, readPaging, readProximity, readServiceFilter } from "~/directory/oruk-api.server";
import { listOrukServiceAtLocations, type OrukServiceAtLocationFilter } from "~/directory/oruk.server";
import { lookupPostcode } from "~/directory/postcodes.server";
import { getDb } from "~/lib/db.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const search = new URL(request.url).searchParams;
  const paging = readPaging(search);
  if (!paging.ok) return orukError(400, paging.message);
  const proximity = readProximity(search.get("proximity"));
  if (!proximity.ok) return orukError(400, proximity.message);
  const postcode = search.get("postcode")?.trim() ?? "";
  if (proximity.value !== undefined && !postcode) return orukError(400, "proximity needs a postcode to measure from");
  const db = getDb();
  const filter = await readServiceFilter(db, search);
  if (!filter.ok) return orukError(400, filter.message);
  const query: OrukServiceAtLocationFilter = filter.value;
  if (postcode) {
    const place = await lookupPostcode(db, postcode);
    if (place.kind === "invalid" || place.kind === "not-found") return orukError(400, place.message);
    if (place.kind === "unavailable") return orukError(503, "Postcodes cannot be looked up at the moment. Try again later, or leave out postcode.");
    query.near = { latitude: place.lat, longitude: place.lon, withinMetres: proximity.value };
  }
  return orukJson(await listOrukServiceAtLocations(db, paging.value, query));
}
