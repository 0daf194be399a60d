import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { followLink } from "~/outreach/follow-up.server";

/** The "find out more" link in an outreach message: counted, then on to the service or the check. */
export async function loader({ params }: LoaderFunctionArgs) {
  throw redirect(await followLink(getDb(), params.id ?? ""));
}
