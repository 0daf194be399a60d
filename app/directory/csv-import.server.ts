/**
 * The CSV import's two steps. Preview reads every row and says what would happen (add, update,
 * no change) or what is wrong, line by line, writing nothing. Import checks the same file again
 * and writes it only if every row is right, in one transaction: all or nothing, so a
 * coordinator never has to work out which half of a spreadsheet went in.
 */
import { actorFor, recordAudit } from "~/accounts/audit.server";
import { can } from "~/accounts/policy";
import type { Db } from "~/lib/db.server";
import type { CategoryId } from "~/lib/frameworks";
import { CSV_COLUMNS, mapCsvRow, readCsv, type CsvLineError } from "./csv-import";
import { diffListings, type ListingSnapshot } from "./listing-edit";
import { canReachListing, type ListingEditor } from "./listing-edit-scope.server";
import { geocodeSnapshot, loadEditableListing } from "./listing-edit.server";
import { applyListingSnapshot, createListing } from "./listing-edit-write.server";
import type { LookupOptions } from "./postcodes.server";
import { outwardCodeOf } from "./postcodes";
import { rebuildDirectoryIndex } from "./directory-index.server";
import { getCategoryTaxonomy } from "./taxonomy.server";

export interface PreviewRow {
  line: number;
  action: "create" | "update" | "unchanged";
  name: string;
  organisationName: string;
  areaName: string | null;
  /** Labels of the fields an update changes. */
  changes: string[];
  /** Said beside the row, such as a postcode that could not be looked up just now. */
  notice: string | null;
}

export interface CsvPreview {
  rows: PreviewRow[];
  errors: CsvLineError[];
  ignoredColumns: string[];
}

interface PlannedRow extends PreviewRow {
  serviceId: string | null;
  organisationId: string;
  areaId: string | null;
  snapshot: ListingSnapshot;
}

async function plan(db: Db, user: ListingEditor, text: string, lookup: LookupOptions): Promise<{ planned: PlannedRow[]; preview: CsvPreview }> {
  const csv = readCsv(text);
  const errors = [...csv.errors];
  const planned: PlannedRow[] = [];
  if (errors.some((e) => e.line === null || csv.rows.length === 0)) return { planned, preview: { rows: [], errors, ignoredColumns: csv.ignoredColumns } };

  const [organisations, areas, districts, services] = await Promise.all([
    db.selectFrom("organisations").select(["id", "name"]).execute(),
    db.selectFrom("areas").select(["id", "name"]).execute(),
    db.selectFrom("area_districts").select(["area_id", "outward_code"]).execute(),
    db.selectFrom("services").select(["id", "name", "organisation_id", "area_id"]).execute(),
  ]);
  const organisationBy = new Map<string, { id: string; name: string }>();
  for (const o of organisations) organisationBy.set(o.name.toLowerCase(), o).set(o.id, o);
  const areaBy = new Map(areas.map((a) => [a.name.toLowerCase(), a]));
  const areaName = new Map(areas.map((a) => [a.id, a.name]));
  const areaOfDistrict = new Map(districts.map((d) => [d.outward_code, d.area_id]));
  const existing = new Map(services.map((s) => [`${s.organisation_id}|${s.name.toLowerCase()}`, s]));
  const categoryNames = new Map(getCategoryTaxonomy().terms.map((t) => [t.name.toLowerCase(), t.id as CategoryId]));
  const seen = new Map<string, number>();
  const allAreas = can(user.role, "directory:edit:all");

  for (const row of csv.rows) {
    const fail = (field: string | null, message: string) => errors.push({ line: row.line, field, message });
    const organisation = organisationBy.get((row.values.organisation ?? "").trim().toLowerCase()) ?? organisationBy.get((row.values.organisation ?? "").trim());
    if (!organisation) {
      fail("organisation", row.values.organisation?.trim() ? `No organisation called “${row.values.organisation.trim()}”. Add it under Admin, Organisations first, or check the spelling` : "Enter the organisation that runs the service");
    }
    const key = organisation ? `${organisation.id}|${(row.values.name ?? "").trim().toLowerCase()}` : null;
    const match = key ? existing.get(key) : undefined;
    if (match && !canReachListing(user, match)) {
      fail("name", "This listing is in an area you do not look after, so it cannot be updated from here");
      continue;
    }
    const current = match ? await loadEditableListing(db, match.id) : undefined;
    const mapped = mapCsvRow(row.values, current?.snapshot ?? null, categoryNames);
    if (!mapped.ok) {
      for (const e of mapped.errors) fail(e.field, e.message);
      continue;
    }
    if (!organisation || !key) continue;
    if (seen.has(key)) {
      fail("name", `Line ${seen.get(key)} already has a listing with this name for ${organisation.name}`);
      continue;
    }
    seen.set(key, row.line);

    let areaId = match ? match.area_id : null;
    if (!match) {
      const named = mapped.area ? areaBy.get(mapped.area.toLowerCase()) : undefined;
      if (mapped.area && !named) {
        fail("area", `No area called “${mapped.area}”`);
        continue;
      }
      areaId = named?.id ?? (mapped.snapshot.postcode ? (areaOfDistrict.get(outwardCodeOf(mapped.snapshot.postcode)) ?? null) : null);
      if (!allAreas && (areaId === null || !user.areaIds.includes(areaId))) {
        fail(areaId === null ? "postcode" : "area", areaId === null ? "The postcode is not in any of your areas; give an area column for a service with no address" : `The listing would be in ${areaName.get(areaId)}, which you do not look after`);
        continue;
      }
    }
    const placed = await geocodeSnapshot(db, mapped.snapshot, current?.snapshot ?? null, lookup);
    if (placed.postcodeError) {
      fail("postcode", placed.postcodeError);
      continue;
    }
    const changes = current ? diffListings(current.snapshot, placed.snapshot).map((d) => d.label) : [];
    planned.push({
      line: row.line,
      action: !current ? "create" : changes.length > 0 ? "update" : "unchanged",
      name: placed.snapshot.name,
      organisationName: organisation.name,
      areaName: areaId ? (areaName.get(areaId) ?? null) : null,
      changes,
      notice: placed.notice,
      serviceId: match?.id ?? null,
      organisationId: organisation.id,
      areaId,
      snapshot: placed.snapshot,
    });
  }
  // By line, then in the order of the columns, as a person reads across the spreadsheet.
  const column = (field: string | null) => CSV_COLUMNS.findIndex((c) => c.header === field);
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || column(a.field) - column(b.field));
  const rows = planned.map(({ line, action, name, organisationName, areaName: area, changes, notice }) => ({ line, action, name, organisationName, areaName: area, changes, notice }));
  return { planned, preview: { rows, errors, ignoredColumns: csv.ignoredColumns } };
}

