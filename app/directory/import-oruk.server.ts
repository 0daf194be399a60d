/**
 * Imports an Open Referral UK 3.0 feed: pages through `/services`, fetches each full record when
 * the list only gives summaries, validates it and upserts it. Running it twice creates nothing
 * new. Problems never stop the run: a bad record is listed as invalid, a failed page as an
 * error, and everything else is kept.
 */
import type { Db } from "~/lib/db.server";
import { describeRecordIssues, orukEnvelopeSchema, orukServiceSchema } from "./oruk-import-schema";
import { writeOrukService } from "./oruk-import-write.server";

export interface OrukImportReport {
  created: number;
  updated: number;
  unchanged: number;
  invalid: Array<{ id: string; reason: string }>;
  errors: Array<{ page: number; reason: string }>;
}

export interface ImportOrukOptions {
  fetch?: typeof fetch;
  now?: () => Date;
  /** Per request; a feed that hangs is reported, not waited on forever. */
  timeoutMs?: number;
  /** A guard against a feed whose paging never ends. */
  maxPages?: number;
}

// Arrays only a full record carries; a list item with none of them is a summary.
const NESTED = ["service_at_locations", "schedules", "phones", "contacts", "attributes", "cost_options", "languages", "service_areas"];

type Fetched = { ok: true; data: unknown } | { ok: false; reason: string };

export async function importOrukFeed(db: Db, baseUrl: string, options: ImportOrukOptions = {}): Promise<OrukImportReport> {
  const base = baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? fetch;
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxPages = options.maxPages ?? 10_000;
  const report: OrukImportReport = { created: 0, updated: 0, unchanged: 0, invalid: [], errors: [] };

  async function getJson(url: string): Promise<Fetched> {
    try {
      const response = await doFetch(url, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok) return { ok: false, reason: `HTTP ${response.status} from ${url}` };
      const body = await response.text();
      try {
        return { ok: true, data: JSON.parse(body) };
      } catch {
        // The parser's own message quotes the body, which may hold anything a broken feed sends.
        return { ok: false, reason: `${url} did not answer with JSON: its ${body.length} characters cannot be read as JSON` };
      }
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const detail = cause ? ` (${cause.code ?? cause.message})` : "";
      return { ok: false, reason: `${url} could not be read: ${(error as Error).message}${detail}` };
    }
  }

  async function importItem(item: unknown): Promise<void> {
    const summary = item !== null && typeof item === "object" ? (item as Record<string, unknown>) : {};
    const id = typeof summary.id === "string" ? summary.id : "(no id)";
    let record: unknown = item;
    if (!NESTED.some((key) => Array.isArray(summary[key])) && typeof summary.id === "string") {
      const full = await getJson(`${base}/services/${encodeURIComponent(summary.id)}`);
      if (!full.ok) {
        report.invalid.push({ id, reason: `the full record could not be fetched: ${full.reason}` });
        return;
      }
      record = full.data;
    }
    const parsed = orukServiceSchema.safeParse(record);
    if (!parsed.success) {
      report.invalid.push({ id, reason: describeRecordIssues(parsed.error) });
      return;
    }
    try {
      report[await writeOrukService(db, parsed.data, base, now())] += 1;
    } catch (error) {
      report.invalid.push({ id, reason: `could not be saved: ${(error as Error).message}` });
    }
  }

  let totalPages: number | undefined;
  for (let page = 1; page <= maxPages; page++) {
    const fetched = await getJson(`${base}/services?page=${page}`);
    const envelope = fetched.ok ? orukEnvelopeSchema.safeParse(fetched.data) : undefined;
    if (!fetched.ok || !envelope?.success) {
      const reason = fetched.ok ? `not an ORUK page: ${describeRecordIssues(envelope!.error!)}` : fetched.reason;
      report.errors.push({ page, reason });
      // Without a page count from an earlier page there is no knowing what comes next.
      if (totalPages === undefined || page >= totalPages) break;
      continue;
    }
    const { contents, last_page, total_pages } = envelope.data;
    totalPages = total_pages ?? totalPages;
    for (const item of contents) await importItem(item);
    if (last_page || contents.length === 0 || (totalPages !== undefined && page >= totalPages)) break;
  }
  return report;
}
