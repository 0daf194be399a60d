import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { actorFor, recordAudit } from "~/accounts/audit.server";
import { requirePermission } from "~/accounts/auth.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { WarningText } from "~/components/warning-text";
import { erasePeople } from "~/courses/people.server";
import { requirePersonFor } from "~/courses/person-record.server";
import { getDb } from "~/lib/db.server";

async function erasable(request: Request, id: string | undefined) {
  const user = await requirePermission(request, "learner:data:area");
  const person = await requirePersonFor(getDb(), user, id);
  return { user, person };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { person } = await erasable(request, params.id);
  if (person.personal_data_erased_at) throw redirect(`/people/${person.id}`);
  return json({ id: person.id, name: person.name });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, person } = await erasable(request, params.id);
  const db = getDb();
  if (!person.personal_data_erased_at) {
    await erasePeople(db, [person.id], new Date());
    await recordAudit(db, { actor: actorFor(user), action: "person-erased", recordType: "person", recordId: person.id, areaId: person.area_id, detail: { reason: "request" }, ip: context?.clientIp ?? null });
  }
  return redirect(`/people/${person.id}?done=erased`);
}

export default function ErasePerson() {
  const { id, name } = useLoaderData<typeof loader>();
  return (
    <div className="app-compact">
      <BackLink href={`/people/${id}`}>Back</BackLink>
      <h1 className="govuk-heading-l">Erase {name}’s details?</h1>
      <p className="govuk-body">
        This removes their name, mobile, email and plan reference, the notes on their registers, and the address or number on messages sent to them. Which
        sessions were attended stays, without their details, for reports.
      </p>
      <WarningText>You cannot undo this. Download their data first if they asked for a copy.</WarningText>
      <Form method="post" reloadDocument noValidate>
        <div className="govuk-button-group">
          <Button variant="warning" preventDoubleClick>
            Erase their details
          </Button>
          <a className="govuk-link" href={`/people/${id}`}>
            Cancel
          </a>
        </div>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Erase details – Waymark" }];