/** What importing the file would do, or what is wrong with it. Writes nothing but postcode lookups to the cache. */
export async function previewCsvImport(db: Db, user: ListingEditor, text: string, lookup: LookupOptions = {}): Promise<CsvPreview> {
  return (await plan(db, user, text, lookup)).preview;
}

export type CsvImportResult =
  | { ok: true; created: number; updated: number; unchanged: number; serviceIds: string[] }
  | { ok: false; preview: CsvPreview };

/** Writes every row, published and counted as checked today, or nothing if any row is wrong. */
export async function runCsvImport(db: Db, user: ListingEditor, text: string, context: { ip?: string | null } = {}, lookup: LookupOptions = {}, now: Date = new Date()): Promise<CsvImportResult> {
  const { planned, preview } = await plan(db, user, text, lookup);
  if (preview.errors.length > 0 || planned.length === 0) return { ok: false, preview };
  const result = { created: 0, updated: 0, unchanged: 0, serviceIds: [] as string[] };
  await db.transaction().execute(async (trx) => {
    for (const row of planned) {
      if (row.action === "unchanged") {
        result.unchanged++;
        continue;
      }
      const id = row.serviceId ?? (await createListing(trx, { organisationId: row.organisationId, areaId: row.areaId }, row.snapshot, user, now));
      if (row.serviceId) await applyListingSnapshot(trx, row.serviceId, row.snapshot, user, now);
      result[row.action === "create" ? "created" : "updated"]++;
      result.serviceIds.push(id);
      await recordAudit(trx, { actor: actorFor(user), action: row.action === "create" ? "listing.created" : "listing.updated", recordType: "service", recordId: id, areaId: row.areaId, detail: { via: "csv-import", line: row.line }, ip: context.ip }, now);
    }
  });
  // Many listings at once: reading them all again is cheaper than refreshing one by one.
  rebuildDirectoryIndex(db);
  return { ok: true, ...result };
}
