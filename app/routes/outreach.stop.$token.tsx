import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { actorFor, recordAudit } from "~/accounts/audit.server";
import { formatDateTime } from "~/accounts/format";
import { Button } from "~/components/button";
import { Details } from "~/components/details";
import { Panel } from "~/components/panel";
import { SummaryList } from "~/components/summary-list";
import { getDb } from "~/lib/db.server";
import { readFormData } from "~/lib/forms";
import { personData } from "~/outreach/person-data.server";
import { endSubscriptions, findSubscriptionByToken } from "~/outreach/subscriptions.server";

async function subscriptionFor(token: string | undefined) {
  const subscription = await findSubscriptionByToken(getDb(), token ?? "");
  if (!subscription) throw new Response("Not found", { status: 404 });
  return subscription;
}

/**
 * The link in every message. Opening it shows one button rather than stopping at once, because
 * email security scanners open links before people do and would stop messages nobody asked to
 * stop. No sign-in: the link itself is the key, and it only stops this one person's messages.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const subscription = await subscriptionFor(params.token);
  const done = new URL(request.url).searchParams.get("done");
  return json({ data: await personData(getDb(), subscription), erased: subscription.ended_by === "erased", done: done === "stopped" || done === "erased" ? done : null });
}

const stopSchema = z.object({ intent: z.enum(["stop", "erase"]).catch("stop") });

export async function action({ params, request, context }: ActionFunctionArgs) {
  const subscription = await subscriptionFor(params.token);
  const { intent } = stopSchema.parse(Object.fromEntries(await readFormData(request)));
  const db = getDb();
  if (intent === "erase") {
    await db.transaction().execute(async (trx) => {
      // Ending an already-ended consent does nothing, so the interests are removed here too.
      await endSubscriptions(trx, [subscription.id], "erased");
      await trx.deleteFrom("outreach_interests").where("subscription_id", "=", subscription.id).execute();
      await trx.updateTable("outreach_subscriptions").set({ ended_by: "erased", outward_code: null }).where("id", "=", subscription.id).execute();
    });
  } else {
    await endSubscriptions(db, [subscription.id], "link");
  }
  await recordAudit(db, { actor: actorFor(null), action: intent === "erase" ? "outreach-data-erased" : "outreach-consent-withdrawn", recordType: "outreach_subscription", recordId: subscription.id, areaId: subscription.area_id, ip: context?.clientIp });
  return redirect(`/outreach/stop/${params.token}?done=${intent === "erase" ? "erased" : "stopped"}`);
}

export default function StopOutreach() {
  const { data, erased, done } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {data.status === "ended" ? (
          <Panel title={done === "erased" || erased ? "We have deleted your details" : "You will not get any more messages"}>
            {erased ? "We keep only a count that someone once asked." : `We have deleted your ${data.channel === "Text message" ? "number" : "email address"}.`}
          </Panel>
        ) : (
          <>
            <h1 className="govuk-heading-l">Stop messages about help near you</h1>
            <p className="govuk-body">
              You asked for {data.channel === "Text message" ? "texts" : "emails"} about help near you on {formatDateTime(data.agreedOn)}. If you stop, we delete your{" "}
              {data.channel === "Text message" ? "number" : "email address"} straight away and send you nothing more.
            </p>
            <Form method="post">
              <input type="hidden" name="intent" value="stop" />
              <Button variant="warning">Stop my messages</Button>
            </Form>
          </>
        )}
        {!erased ? <WhatWeHold /> : null}
      </div>
    </div>
  );
}

function WhatWeHold() {
  const { data } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="held">
      <h2 className="govuk-heading-m" id="held">
        What we hold about you
      </h2>
      <SummaryList
        rows={[
          { key: "How we contact you", value: data.channel },
          { key: data.channel === "Text message" ? "Number" : "Email address", value: data.contact ?? "Deleted" },
          { key: "Area", value: data.area ?? "Not known" },
          { key: "Postcode district", value: data.district ?? "Not known" },
          { key: "Help you might want", value: [...data.barriers, ...data.goals].join(", ") || "Nothing recorded" },
          { key: "Messages sent to you", value: String(data.messages.filter((m) => m.sentOn).length) },
        ]}
      />
      <Details summary="The words you agreed to">
        <p className="govuk-body">{data.words}</p>
      </Details>
      <Form method="post">
        <input type="hidden" name="intent" value="erase" />
        <Button variant="secondary">Delete all of this</Button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Stop messages – Waymark" }];
