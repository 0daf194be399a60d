import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { listAreas } from "~/accounts/areas.server";
import { requirePermission } from "~/accounts/auth.server";
import { getSession, redirectWithSession } from "~/accounts/session.server";
import { Button } from "~/components/button";
import { Details } from "~/components/details";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { Input } from "~/components/input";
import { InsetText } from "~/components/inset-text";
import { Radios } from "~/components/radios";
import { Select } from "~/components/select";
import { parsePostcodeInput } from "~/directory/postcodes";
import { residentLanguages } from "~/i18n/i18n.server";
import { getDb } from "~/lib/db.server";
import { echoed, parseForm, readFormData } from "~/lib/forms";
import { VENUE_IDS, VENUES } from "~/triage/assisted-triage";
import { isComplete } from "~/triage/flow";
import { loadTriageContent } from "~/triage/question-bank.server";
import { nextHref } from "~/triage/question-view";
import { clearAssisted, readAssisted, writeAssisted } from "~/triage/triage-session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "triage:create");
  const { bank } = loadTriageContent();
  const state = readAssisted(await getSession(request), user.id);
  const areas = await listAreas(getDb(), user.areaIds);
  return json({
    areas: areas.map((a) => ({ id: a.id, name: a.name })),
    languages: residentLanguages(),
    inProgress: state
      ? {
          answered: Object.keys(state.answers).length,
          continueHref: isComplete(bank, state.answers, "assisted") ? "/triage/answers" : nextHref("/triage", bank, state.answers, "assisted"),
        }
      : null,
  });
}

const POSTCODE_MESSAGE = "Enter a postcode, or just the first half of one, like ME14";

const startSchema = (areaIds: string[]) =>
  z.object({
    residentLanguage: z
      .string()
      .optional()
      .default("en")
      .refine((code) => residentLanguages().some((l) => l.code === code), "Choose a language from the list"),
    postcode: z
      .string()
      .trim()
      .max(10, POSTCODE_MESSAGE)
      .optional()
      .default("")
      .transform((value, ctx) => {
        if (value === "") return null;
        const parsed = parsePostcodeInput(value);
        if (parsed.kind === "invalid") {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: POSTCODE_MESSAGE });
          return z.NEVER;
        }
        return parsed.outwardCode;
      }),
    areaId: z
      .string()
      .optional()
      .default("")
      .refine((id) => id === "" || areaIds.includes(id), "Choose one of your areas, or leave it for the postcode to decide")
      .transform((id) => id || null),
    venue: z
      .string()
      .optional()
      .default("")
      .refine((v) => v === "" || (VENUE_IDS as readonly string[]).includes(v), "Choose where you are from the list")
      .transform((v) => v || null),
  });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "triage:create");
  const session = await getSession(request);
  const formData = await readFormData(request);
  if (formData.get("intent") === "discard") {
    clearAssisted(session);
    return redirectWithSession(session, "/triage");
  }
  const form = parseForm(startSchema(user.areaIds), formData);
  if (!form.success) {
    return json(
      { errors: form.errors, values: { postcode: echoed(form.values, "postcode"), areaId: echoed(form.values, "areaId"), venue: echoed(form.values, "venue"), residentLanguage: echoed(form.values, "residentLanguage") } },
      { status: 400 },
    );
  }
  const { bank } = loadTriageContent();
  writeAssisted(session, { userId: user.id, answers: {}, postcode: form.data.postcode, areaId: form.data.areaId, venue: form.data.venue, residentLanguage: form.data.residentLanguage, startedAt: new Date().toISOString() });
  return redirectWithSession(session, nextHref("/triage", bank, {}, "assisted"));
}

export default function TriageStart() {
  const { areas, inProgress, languages } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const values = actionData?.values;
  return (
    <div className="govuk-grid-row app-compact">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errorSummaryItems(errors)} />
        <h1 className="govuk-heading-l">Triage conversation</h1>
        {inProgress ? (
          <InsetText>
            <p className="govuk-body">
              You have a conversation in progress with {inProgress.answered} answer{inProgress.answered === 1 ? "" : "s"}.
            </p>
            <Button href={inProgress.continueHref}>Carry on</Button>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="discard" />
              <Button variant="secondary">Delete it</Button>
            </Form>
          </InsetText>
        ) : null}
        <p className="govuk-body">Talk it through with the person. You will see what to ask, what to look out for and why it matters. It takes about 10 minutes, and you can skip questions and come back to them.</p>
        <p className="govuk-body">Do not write down the person&apos;s name or contact details. The plan has a reference they can use to open it again.</p>
        <Form method="post" noValidate>
          <h2 className="govuk-heading-m">{inProgress ? "Start a new conversation" : "Before you start"}</h2>
          <Input
            name="postcode"
            label="Their postcode (optional)"
            hint="We keep only the first half, like ME14, to find help nearby."
            width="10"
            autoComplete="off"
            spellCheck={false}
            defaultValue={values?.postcode}
            error={errors.postcode}
          />
          {areas.length > 1 ? (
            <Select
              name="areaId"
              label="Area (optional)"
              hint="Leave this for the postcode to decide."
              items={[{ value: "", text: "Decide from the postcode" }, ...areas.map((a) => ({ value: a.id, text: a.name }))]}
              defaultValue={values?.areaId}
              error={errors.areaId}
            />
          ) : null}
          {languages.length > 1 ? (
            <Select
              name="residentLanguage"
              label="The language they read best"
              hint="Each question is shown in it beside yours, for them to read."
              items={languages.map((l) => ({ value: l.code, text: l.name, lang: l.htmlLang }))}
              defaultValue={values?.residentLanguage ?? "en"}
              error={errors.residentLanguage}
            />
          ) : null}
          <Details summary="Where are you? (optional)" open={Boolean(errors.venue || values?.venue)}>
            <Radios name="venue" legend="Where are you talking?" legendSize="s" small items={VENUES.map((v) => ({ value: v.id, text: v.label }))} defaultValue={values?.venue} error={errors.venue} />
          </Details>
          <Button>{inProgress ? "Start a new conversation" : "Start"}</Button>
        </Form>
      </div>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Triage conversation – Waymark" }];
