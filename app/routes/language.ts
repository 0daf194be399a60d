import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getLanguageOptions, languageCookie } from "~/i18n/i18n.server";
import { safeReturnPath } from "~/i18n/languages";

const choiceSchema = z.object({ lang: z.string(), to: z.string().nullable() });

/**
 * The language switcher's links land here: remember the choice in a cookie and go back to the
 * same page, answers and all (they live in the session, not the page). A GET link, so it works
 * without JavaScript; it changes nothing but a preference.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const choice = choiceSchema.parse({ lang: url.searchParams.get("lang") ?? "", to: url.searchParams.get("to") });
  const to = safeReturnPath(choice.to);
  const known = getLanguageOptions().some((o) => o.code === choice.lang);
  if (!known) return redirect(to);
  return redirect(to, { headers: { "Set-Cookie": await languageCookie.serialize(choice.lang) } });
}
