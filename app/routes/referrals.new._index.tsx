import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/accounts/auth.server";
import { getDb } from "~/lib/db.server";
import { firstUnansweredStep, stepPath, type ReferralDraft } from "~/referrals/draft";
import { readDraft, saveAndRedirect, setNotice } from "~/referrals/draft.server";
import { chooseService } from "~/referrals/services.server";
import { findTriageLink } from "~/referrals/triage-link.server";

/** Starts a new referral, from a triage plan (?triage=), a service page (?service=), or blank. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "referral:create");
  const url = new URL(request.url);
  const db = getDb();
  const { session } = await readDraft(request, "referral");
  const draft: ReferralDraft = {};

  const triage = await findTriageLink(db, url.searchParams.get("triage"));
  if (triage) draft.triageReference = triage.reference;
  else if (url.searchParams.get("triage")) setNotice(session, "We could not find that triage result, so the reasons are not filled in. You can still choose them.");

  const serviceId = url.searchParams.get("service");
  if (serviceId) {
    const choice = await chooseService(db, user, serviceId.slice(0, 100));
    if (choice.ok) draft.serviceId = choice.service.id;
    else setNotice(session, "The service you started from cannot take referrals from you. Choose a service from the list.");
  }
  return saveAndRedirect(session, "referral", draft, stepPath(firstUnansweredStep(draft)));
}
