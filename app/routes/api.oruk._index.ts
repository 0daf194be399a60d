import type { LoaderFunctionArgs } from "@remix-run/node";
import { ORUK_PROFILE_URL, ORUK_VERSION, orukBaseUrl, orukJson } from "~/directory/oruk-api.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return orukJson({ version: ORUK_VERSION, profile: ORUK_PROFILE_URL, openapi_url: `${orukBaseUrl(request)}/openapi.json` });
}
