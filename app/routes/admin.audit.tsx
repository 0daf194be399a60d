import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { auditFilterOptions, listAuditEntries, readsWholeAuditLog } from "~/accounts/audit-log.server";
import { requireAnyPermission } from "~/accounts/auth.server";
import { formatDateTime } from "~/accounts/format";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { Input } from "~/components/input";
import { Pagination } from "~/components/pagination";
import { Select } from "~/components/select";
import { Table } from "~/components/table";
import { getDb } from "~/lib/db.server";
import { echoed, parseForm } from "~/lib/forms";

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const date = (label: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} must be a date like 2025-03-27`)
      .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), `${label} must be a real date`)
      .optional(),
  );

const filtersSchema = z
  .object({
    action: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
    recordType: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
    actorEmail: z.preprocess(blankToUndefined, z.string().trim().max(254, "Email address must be 254 characters or fewer").optional()),
    from: date("Start date"),
    to: date("End date"),
    page: z.coerce.number().int().min(1).catch(1),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "End date must be the same as or after the start date" });

/** A compact, readable line from an entry's JSON detail. */
function describeDetail(detail: string): string {
  try {
    const parsed = JSON.parse(detail) as Record<string, unknown>;
    return Object.entries(parsed)
      .filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0))
      .map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
      .join("; ");
  } catch {
    return detail;
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireAnyPermission(request, ["audit:read", "audit:read:area"]);
  const db = getDb();
  const searchParams = new URL(request.url).searchParams;
  const values: Record<string, string | string[]> = Object.fromEntries(searchParams);
  const query = new FormData();
  for (const [key, value] of searchParams) query.append(key, value);
  const filters = parseForm(filtersSchema, query);
  const options = await auditFilterOptions(db, user);
  const wholeLog = readsWholeAuditLog(user);
  if (!filters.success) return json({ wholeLog, options, errors: filters.errors, values, entries: [], page: 1, totalPages: 1, total: 0 });
  const result = await listAuditEntries(db, user, filters.data);
  return json({
    wholeLog,
    options,
    errors: {} as Record<string, string>,
    values,
    ...result,
    entries: result.entries.map((e) => ({
      id: e.id,
      at: formatDateTime(e.at),
      actor: e.actor_label,
      action: e.action,
      record: e.record_id ? `${e.record_type} ${e.record_id}` : e.record_type,
      recordHref: e.record_type === "user" && e.record_id ? `/admin/users/${e.record_id}` : null,
      detail: describeDetail(e.detail),
      ip: e.ip ?? "",
    })),
  });
}

export default function AuditLog() {
  const { wholeLog, options, errors, values, entries, page, totalPages, total } = useLoaderData<typeof loader>();
  const hrefFor = (p: number) => {
    const params = new URLSearchParams();
    for (const key of ["action", "recordType", "actorEmail", "from", "to"]) {
      const value = echoed(values, key);
      if (value) params.set(key, value);
    }
    if (p > 1) params.set("page", String(p));
    const search = params.toString();
    return search ? `/admin/audit?${search}` : "/admin/audit";
  };
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <>
      <BackLink href="/admin">Back to admin</BackLink>
      <ErrorSummary errors={errorSummaryItems({ actorEmail: errors.actorEmail, from: errors.from, to: errors.to })} />
      <h1 className="govuk-heading-l">Audit log</h1>
      <p className="govuk-body">
        {wholeLog ? "Everything recorded, newest first." : "What happened in your areas, or was done by or to people in them, newest first."} Entries cannot be changed or deleted.
      </p>
      <form method="get" action="/admin/audit" noValidate>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select name="action" label="Action" items={[{ value: "", text: "Any action" }, ...options.actions.map((a) => ({ value: a, text: a }))]} defaultValue={echoed(values, "action") ?? ""} />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select name="recordType" label="Record type" items={[{ value: "", text: "Any record" }, ...options.recordTypes.map((r) => ({ value: r, text: r }))]} defaultValue={echoed(values, "recordType") ?? ""} />
          </div>
          <div className="govuk-grid-column-one-third">
            <Input name="actorEmail" label="Done by (email address)" type="email" spellCheck={false} defaultValue={echoed(values, "actorEmail")} error={errors.actorEmail} />
          </div>
        </div>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Input name="from" label="From" type="date" hint="For example, 2025-03-27" defaultValue={echoed(values, "from")} error={errors.from} />
          </div>
          <div className="govuk-grid-column-one-third">
            <Input name="to" label="To" type="date" hint="For example, 2025-03-31" defaultValue={echoed(values, "to")} error={errors.to} />
          </div>
        </div>
        <Button variant="secondary">Apply filters</Button>
      </form>
      {hasErrors ? null : (
        <>
          <p className="govuk-body" role="status">
            {total === 1 ? "1 entry" : `${total} entries`}
          </p>
          {entries.length > 0 ? (
            <Table
              caption="Entries"
              captionSize="m"
              head={[{ text: "When" }, { text: "Who" }, { text: "Action" }, { text: "Record" }, { text: "Details" }, { text: "IP address" }]}
              rows={entries.map((e) => [
                e.at,
                e.actor,
                e.action,
                e.recordHref ? (
                  <a key="record" className="govuk-link" href={e.recordHref}>
                    {e.record}
                  </a>
                ) : (
                  e.record
                ),
                e.detail,
                e.ip,
              ])}
            />
          ) : (
            <p className="govuk-body">No entries match these filters.</p>
          )}
          <Pagination currentPage={page} totalPages={totalPages} hrefFor={hrefFor} landmarkLabel="Pages of the audit log" />
        </>
      )}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Audit log – Admin – Waymark" }];
