import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Fragment, useSyncExternalStore } from "react";
import { z } from "zod";
import { actorFor, recordAudit } from "~/accounts/audit.server";
import { publicBaseUrl } from "~/accounts/tokens.server";
import { Button } from "~/components/button";
import { Checkboxes } from "~/components/checkboxes";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { Input } from "~/components/input";
import { NotificationBanner } from "~/components/notification-banner";
import { Panel } from "~/components/panel";
import { parsePostcodeInput } from "~/directory/postcodes";
import { findHelpNearby } from "~/directory/service-search.server";
import { pageText, planWords } from "~/i18n/i18n.server";
import { getDb } from "~/lib/db.server";
import { echoed, type FieldErrors, parseForm, readFormData } from "~/lib/forms";
import { formatReferenceCode, normaliseReferenceCode } from "~/lib/reference-code";
import { enqueueMessage } from "~/messaging/outbox.server";
import { planLookups } from "~/triage/plan-lookups.server";
import { planMessage, planRecipient } from "~/triage/plan-message";
import { nextPlanSendAt, planSendLimitMessage } from "~/triage/plan-send-limit";
import { recentPlanSends } from "~/triage/plan-sends.server";
import { planView } from "~/triage/plan-view";
import { findTriageResultByReference } from "~/triage/triage-results.server";
import { LinkList } from "~/components/link-list";
import { OutreachOptIn } from "~/outreach/opt-in-link";
import { fill } from "~/i18n/catalogue";

const NEARBY_LIMIT = 5;

async function findResult(reference: string | undefined) {
  const code = normaliseReferenceCode(reference ?? "");
  const saved = code ? await findTriageResultByReference(getDb(), code) : null;
  if (!saved) throw new Response("Not found", { status: 404 });
  return saved;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const saved = await findResult(params.reference);
  // One address per plan, whatever case or spacing the reference was typed in.
  if (params.reference !== saved.reference) throw redirect(`/check/result/${saved.reference}`);
  const url = new URL(request.url);
  const origin = publicBaseUrl(request);
  const language = await pageText(request, "plan");
  const { t } = language;
  const plan = planView(saved, "resident", planLookups(language.code), planWords(language.code));

  const postcode = (url.searchParams.get("postcode") ?? "").trim().slice(0, 20);
  const postcodeError = postcode && parsePostcodeInput(postcode).kind === "invalid" ? t("nearby.postcodeError") : null;
  const nearby =
    postcode && !postcodeError
      ? (await findHelpNearby(getDb(), { categoryIds: plan.categoryIds, postcode, limit: NEARBY_LIMIT })).map((s) => ({
          id: s.id,
          name: s.name,
          organisation: s.organisation,
          distanceText: s.distanceText,
          openingText: s.openingText,
          cost: s.cost,
        }))
      : null;
  const sent = url.searchParams.get("sent");
  return json({
    lang: language.code,
    text: language.copy(""),
    nearbyHeading: nearby ? t(nearby.length > 0 ? "foundNearby" : "noneNearby", { count: nearby.length, postcode }) : null,
    reference: saved.reference,
    referenceText: formatReferenceCode(saved.reference),
    origin,
    plan,
    postcode,
    postcodeError,
    nearby,
    sent: sent === "sms" || sent === "email" ? sent : null,
  });
}

/** The messages are in the resident's language, so the schema is made per request. */
const sendSchema = (t: (key: string) => string) =>
  z
    .object({
      to: z.string().max(320, t("keep.errorTooLong")).optional().default(""),
      consent: z.string().optional().default(""),
    })
    .transform((form, ctx) => {
      const recipient = planRecipient(form.to);
      if (!recipient.ok) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["to"], message: recipient.error });
      if (form.consent !== "yes") ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["consent"], message: t("keep.errorConsent") });
      return recipient.ok ? { channel: recipient.channel, to: recipient.to } : z.NEVER;
    });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const saved = await findResult(params.reference);
  const formData = await readFormData(request);
  const { t } = await pageText(request, "plan");
  const form = parseForm(sendSchema(t), formData);
  if (!form.success) return json({ errors: form.errors, values: { to: echoed(form.values, "to") } }, { status: 400 });
  const { channel, to } = form.data;
  // The text or email is in English for now: Welsh and Polish letters would cost more SMS fragments.
  const plan = planView(saved, "resident", planLookups("en"));
  const message = planMessage(channel, { reference: saved.reference, steps: plan.steps, link: `${publicBaseUrl(request)}/check/result/${saved.reference}` });
  const now = new Date();
  // Counted and queued in one transaction, so two quick clicks cannot both slip under the limit.
  const outcome = await getDb()
    .transaction()
    .execute(async (trx): Promise<{ ok: true } | { ok: false; error: string }> => {
      const until = nextPlanSendAt(await recentPlanSends(trx, saved.id, now), now);
      if (until) return { ok: false, error: planSendLimitMessage(until, now) };
      const queued = await enqueueMessage(
        trx,
        {
          channel,
          to,
          subject: message.subject,
          body: message.body,
          purpose: "plan",
          related: { type: "triage_result", id: saved.id },
          forgetRecipient: true,
        },
        now,
      );
      return queued.ok ? { ok: true } : { ok: false, error: queued.errors.to ?? "We could not send your plan. Try again." };
    });
  if (!outcome.ok) {
    const errors: FieldErrors = { to: outcome.error };
    // As typed, not as tidied up for sending, so the box shows what the person entered.
    const typed = formData.get("to");
    return json({ errors, values: { to: typeof typed === "string" ? typed : to } }, { status: 400 });
  }
  // The recipient is not recorded here: the outbox forgets it once the message is sent.
  await recordAudit(getDb(), { actor: actorFor(null), action: "triage-plan-sent", recordType: "triage_result", recordId: saved.id, areaId: saved.areaId, detail: { channel }, ip: context?.clientIp });
  return redirect(`/check/result/${saved.reference}?sent=${channel}`);
}

