import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { actorFor, recordAudit } from "~/accounts/audit.server";
import { getCurrentUser } from "~/accounts/auth.server";
import { destroySession, getSession } from "~/accounts/session.server";
import { getDb } from "~/lib/db.server";

// Signing out only by POST, so a link or image elsewhere cannot sign anyone out.
export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getCurrentUser(request);
  if (user) await recordAudit(getDb(), { actor: actorFor(user), action: "sign-out", recordType: "user", recordId: user.id, ip: context?.clientIp });
  const session = await getSession(request);
  return redirect("/login?signedOut=1", { headers: { "Set-Cookie": await destroySession(session) } });
}
