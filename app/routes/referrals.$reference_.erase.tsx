import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/accounts/auth.server";
import { actorFor, recordAudit } from "~/accounts/audit.server";
import { Button } from "~/components/button";
import { WarningText } from "~/components/warning-text";
import { getDb } from "~/lib/db.server";
import { formatReferenceCode } from "~/lib/reference-code";
import { StepPage } from "~/referrals/components";
import { erasePersonalDataOf } from "~/referrals/data-protection.server";
import { findReferralFor, hasPersonalData, mayManageData } from "~/referrals/record.server";

/** Only a coordinator of the referral's area (or an admin) may erase, and only what is still there. */
async function erasable(request: Request, reference: string | undefined) {
  const user = await requirePermission(request, "referral:export:area");
  const record = await findReferralFor(getDb(), user, reference ?? "");
  if (!record || !mayManageData(user, record.referral)) throw new Response("Not found", { status: 404 });
  return { user, record };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { record } = await erasable(request, params.reference);
  if (!hasPersonalData(record.referral)) throw redirect(`/referrals/${record.referral.reference}`);
  return json({ reference: record.referral.reference, formatted: formatReferenceCode(record.referral.reference) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, record } = await erasable(request, params.reference);
  const db = getDb();
  const { referral } = record;
  if (hasPersonalData(referral)) {
    await erasePersonalDataOf(db, [referral.id], new Date());
    await recordAudit(db, {
      actor: actorFor(user),
      action: "referral-erased",
      recordType: "referral",
      recordId: referral.id,
      areaId: referral.area_id,
      detail: { reference: referral.reference, reason: "request" },
      ip: context?.clientIp ?? null,
    });
  }
  return redirect(`/referrals/${referral.reference}?done=erased`);
}

export default function Erase() {
  const d = useLoaderData<typeof loader>();
  return (
    <StepPage back={`/referrals/${d.reference}`}>
      <h1 className="govuk-heading-l">Erase the person's details from referral {d.formatted}?</h1>
      <p className="govuk-body">
        This removes their name, contact details, best times, access needs, safeguarding note, notes about why, who confirmed consent, and the
        notes on the timeline. The service, reasons, statuses and dates stay, without their details, for reports.
      </p>
      <WarningText>You cannot undo this. Download their data first if they asked for a copy.</WarningText>
      <Form method="post" reloadDocument noValidate>
        <div className="govuk-button-group">
          <Button variant="warning" preventDoubleClick>
            Erase their details
          </Button>
          <a className="govuk-link" href={`/referrals/${d.reference}`}>
            Cancel
          </a>
        </div>
      </Form>
    </StepPage>
  );
}

export const meta: MetaFunction = () => [{ title: "Erase details – Referral – Waymark" }];
