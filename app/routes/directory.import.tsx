import {
  MaxPartSizeExceededError,
  json,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireAnyPermission } from "~/accounts/auth.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Details } from "~/components/details";
import { ErrorMessage } from "~/components/error-message";
import { ErrorSummary } from "~/components/error-summary";
import { NotificationBanner } from "~/components/notification-banner";
import { Table } from "~/components/table";
import { Textarea } from "~/components/textarea";
import { CSV_COLUMNS, MAX_CSV_BYTES, MAX_CSV_ROWS } from "~/directory/csv-import";
import { previewCsvImport, runCsvImport, type CsvPreview } from "~/directory/csv-import.server";
import { getCategoryTaxonomy } from "~/directory/taxonomy.server";
import { getDb } from "~/lib/db.server";
import { ScrollRegion } from "~/components/scroll-region";
import { readFormData } from "~/lib/forms";

const IMPORTERS = ["directory:edit:area", "directory:edit:all"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnyPermission(request, IMPORTERS);
  return json({ categories: getCategoryTaxonomy().terms.map((t) => ({ id: t.id, name: t.name })) });
}

/** The submitted CSV: an uploaded file (multipart) or pasted text; "" when neither was given. */
async function readSubmission(request: Request): Promise<{ intent: string; text: string } | { error: string }> {
  const multipart = (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data");
  let form: FormData;
  try {
    form = multipart
      ? await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_CSV_BYTES }))
      : await readFormData(request);
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { error: "The file must be 2 MB or smaller. Split it into smaller files." };
    // A cut-off or hand-made upload (no boundary, broken parts) is a bad request, not a fault of ours.
    if (error instanceof Error) return { error: "The file could not be read. Choose it again and send it." };
    throw error;
  }
  const file = form.get("file");
  const pasted = form.get("csv");
  const fromFile = file instanceof File && file.size > 0 ? await file.text() : "";
  const text = fromFile || (typeof pasted === "string" ? pasted : "");
  if (text.length > MAX_CSV_BYTES) return { error: "The rows must be 2 MB or smaller. Split them into smaller files." };
  return { intent: String(form.get("intent") ?? "preview"), text };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireAnyPermission(request, IMPORTERS);
  const submission = await readSubmission(request);
  if ("error" in submission) return json({ error: submission.error, text: "", preview: null as CsvPreview | null }, { status: 400 });
  const { intent, text } = submission;
  if (!text.trim()) return json({ error: "Choose a CSV file or paste the rows", text, preview: null }, { status: 400 });
  const db = getDb();
  if (intent === "import") {
    const result = await runCsvImport(db, user, text, { ip: context?.clientIp });
    if (result.ok) return redirect(`/directory/import?created=${result.created}&updated=${result.updated}&unchanged=${result.unchanged}`);
    return json({ error: null, text, preview: result.preview }, { status: 400 });
  }
  const preview = await previewCsvImport(db, user, text);
  return json({ error: null, text, preview }, { status: preview.errors.length > 0 ? 400 : 200 });
}

const ACTION_TEXT = { create: "Add", update: "Update", unchanged: "No change" } as const;

