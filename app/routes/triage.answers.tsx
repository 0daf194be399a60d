import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { listAreas } from "~/accounts/areas.server";
import { actorFor, recordAudit } from "~/accounts/audit.server";
import { requirePermission } from "~/accounts/auth.server";
import { getSession, redirectWithSession } from "~/accounts/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { SummaryList } from "~/components/summary-list";
import { Textarea } from "~/components/textarea";
import { getDb } from "~/lib/db.server";
import { echoed, parseForm, readFormData } from "~/lib/forms";
import { optionalText } from "~/referrals/text-fields";
import { chooseArea, observationProblem } from "~/triage/assisted-triage";
import { isComplete, nextQuestion } from "~/triage/flow";
import { completeTriage } from "~/triage/outcome";
import { loadTriageContent } from "~/triage/question-bank.server";
import { answerSections, questionHref } from "~/triage/question-view";
import { saveTriageResult } from "~/triage/triage-results.server";
import { clearAssisted, readAssisted } from "~/triage/triage-session.server";

const OBSERVATIONS_MAX = 1000;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "triage:create");
  const { bank } = loadTriageContent();
  const state = readAssisted(await getSession(request), user.id);
  if (!state) throw redirect("/triage");
  if (!isComplete(bank, state.answers, "assisted")) throw redirect(questionHref("/triage", nextQuestion(bank, state.answers, "assisted")!.id));
  return json({ sections: answerSections("/triage", bank, state.answers, "assisted") });
}

const finishSchema = z.object({
  observations: optionalText({ name: "Notes", max: OBSERVATIONS_MAX, multiline: true }).superRefine((text, ctx) => {
    const problem = text ? observationProblem(text) : null;
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
  }),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "triage:create");
  const content = loadTriageContent();
  const session = await getSession(request);
  const state = readAssisted(session, user.id);
  if (!state) throw redirect("/triage");
  const form = parseForm(finishSchema, await readFormData(request));
  if (!form.success) return json({ errors: form.errors, values: { observations: echoed(form.values, "observations") } }, { status: 400 });

  const completed = completeTriage(content, state.answers, "assisted");
  if (!completed.ok) {
    return json({ errors: { observations: completed.error }, values: { observations: form.data.observations ?? "" } }, { status: 400 });
  }
  const db = getDb();
  const areas = await listAreas(db);
  // The user's areas in name order, so "their first area" is the same every time.
  const userAreaIds = areas.filter((a) => user.areaIds.includes(a.id)).map((a) => a.id);
  const areaId = chooseArea({ chosenAreaId: state.areaId, outwardCode: state.postcode, areas, userAreaIds });
  const saved = await saveTriageResult(db, {
    outcome: completed.outcome,
    postcode: state.postcode,
    areaId,
    observations: form.data.observations,
    createdByUserId: user.id,
    organisationId: user.organisationId,
  });
  await recordAudit(db, {
    actor: actorFor(user),
    action: "triage-created",
    recordType: "triage_result",
    recordId: saved.id,
    areaId,
    detail: { reference: saved.reference, venue: state.venue, skipped: completed.outcome.result.skipped.length },
    ip: context?.clientIp,
  });
  clearAssisted(session);
  return redirectWithSession(session, `/triage/result/${saved.id}`);
}

export default function TriageAnswers() {
  const { sections } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  return (
    <div className="app-compact">
      <BackLink href="/triage/sections">Back to sections</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errorSummaryItems(errors)} />
          <h1 className="govuk-heading-l">Check answers and finish</h1>
          {sections.map((section) => (
            <section key={section.id} aria-labelledby={`answers-${section.id}`}>
              <h2 className="govuk-heading-s" id={`answers-${section.id}`}>
                {section.title}
              </h2>
              <SummaryList
                rows={section.rows.map((row) => ({
                  key: row.summary,
                  value: row.skipped ? <strong>Skipped</strong> : row.answer.join(", ") + (row.inferred ? " (from an earlier answer)" : ""),
                  actions: row.changeHref ? [{ href: row.changeHref, text: row.skipped ? "Answer" : "Change", visuallyHiddenText: row.summary.toLowerCase() }] : [],
                }))}
              />
            </section>
          ))}
          <Form method="post" noValidate>
            <Textarea
              name="observations"
              label="Your notes (optional)"
              labelSize="s"
              hint="What you noticed that the answers do not show. Do not write the person's name, address, phone number or email."
              rows={4}
              maxLength={OBSERVATIONS_MAX}
              defaultValue={actionData?.values.observations}
              error={errors.observations}
            />
            <Button preventDoubleClick>Finish and see the plan</Button>
          </Form>
        </div>
      </div>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Check answers and finish – Triage conversation – Waymark" }];
