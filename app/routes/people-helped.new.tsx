import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/accounts/auth.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Checkboxes } from "~/components/checkboxes";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { Input } from "~/components/input";
import { Radios } from "~/components/radios";
import { personHelpedSchema, PLACE_MAX, todayInUk, WHAT_HELPED_MAX } from "~/knowledge/people-helped";
import { listPeopleHelped, logPersonHelped } from "~/knowledge/people-helped.server";
import { MINUTE_PRESETS, minutesErrorField, minutesFrom } from "~/knowledge/people-helped-form";
import { getDb } from "~/lib/db.server";
import { type FieldErrors, parseForm, readFormData } from "~/lib/forms";
import { BARRIERS } from "~/lib/frameworks";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "people-helped:log");
  // Champions usually help several people in one place, so the last place is offered again.
  const [last] = await listPeopleHelped(getDb(), { userId: user.id, limit: 1 });
  return { today: todayInUk(), lastPlace: last?.place ?? "" };
}

const FIELD_ORDER = ["date", "place", "outwardCode", "barriers", "whatHelped", "minutesChoice", "minutesOther"];

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "people-helped:log");
  const formData = await readFormData(request);
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const minuteFields = { minutesChoice: text("minutesChoice"), minutesOther: text("minutesOther") };
  formData.set("minutes", minutesFrom(minuteFields));
  const form = parseForm(personHelpedSchema(todayInUk()), formData, { arrays: ["barriers"] });
  if (!form.success) {
    const { minutes, ...rest } = form.errors;
    const errors: FieldErrors = { ...rest, ...(minutes ? { [minutesErrorField(minuteFields)]: minutes } : {}) };
    const ordered = Object.fromEntries(FIELD_ORDER.flatMap((field) => (errors[field] ? [[field, errors[field]]] : [])));
    return json({ errors: ordered as FieldErrors, values: form.values }, { status: 400 });
  }
  const outward = form.data.outwardCode;
  await logPersonHelped(getDb(), {
    ...form.data,
    userId: user.id,
    organisationId: user.organisationId,
    // A postcode district places the entry in its area; without one, a champion's only area does.
    areaId: outward ? undefined : user.areaIds.length === 1 ? user.areaIds[0] : null,
  });
  return redirect("/people-helped?logged=1");
}

export default function LogPersonHelped() {
  const { today, lastPlace } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const values = actionData?.values;
  const value = (name: string) => {
    const v = values?.[name];
    return typeof v === "string" ? v : undefined;
  };
  const barriers = values?.barriers;
  return (
    <>
      <BackLink href="/people-helped">People you have helped</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errorSummaryItems(errors)} />
          <h1 className="govuk-heading-l">Log someone you helped</h1>
          <p className="govuk-body">Do not write anything that could identify the person, such as their name or address.</p>
          <Form method="post" noValidate>
            <Input name="date" label="Date" type="date" width="10" defaultValue={value("date") ?? today} error={errors.date} />
            <Input
              name="place"
              label="Where you helped"
              hint="For example, Margate library"
              defaultValue={value("place") ?? lastPlace}
              maxLength={PLACE_MAX}
              autoComplete="off"
              error={errors.place}
            />
            <Input
              name="outwardCode"
              label="First part of the person’s postcode (optional)"
              hint="For example, CT9. This helps show where help is needed."
              width="5"
              autoCapitalize="characters"
              spellCheck={false}
              defaultValue={value("outwardCode")}
              error={errors.outwardCode}
            />
            <Checkboxes
              name="barriers"
              legend="Barriers you saw"
              legendSize="s"
              hint="Select all that apply"
              small
              defaultValues={Array.isArray(barriers) ? barriers : []}
              items={BARRIERS.map((barrier) => ({ value: barrier.id, text: barrier.label }))}
              error={errors.barriers}
            />
            <Input
              name="whatHelped"
              label="What helped (optional)"
              hint="For example, set up email on their phone"
              defaultValue={value("whatHelped")}
              maxLength={WHAT_HELPED_MAX}
              error={errors.whatHelped}
            />
            <Radios
              name="minutesChoice"
              legend="Time spent"
              legendSize="s"
              inline
              small
              defaultValue={values ? value("minutesChoice") : "30"}
              error={errors.minutesChoice}
              items={MINUTE_PRESETS.map((minutes) => ({ value: minutes, text: minutes === "60" ? "1 hour" : `${minutes} minutes` }))}
            />
            <Input
              name="minutesOther"
              label="Or type the time in minutes"
              hint="If you type a time here, it is used instead"
              inputMode="numeric"
              width="4"
              suffix="minutes"
              defaultValue={value("minutesOther")}
              error={errors.minutesOther}
            />
            <Button preventDoubleClick>Save</Button>
          </Form>
        </div>
      </div>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Log someone you helped – Waymark" }];