export default function ImportListings() {
  const { categories } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const preview = actionData?.preview ?? null;
  const errors = preview?.errors ?? [];
  const writes = preview ? preview.rows.filter((r) => r.action !== "unchanged").length : 0;
  const imported = !actionData && params.has("created");
  const lineText = (e: { line: number | null; field: string | null; message: string }) => `${e.line ? `Line ${e.line}: ` : ""}${e.field ? `${e.field}: ` : ""}${e.message}`;
  return (
    <>
      <BackLink href="/directory/manage">Back to listings</BackLink>
      {imported ? (
        <NotificationBanner type="success" heading="Import finished.">
          <p className="govuk-body">
            {params.get("created")} added, {params.get("updated")} updated, {params.get("unchanged")} unchanged. They are live in the directory now.
          </p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary
        title={errors.length > 0 ? "There is a problem with the file. Nothing has been imported." : undefined}
        errors={[...(actionData?.error ? [{ href: "#file", text: actionData.error }] : []), ...errors.slice(0, 25).map((e) => ({ href: "#csv", text: lineText(e) }))]}
      />
      <h1 className="govuk-heading-l">Import services from a spreadsheet</h1>
      <p className="govuk-body">
        Save the spreadsheet as CSV, with a header row naming the columns. You will see what the import would do before anything changes. A row whose name and organisation match a listing updates it; any other row adds one. Every row has to be right before any are imported.
      </p>
      <Details summary="Columns you can use">
        <Table
          head={[{ text: "Column" }, { text: "What to put in it" }, { text: "Example" }]}
          firstCellIsHeader
          rows={CSV_COLUMNS.map((c) => [`${c.header}${c.required ? "" : " (optional)"}`, c.description, c.example])}
        />
        <p className="govuk-body">Category ids:</p>
        <ul className="govuk-list govuk-list--bullet">
          {categories.map((c) => (
            <li key={c.id}>
              <code>{c.id}</code>: {c.name}
            </li>
          ))}
        </ul>
        <p className="govuk-body">Up to {MAX_CSV_ROWS.toLocaleString("en-GB")} rows and 2 MB at a time.</p>
      </Details>

      <Form method="post" encType="multipart/form-data" noValidate>
        <div className={`govuk-form-group${actionData?.error ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label govuk-label--s" htmlFor="file">
            CSV file
          </label>
          {actionData?.error ? <ErrorMessage id="file-error">{actionData.error}</ErrorMessage> : null}
          <input className="govuk-file-upload" id="file" name="file" type="file" accept=".csv,text/csv" aria-describedby={actionData?.error ? "file-error" : undefined} />
        </div>
        <Textarea
          name="csv"
          label="Or paste the rows, header first"
          labelSize="s"
          hint="After a preview the file’s rows appear here, so you can put mistakes right and preview again."
          rows={8}
          spellCheck={false}
          defaultValue={actionData?.text ?? ""}
          error={errors.length > 0 ? `${errors.length === 1 ? "1 problem" : `${errors.length} problems`} in the rows: see the list above` : undefined}
        />
        <Button name="intent" value="preview" variant={preview && errors.length === 0 ? "secondary" : "primary"}>
          Preview import
        </Button>
      </Form>

      {preview ? <PreviewTable preview={preview} lineText={lineText} /> : null}
      {preview && errors.length === 0 && writes > 0 ? (
        <Form method="post" noValidate>
          <input type="hidden" name="csv" value={actionData?.text ?? ""} />
          <Button name="intent" value="import" preventDoubleClick>
            {writes === 1 ? "Import 1 service" : `Import ${writes} services`}
          </Button>
        </Form>
      ) : null}
    </>
  );
}

function PreviewTable({ preview, lineText }: { preview: CsvPreview; lineText: (e: CsvPreview["errors"][number]) => string }) {
  const count = (action: keyof typeof ACTION_TEXT) => preview.rows.filter((r) => r.action === action).length;
  return (
    <>
      <h2 className="govuk-heading-m">Preview</h2>
      {preview.errors.length > 0 ? (
        <>
          <p className="govuk-body">Nothing has been imported. Put these right and preview again:</p>
          <ul className="govuk-list govuk-list--bullet" id="import-errors">
            {preview.errors.map((e, i) => (
              <li key={i}>{lineText(e)}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="govuk-body">
          {count("create")} to add, {count("update")} to update, {count("unchanged")} unchanged. Nothing has changed yet.
        </p>
      )}
      {preview.ignoredColumns.length > 0 ? <p className="govuk-body">These columns are not used and will be ignored: {preview.ignoredColumns.join(", ")}.</p> : null}
      {preview.rows.length > 0 ? (
        <ScrollRegion label="Rows that are ready">
          <Table
            caption="Rows that are ready"
            head={[{ text: "Line", numeric: true }, { text: "Service" }, { text: "What happens" }]}
            rows={preview.rows.map((r) => [
              String(r.line),
              <>
                {r.name}
                <span className="govuk-hint govuk-!-margin-bottom-0">
                  {r.organisationName}
                  {r.areaName ? `, ${r.areaName}` : ", national"}
                </span>
              </>,
              <>
                {ACTION_TEXT[r.action]}
                {r.action === "update" ? `: ${r.changes.join(", ")}` : ""}
                {r.notice ? <span className="govuk-hint govuk-!-margin-bottom-0">{r.notice}</span> : null}
              </>,
            ])}
          />
        </ScrollRegion>
      ) : null}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Import services – Waymark" }];
