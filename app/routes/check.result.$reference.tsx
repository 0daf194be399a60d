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
  const plan = planView(saved, "resident", planLookups);

  const postcode = (url.searchParams.get("postcode") ?? "").trim().slice(0, 20);
  const postcodeError = postcode && parsePostcodeInput(postcode).kind === "invalid" ? "Enter a real postcode, like ME14 1LE" : null;
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

const sendSchema = z
  .object({
    to: z.string().max(320, "Enter a mobile phone number or an email address of 320 characters or fewer").optional().default(""),
    consent: z.string().optional().default(""),
  })
  .transform((form, ctx) => {
    const recipient = planRecipient(form.to);
    if (!recipient.ok) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["to"], message: recipient.error });
    if (form.consent !== "yes") ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["consent"], message: "Tick the box to say we may send your plan once" });
    return recipient.ok ? { channel: recipient.channel, to: recipient.to } : z.NEVER;
  });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const saved = await findResult(params.reference);
  const formData = await readFormData(request);
  const form = parseForm(sendSchema, formData);
  if (!form.success) return json({ errors: form.errors, values: { to: echoed(form.values, "to") } }, { status: 400 });
  const { channel, to } = form.data;
  const plan = planView(saved, "resident", planLookups);
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
  const { plan, origin } = data;
  const absolute = (href: string) => `${origin}${href}`;
  return (
    <div className="govuk-grid-row app-plan">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={[...(data.postcodeError ? [{ href: "#postcode", text: data.postcodeError }] : []), ...errorSummaryItems(sendErrors)]} />
        {data.sent ? (
          <NotificationBanner type="success" heading={`We are sending your plan by ${data.sent === "sms" ? "text message" : "email"}.`}>
            <p className="govuk-body">We will delete your {data.sent === "sms" ? "number" : "email address"} once it has been sent.</p>
          </NotificationBanner>
        ) : null}
        {data.nearby ? (
          // The postcode search reloads the page at the top, so say where the answer is.
          <NotificationBanner heading={data.nearby.length > 0 ? `We found ${data.nearby.length} places that can help near ${data.postcode}.` : `We could not find help for your plan near ${data.postcode}.`}>
            <p className="govuk-body">
              <a className="govuk-notification-banner__link" href="#nearby">
                Go to help near you
              </a>
            </p>
          </NotificationBanner>
        ) : null}
        <Panel title="Your plan">
          Your reference is
          <br />
          <strong className="app-reference">{data.referenceText}</strong>
        </Panel>
        <p className="govuk-body">Write down your reference or take a photo of it. You can use it to open this plan again.</p>

        <h2 className="govuk-heading-m">What is going well</h2>
        {plan.goingWell.length > 0 ? (
          <ul className="govuk-list govuk-list--bullet">
            {plan.goingWell.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : (
          <p className="govuk-body">You have taken the first step by doing this check. That is a good start.</p>
        )}

        <h2 className="govuk-heading-m">What is getting in the way</h2>
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
          <p className="govuk-body">Nothing big is getting in your way.</p>
        )}

        <h2 className="govuk-heading-m">Your digital skills</h2>
        <p className="govuk-body">
          <strong>{plan.level.title}.</strong> {plan.level.explanation}
        </p>

        <h2 className="govuk-heading-m">What to do next</h2>
        {plan.steps.length > 0 ? (
          <ol className="govuk-list govuk-list--number app-steps">
            {plan.steps.map((step) => (
              <li key={step.id}>
                <h3 className="govuk-heading-s">{step.title}</h3>
                <p className="govuk-body">{step.text}</p>
                <ul className="govuk-list">
                  {step.guides.map((g) => (
                    <li key={g.href}>
                      Read: <a className="govuk-link" href={absolute(g.href)}>{g.text}</a>
                    </li>
                  ))}
                  {step.categories.map((c) => (
                    <li key={c.id}>
                      Find: <a className="govuk-link" href={absolute(c.href)}>{c.text}</a>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        ) : (
          <p className="govuk-body">You do not need to do anything else. You could help someone else get online.</p>
        )}

        {plan.barrierGuides.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">Guides for what you told us</h2>
            {plan.barrierGuides.map((group) => (
              <Fragment key={group.id}>
                <h3 className="govuk-heading-s">{group.label}</h3>
                <LinkList links={group.guides} lead="Read:" toHref={absolute} />
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
  const { reference, plan, postcode, postcodeError, nearby, origin } = useLoaderData<typeof loader>();
  const more = (id: string) => `${origin}/services?${new URLSearchParams({ category: id, ...(postcode && !postcodeError ? { postcode } : {}) })}`;
  return (
    <section aria-labelledby="nearby">
      <h2 className="govuk-heading-m" id="nearby">
        Help near you
      </h2>
      <form method="get" action={`/check/result/${reference}`} className="app-no-print">
        <Input name="postcode" label="Your postcode" hint="For example, ME14 1LE. We do not keep it." width="10" autoComplete="postal-code" spellCheck={false} defaultValue={postcode} error={postcodeError ?? undefined} />
        <Button variant="secondary">Find help near me</Button>
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
          <p className="govuk-body">We could not find help for your plan near that postcode. Try the links below, or ask at your library.</p>
        )
      ) : null}
      {plan.categoryIds.length > 0 ? (
        // On paper the steps already carry these links, so the list is left off.
        <div className="app-no-print">
          <h3 className="govuk-heading-s">See all the help for</h3>
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
  const { reference, referenceText, origin } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const values = actionData?.values;
  return (
    <section aria-labelledby="keep">
      <h2 className="govuk-heading-m" id="keep">
        Keep your plan
      </h2>
      <p className="govuk-body app-only-print">
        Open this plan again at {origin}/check/reopen with your reference {referenceText}.
      </p>
      <div className="app-no-print">
        <PrintButton />
        <p className="govuk-body">
          Your reference is <strong>{referenceText}</strong>.{" "}
          <a className="govuk-link" href="/check/reopen">
            Open your plan again with your reference
          </a>
          .
        </p>
        <h3 className="govuk-heading-s">Send my plan by text or email</h3>
        <Form method="post" action={`/check/result/${reference}`} noValidate>
          <Input
            name="to"
            label="Mobile phone number or email address"
            hint="We send your plan once, then delete the number or address."
            autoComplete="off"
            spellCheck={false}
            defaultValue={values?.to}
            error={errors.to}
          />
          <Checkboxes
            name="consent"
            error={errors.consent}
            items={[{ value: "yes", text: "Send my plan to this number or email address once. Do not keep it." }]}
          />
          <Button variant="secondary" preventDoubleClick>
            Send my plan
          </Button>
        </Form>
        <h3 className="govuk-heading-s">Talk to someone</h3>
        <p className="govuk-body">
          <a className="govuk-link" href={`/referrals/self?triage=${reference}`}>
            Ask someone to contact me
          </a>{" "}
          about my plan.
        </p>
      </div>
    </section>
  );
}

/** Printing needs JavaScript; without it the browser's own print option does the same. */
function PrintButton() {
  // False while rendering on the server (and without JavaScript), true once the page has hydrated.
  const canPrint = useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );
  if (!canPrint) return <p className="govuk-body">To keep a paper copy, use your browser&apos;s Print option.</p>;
  return (
    <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={() => window.print()}>
      Print my plan
    </button>
  );
}

export const meta: MetaFunction = () => [{ title: "Your plan – Check what help you might need – Waymark" }];
