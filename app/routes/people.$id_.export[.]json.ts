import type { LoaderFunctionArgs } from "@remix-run/node";
import { actorFor, recordAudit } from "~/accounts/audit.server";
import { requirePermission } from "~/accounts/auth.server";
import { personExport, personHistory, requirePersonFor } from "~/courses/person-record.server";
import { getDb } from "~/lib/db.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "learner:data:area");
  const db = getDb();
  const person = await requirePersonFor(db, user, params.id);
  const data = personExport(person, await personHistory(db, person.id), new Date());
  await recordAudit(db, { actor: actorFor(user), action: "person-exported", recordType: "person", recordId: person.id, areaId: person.area_id, detail: { format: "json" }, ip: context?.clientIp ?? null });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="person-${person.id}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
