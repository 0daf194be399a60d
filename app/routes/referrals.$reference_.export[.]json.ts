import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/accounts/auth.server";
import { getDb } from "~/lib/db.server";
import { exportReferralFor } from "~/referrals/export.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "referral:export:area");
  const data = await exportReferralFor(getDb(), user, params.reference ?? "", { format: "json", ip: context?.clientIp ?? null, now: new Date() });
  if (!data) throw new Response("Not found", { status: 404 });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="referral-${data.reference}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
