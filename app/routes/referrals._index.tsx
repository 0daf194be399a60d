import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireAnyPermission } from "~/accounts/auth.server";
import { formatDateTime } from "~/accounts/format";
import { can } from "~/accounts/policy";
import { Button } from "~/components/button";
import { Checkboxes } from "~/components/checkboxes";
import { Input } from "~/components/input";
import { Pagination } from "~/components/pagination";
import { Select } from "~/components/select";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import { getDb } from "~/lib/db.server";
import { formatReferenceCode } from "~/lib/reference-code";
import { StatusTag } from "~/referrals/components";
import { listInbox } from "~/referrals/inbox.server";
import { REFERRAL_STATUSES, STATUS_LABELS } from "~/referrals/status-machine";

const blank = (value: unknown) => (value === "" ? undefined : value);

// Filters come from links people share or edit, so a bad value is ignored rather than an error.
const filtersSchema = z.object({
  status: z.preprocess(blank, z.enum(REFERRAL_STATUSES).optional()).catch(undefined),
  service: z.preprocess(blank, z.string().max(100).optional()).catch(undefined),
  age: z.preprocess(blank, z.coerce.number().int().min(0).max(3650).optional()).catch(undefined),
  stuck: z.preprocess(blank, z.literal("yes").optional()).catch(undefined),
  safeguarding: z.preprocess(blank, z.literal("yes").optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireAnyPermission(request, ["referral:read:own", "referral:read:own-org", "referral:read:area", "referral:read:all"]);
  const url = new URL(request.url);
  const filters = filtersSchema.parse({
    status: url.searchParams.get("status") ?? undefined,
    service: url.searchParams.get("service") ?? undefined,
    age: url.searchParams.get("age") ?? undefined,
    stuck: url.searchParams.get("stuck") ?? undefined,
    safeguarding: url.searchParams.get("safeguarding") ?? undefined,
    page: url.searchParams.get("page") ?? undefined,
  });
  const now = new Date();
  const inbox = await listInbox(
    getDb(),
    user,
    {
      status: filters.status,
      serviceId: filters.service,
      minAgeDays: filters.age,
      stuck: filters.stuck === "yes",
      safeguarding: filters.safeguarding === "yes",
      page: filters.page,
    },
    now,
  );
  return json({
    filters: { status: filters.status ?? "", service: filters.service ?? "", age: filters.age?.toString() ?? "", stuck: filters.stuck ?? "", safeguarding: filters.safeguarding ?? "" },
    canCreate: can(user.role, "referral:create"),
    ...inbox,
    rows: inbox.rows.map((row) => ({
      ...row,
      formatted: formatReferenceCode(row.reference),
      made: formatDateTime(row.createdAt),
      days: Math.floor((now.getTime() - Date.parse(row.createdAt)) / 86_400_000),
    })),
  });
}

const HEADINGS = {
  provider: { title: "Referrals to your services", intro: "Referrals to your organisation's services. Those that need you to act come first." },
  referrer: { title: "Your referrals", intro: "The referrals you have made and where each one has got to." },
  coordinator: { title: "Referrals in your areas", intro: "Referrals in the areas you coordinate. Safeguarding concerns and stuck referrals come first." },
  all: { title: "All referrals", intro: "Every referral in Waymark. Safeguarding concerns and stuck referrals come first." },
} as const;

export default function Inbox() {
  const d = useLoaderData<typeof loader>();
  const heading = HEADINGS[d.scope];
  const wide = d.scope === "coordinator" || d.scope === "all";
  const hrefFor = (page: number) => {
    const params = new URLSearchParams(Object.entries(d.filters).filter(([, value]) => value !== ""));
    if (page > 1) params.set("page", String(page));
    const search = params.toString();
    return search ? `/referrals?${search}` : "/referrals";
  };
  return (
    <>
      <h1 className="govuk-heading-l">{heading.title}</h1>
      <p className="govuk-body">{heading.intro}</p>
      {d.canCreate ? <Button href="/referrals/new">Make a referral</Button> : null}
      <form method="get" action="/referrals" className="app-referral-filters">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select
              name="status"
              label="Status"
              items={[{ value: "", text: "Any status" }, ...REFERRAL_STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s] }))]}
              defaultValue={d.filters.status}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              name="service"
              label="Service"
              items={[{ value: "", text: "Any service" }, ...d.services.map((s) => ({ value: s.id, text: s.name }))]}
              defaultValue={d.filters.service}
            />
          </div>
          {wide ? (
            <div className="govuk-grid-column-one-third">
              <Input name="age" label="Made at least this many days ago" type="text" inputMode="numeric" width="4" defaultValue={d.filters.age} />
            </div>
          ) : null}
        </div>
        {wide ? (
          <>
            <Checkboxes
              name="stuck"
              small
              items={[{ value: "yes", text: "Only stuck referrals", hint: "Flagged by the chaser, or no change for 10 working days" }]}
              defaultValues={d.filters.stuck ? ["yes"] : []}
            />
            <Checkboxes
              name="safeguarding"
              small
              items={[{ value: "yes", text: "Only safeguarding concerns" }]}
              defaultValues={d.filters.safeguarding ? ["yes"] : []}
            />
          </>
        ) : null}
        <Button variant="secondary">Apply filters</Button>
      </form>
      <p className="govuk-body" role="status">
        {d.total === 1 ? "1 referral" : `${d.total} referrals`}
      </p>
      {d.rows.length > 0 ? (
        <Table
          caption={heading.title}
          captionSize="m"
          firstCellIsHeader
          head={[{ text: "Reference" }, { text: "Service" }, { text: "Status" }, { text: "To do" }, { text: "Made" }]}
          rows={d.rows.map((row) => [
            <a key="ref" className="govuk-link app-reference" href={`/referrals/${row.reference}`}>
              {row.formatted}
            </a>,
            <span key="service">
              {row.serviceName}
              {row.areaName && wide ? <span className="govuk-hint govuk-!-margin-0"> {row.areaName}</span> : null}
            </span>,
            <span key="status" className="app-referral-tags">
              {row.kind === "logged" ? <Tag colour="grey">Signpost only</Tag> : <StatusTag status={row.status} />}
              {row.safeguarding ? <Tag colour="red">Safeguarding</Tag> : null}
              {row.selfReferral ? <Tag colour="purple">Self-referral</Tag> : null}
            </span>,
            row.why || "Nothing",
            `${row.made} (${row.days === 1 ? "1 day" : `${row.days} days`} ago)`,
          ])}
        />
      ) : (
        <p className="govuk-body">No referrals match.</p>
      )}
      <Pagination currentPage={d.page} totalPages={d.totalPages} hrefFor={hrefFor} landmarkLabel="Pages of referrals" />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Referrals – Waymark" }];
