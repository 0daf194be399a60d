import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getSession, redirectWithSession } from "~/accounts/session.server";
import { getDb } from "~/lib/db.server";
import { followLink } from "~/outreach/follow-up.server";

/** The "find out more" link in an outreach message: counted, then on to the service or the check. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const { to, remembered } = await followLink(getDb(), session, params.id ?? "");
  // A made-up link gets no session, so guessing at links does not fill the sessions table.
  throw remembered ? await redirectWithSession(session, to) : redirect(to);
}
