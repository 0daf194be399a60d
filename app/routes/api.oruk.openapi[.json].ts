import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadOpenApi, orukBaseUrl, orukJson } from "~/directory/oruk-api.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return orukJson({ ...loadOpenApi(), servers: [{ url: orukBaseUrl(request), description: "Waymark directory" }] });
}