export default function CheckResult() {
  const data = useLoaderData<typeof loader>();
  const sendErrors = useActionData<typeof action>()?.errors ?? {};
  const { plan, origin, text } = data;
  const absolute = (href: string) => `${origin}${href}`;
  return (
    <div className="govuk-grid-row app-plan">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary title={text.errorSummaryTitle} errors={[...(data.postcodeError ? [{ href: "#postcode", text: data.postcodeError }] : []), ...errorSummaryItems(sendErrors)]} />
        {data.sent ? (
          <NotificationBanner type="success" heading={data.sent === "sms" ? text.sentSms : text.sentEmail}>
            <p className="govuk-body">{data.sent === "sms" ? text.deleteNumber : text.deleteEmail}</p>
          </NotificationBanner>
        ) : null}
        {data.nearby ? (
          // The postcode search reloads the page at the top, so say where the answer is.
          <NotificationBanner heading={data.nearbyHeading ?? ""}>
            <p className="govuk-body">
              <a className="govuk-notification-banner__link" href="#nearby">
                {text.goToNearby}
              </a>
            </p>
          </NotificationBanner>
        ) : null}
        <Panel title={text.title}>
          {text.referenceIs}
          <br />
          <strong className="app-reference">{data.referenceText}</strong>
        </Panel>
        <p className="govuk-body">{text.keepReference}</p>

        <h2 className="govuk-heading-m">{text.goingWellHeading}</h2>
        {plan.goingWell.length > 0 ? (
          <ul className="govuk-list govuk-list--bullet">
            {plan.goingWell.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : (
          <p className="govuk-body">{text.firstStep}</p>
        )}

        <h2 className="govuk-heading-m">{text.inTheWay}</h2>
        {plan.barriers.length > 0 ? (
          <ul className="govuk-list app-barriers">
            {plan.barriers.map((b) => (
              <li key={b.id}>
                <strong>{b.label}</strong>
                <br />
                {b.severityText}.
              </li>
            ))}
          </ul>
        ) : (
          <p className="govuk-body">{text.nothingInTheWay}</p>
        )}

        <h2 className="govuk-heading-m">{text.skills}</h2>
        <p className="govuk-body">
          <strong>{plan.level.title}.</strong> {plan.level.explanation}
        </p>

        <h2 className="govuk-heading-m">{text.nextSteps}</h2>
        {plan.steps.length > 0 ? (
          <ol className="govuk-list govuk-list--number app-steps">
            {plan.steps.map((step) => (
              <li key={step.id}>
                <h3 className="govuk-heading-s">{step.title}</h3>
                <p className="govuk-body">{step.text}</p>
                <ul className="govuk-list">
                  {step.guides.map((g) => (
                    <li key={g.href}>
                      {text.read} <a className="govuk-link" href={absolute(g.href)} lang={g.lang} hrefLang={g.lang}>{g.text}</a>
                    </li>
                  ))}
                  {step.categories.map((c) => (
                    <li key={c.id}>
                      {text.find} <a className="govuk-link" href={absolute(c.href)}>{c.text}</a>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        ) : (
          <p className="govuk-body">{text.nothingToDo}</p>
        )}

        {plan.barrierGuides.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">{text.barrierGuides}</h2>
            {plan.barrierGuides.map((group) => (
              <Fragment key={group.id}>
                <h3 className="govuk-heading-s">{group.label}</h3>
                <LinkList links={group.guides} lead={text.read} toHref={absolute} />
              </Fragment>
            ))}
          </>
        ) : null}

        <HelpNearby />
        <KeepYourPlan />
        <OutreachOptIn from="check" reference={data.reference} />
      </div>
    </div>
  );
}

function HelpNearby() {
  const { reference, plan, postcode, postcodeError, nearby, origin, text } = useLoaderData<typeof loader>();
  const more = (id: string) => `${origin}/services?${new URLSearchParams({ category: id, ...(postcode && !postcodeError ? { postcode } : {}) })}`;
  return (
    <section aria-labelledby="nearby">
      <h2 className="govuk-heading-m" id="nearby">
        {text["nearby.heading"]}
      </h2>
      <form method="get" action={`/check/result/${reference}`} className="app-no-print">
        <Input name="postcode" label={text["nearby.postcode"]} hint={text["nearby.postcodeHint"]} width="10" autoComplete="postal-code" spellCheck={false} defaultValue={postcode} error={postcodeError ?? undefined} />
        <Button variant="secondary">{text["nearby.search"]}</Button>
      </form>
      {nearby ? (
        nearby.length > 0 ? (
          <ul className="govuk-list app-nearby">
            {nearby.map((s) => (
              <li key={s.id}>
                <a className="govuk-link govuk-!-font-weight-bold" href={`${origin}/services/${s.id}`}>
                  {s.name}
                </a>
                <br />
                <span className="app-meta">{[s.organisation, s.distanceText, s.cost].filter(Boolean).join(". ")}</span>
                {s.openingText ? (
                  <>
                    <br />
                    <span className="app-meta">{s.openingText}</span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="govuk-body">{text["nearby.noneFound"]}</p>
        )
      ) : null}
      {plan.categoryIds.length > 0 ? (
        // On paper the steps already carry these links, so the list is left off.
        <div className="app-no-print">
          <h3 className="govuk-heading-s">{text["nearby.seeAll"]}</h3>
          <ul className="govuk-list">
            {plan.steps
              .flatMap((s) => s.categories)
              .filter((c, i, all) => all.findIndex((o) => o.id === c.id) === i)
              .map((c) => (
                <li key={c.id}>
                  <a className="govuk-link" href={more(c.id)}>
                    {c.text}
                  </a>
                </li>
              ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function KeepYourPlan() {
  const { reference, referenceText, origin, text, lang } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const values = actionData?.values;
  return (
    <section aria-labelledby="keep">
      <h2 className="govuk-heading-m" id="keep">
        {text["keep.heading"]}
      </h2>
      <p className="govuk-body app-only-print">{fill(text["keep.printLine"], { address: `${origin}/check/reopen`, reference: referenceText })}</p>
      <div className="app-no-print">
        <PrintButton tip={text["keep.printTip"]} label={text["keep.print"]} />
        <p className="govuk-body">
          {text["keep.referenceIs"]} <strong>{referenceText}</strong>.{" "}
          <a className="govuk-link" href="/check/reopen">
            {text["keep.reopen"]}
          </a>
          .
        </p>
        <h3 className="govuk-heading-s">{text["keep.sendHeading"]}</h3>
        <Form method="post" action={`/check/result/${reference}`} noValidate>
          <Input
            name="to"
            label={text["keep.to"]}
            hint={text["keep.toHint"]}
            autoComplete="off"
            spellCheck={false}
            defaultValue={values?.to}
            error={errors.to}
          />
          <Checkboxes
            name="consent"
            error={errors.consent}
            items={[{ value: "yes", text: text["keep.consent"] }]}
          />
          <Button variant="secondary" preventDoubleClick>
            {text["keep.send"]}
          </Button>
        </Form>
        <h3 className="govuk-heading-s">{text["keep.talkHeading"]}</h3>
        <p className="govuk-body">
          <a className="govuk-link" href={`/referrals/self?triage=${reference}`} hrefLang={lang === "en" ? undefined : "en-GB"}>
            {text["keep.askContact"]}
          </a>{" "}
          {text["keep.aboutPlan"]}
        </p>
      </div>
    </section>
  );
}

/** Printing needs JavaScript; without it the browser's own print option does the same. */
function PrintButton({ tip, label }: { tip: string; label: string }) {
  // False while rendering on the server (and without JavaScript), true once the page has hydrated.
  const canPrint = useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );
  if (!canPrint) return <p className="govuk-body">{tip}</p>;
  return (
    <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={() => window.print()}>
      {label}
    </button>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.text.title ?? "Your plan"} – ${data?.text.checkTitle ?? "Check what help you might need"} – Waymark` }];
