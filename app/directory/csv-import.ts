/**
 * Services from a spreadsheet saved as CSV: reading the file (csv-parse, with the line each row
 * starts on), the columns a coordinator may use, and turning one row into the same listing
 * snapshot the edit form makes, so both follow the same rules. Columns left out of the file
 * keep a listing's current values; a column present but blank clears the field.
 */
import { parse } from "csv-parse/sync";
import { CATEGORY_IDS, type CategoryId } from "~/lib/frameworks";
import { ATTENDING_MODES, type AttendingMode } from "./content-schema";
import { DAY_CODES, listingSnapshotSchema, type DayCode, type ListingField, type ListingSnapshot } from "./listing-edit";

export const MAX_CSV_BYTES = 2 * 1024 * 1024;
export const MAX_CSV_ROWS = 1000;

export interface CsvColumn {
  key: string;
  header: string;
  required: boolean;
  description: string;
  example: string;
}

export const CSV_COLUMNS: CsvColumn[] = [
  { key: "name", header: "name", required: true, description: "The service’s name. With the organisation, it decides whether a row adds a listing or updates one.", example: "Laptop loans at Park Wood" },
  { key: "organisation", header: "organisation", required: true, description: "The organisation that runs it, as named under Admin, Organisations.", example: "Connect Kent CIC" },
  { key: "description", header: "description", required: true, description: "What the service does.", example: "Borrow a laptop for six months." },
  { key: "categories", header: "categories", required: true, description: "Category ids, separated by semicolons (see the list below).", example: "device-loan; free-data" },
  { key: "address", header: "address", required: false, description: "Building and street, then the town, separated by commas. Needed for in-person services.", example: "Park Wood Community Hub, Bicknor Road, Maidstone" },
  { key: "postcode", header: "postcode", required: false, description: "Needed with an address. It also decides the listing’s area.", example: "ME15 9PS" },
  { key: "phone", header: "phone", required: false, description: "A UK phone number. Give a phone, email or website.", example: "01632 960701" },
  { key: "email", header: "email", required: false, description: "An email address for the service.", example: "hello@example.org" },
  { key: "url", header: "url", required: false, description: "Its web page.", example: "https://example.org/laptops" },
  { key: "free", header: "free", required: false, description: "yes or no. Blank means yes. If no, give the cost in a fees column.", example: "yes" },
  { key: "fees", header: "fees", required: false, description: "What it costs, or extras such as printing.", example: "Printing 10p a page" },
  { key: "attending", header: "attending", required: false, description: "How people use it, separated by semicolons: in-person, online, phone, home-visit. Blank means in-person.", example: "in-person; phone" },
  { key: "how_to_access", header: "how to access", required: false, description: "drop-in, appointment, referral or online. Blank: drop-in for in-person services, otherwise appointment.", example: "appointment" },
  { key: "opening_hours", header: "opening hours", required: false, description: "Days and 24-hour times, separated by semicolons. A day range such as Mon-Fri is fine.", example: "Mon-Fri 09:00-17:00; Sat 10:00-12:00" },
  { key: "eligibility", header: "eligibility", required: false, description: "Who it is for.", example: "Maidstone residents on a low income" },
  { key: "area", header: "area", required: false, description: "The area, by name, if the postcode does not decide it (for example, a service with no address).", example: "Maidstone" },
];

const COLUMN_ALIASES: Record<string, string> = {
  organization: "organisation",
  website: "url",
  telephone: "phone",
  category: "categories",
  hours: "opening_hours",
  opening_times: "opening_hours",
  cost: "fees",
};

export function columnKey(header: string): string {
  const key = header.trim().toLowerCase().replace(/[\s-]+/g, "_");
  return COLUMN_ALIASES[key] ?? key;
}

export interface CsvRow {
  /** The line of the file the row starts on (the header is line 1). */
  line: number;
  values: Record<string, string>;
}

export interface CsvLineError {
  /** Null for a problem with the whole file. */
  line: number | null;
  field: string | null;
  message: string;
}

export interface ParsedCsv {
  rows: CsvRow[];
  columns: string[];
  errors: CsvLineError[];
  /** Columns the import does not use, named so a typo in a header is noticed. */
  ignoredColumns: string[];
}

export function readCsv(text: string): ParsedCsv {
  let records: Array<{ record: Record<string, string>; info: { lines: number }; raw: string }>;
  let columns: string[] = [];
  try {
    records = parse(text, {
      bom: true,
      columns: (header: string[]) => (columns = header.map(columnKey)),
      skip_empty_lines: true,
      trim: true,
      info: true,
      raw: true,
    });
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    return { rows: [], columns, ignoredColumns: [], errors: [{ line: typeof lines === "number" ? lines : null, field: null, message: `The file could not be read as CSV: ${readableCsvError(error)}` }] };
  }
  const known = new Set(CSV_COLUMNS.map((c) => c.key));
  const errors: CsvLineError[] = CSV_COLUMNS.filter((c) => c.required && !columns.includes(c.key)).map((c) => ({
    line: null,
    field: c.header,
    message: `The file needs a column headed “${c.header}”`,
  }));
  const duplicated = columns.filter((c, i) => columns.indexOf(c) !== i);
  for (const c of new Set(duplicated)) errors.push({ line: 1, field: c, message: `There are two columns headed “${c}”` });
  if (records.length === 0 && errors.length === 0) errors.push({ line: null, field: null, message: "The file has no rows of services under its header" });
  if (records.length > MAX_CSV_ROWS) errors.push({ line: null, field: null, message: `The file has ${records.length} rows; import ${MAX_CSV_ROWS} or fewer at a time` });
  // info.lines is where a row ends; the line breaks inside it (a quoted multi-line value) give
  // where it starts. The raw text carries the delimiters around it, which do not count.
  const rows = records.map(({ record, info, raw }) => ({ line: info.lines - (raw.replace(/^[\r\n]+|[\r\n]+$/g, "").match(/\n/g)?.length ?? 0), values: record }));
  return { rows, columns, errors, ignoredColumns: columns.filter((c) => !known.has(c)) };
}

function readableCsvError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === "CSV_QUOTE_NOT_CLOSED") return "a quoted value is never closed";
  if (code === "CSV_RECORD_INCONSISTENT_COLUMNS") return "a row has a different number of values from the header";
  if (code === "CSV_INVALID_CLOSING_QUOTE") return "a quote mark is in the middle of a value; put the whole value in quotes and double any quote marks inside it";
  return "check it was saved as CSV";
}

const DAY_WORDS: Record<string, DayCode> = {
  mon: "MO", monday: "MO", tue: "TU", tues: "TU", tuesday: "TU", wed: "WE", wednesday: "WE", thu: "TH", thur: "TH", thurs: "TH", thursday: "TH",
  fri: "FR", friday: "FR", sat: "SA", saturday: "SA", sun: "SU", sunday: "SU",
};

/** "Mon-Fri 09:00-17:00; Sat 10:00-12:00" → rows of hours; the times are checked by the snapshot schema. */
export function parseOpeningHours(text: string): { rows: Array<{ day: string; opens: string; closes: string }> } | { error: string } {
  const rows: Array<{ day: string; opens: string; closes: string }> = [];
  for (const part of text.split(";").map((p) => p.trim()).filter(Boolean)) {
    const match = /^([a-z]+)(?:\s*(?:-|–|to)\s*([a-z]+))?\s*,?\s+(\d{1,2}[:.]\d{2})\s*(?:-|–|to)\s*(\d{1,2}[:.]\d{2})$/i.exec(part);
    const from = match ? DAY_WORDS[match[1].toLowerCase()] : undefined;
    const to = match?.[2] ? DAY_WORDS[match[2].toLowerCase()] : from;
    if (!match || !from || !to) return { error: `Write each day and times like “Mon 09:00-17:00”; “${part}” is not like that` };
    const [start, end] = [DAY_CODES.indexOf(from), DAY_CODES.indexOf(to)];
    if (end < start) return { error: `“${part}”: a day range goes from the earlier day to the later, like Mon-Fri` };
    for (let d = start; d <= end; d++) rows.push({ day: DAY_CODES[d], opens: match[3].replace(".", ":"), closes: match[4].replace(".", ":") });
  }
  return { rows };
}

function splitList(text: string): string[] {
  return text.split(/[;,]/).map((p) => p.trim()).filter(Boolean);
}

function categoryIds(text: string, names: Map<string, CategoryId>): string[] {
  return splitList(text).map((item) => {
    const lower = item.toLowerCase();
    return CATEGORY_IDS.includes(lower as CategoryId) ? lower : (names.get(lower) ?? item);
  });
}

function attendingModes(text: string): string[] {
  if (!text.trim()) return ["in-person"];
  return splitList(text).map((item) => {
    const key = item.toLowerCase().replace(/\s+/g, "-");
    return ATTENDING_MODES.includes(key as AttendingMode) ? key : item;
  });
}

function yesNo(text: string): string | boolean {
  const value = text.trim().toLowerCase();
  if (["", "yes", "y", "true", "1", "free"].includes(value)) return "yes";
  if (["no", "n", "false", "0"].includes(value)) return "no";
  return text;
}

/** Which column of the file a snapshot field comes from, for "Line 7: postcode: …". */
export const COLUMN_OF_FIELD: Partial<Record<ListingField, string>> = {
  address_1: "address",
  address_2: "address",
  city: "address",
  hours: "opening hours",
  how_to_access: "how to access",
  eligibility: "eligibility",
};

export type RowMapping =
  | { ok: true; snapshot: ListingSnapshot; organisation: string; area: string }
  | { ok: false; errors: Array<{ field: string; message: string }> };

/**
 * One row as a listing snapshot. `current` is the listing the row updates, whose values stand
 * for the columns the file leaves out; `categoryNames` lets people write category names too.
 */
export function mapCsvRow(values: Record<string, string>, current: ListingSnapshot | null, categoryNames: Map<string, CategoryId> = new Map()): RowMapping {
  const has = (key: string) => key in values;
  const get = (key: string) => values[key] ?? "";
  const errors: Array<{ field: string; message: string }> = [];
  const input: Record<string, unknown> = current ? { ...current } : { accepts_self_referral: true, free: true, languages: [], hours: [] };

  for (const key of ["name", "description", "phone", "email", "url", "postcode", "fees", "eligibility"]) if (has(key)) input[key] = get(key);
  if (has("categories")) input.categories = categoryIds(get("categories"), categoryNames);
  if (has("free")) input.free = yesNo(get("free"));
  if (has("attending") || !current) input.attending = attendingModes(get("attending"));
  if (has("address")) {
    const parts = splitList(get("address").replace(/;/g, ","));
    if (parts.length === 1) errors.push({ field: "address", message: "Give the building and street, then the town, separated by commas" });
    input.address_1 = parts.length > 1 ? parts[0] : (parts[0] ?? "");
    input.address_2 = parts.length > 2 ? parts.slice(1, -1).join(", ") : "";
    input.city = parts.length > 1 ? parts[parts.length - 1] : "";
  }
  if (has("opening_hours")) {
    const hours = parseOpeningHours(get("opening_hours"));
    if ("error" in hours) errors.push({ field: "opening hours", message: hours.error });
    else input.hours = hours.rows;
  }
  const attending = Array.isArray(input.attending) ? (input.attending as string[]) : [];
  if (has("how_to_access") && get("how_to_access")) input.how_to_access = get("how_to_access").toLowerCase().replace(/\s+/g, "-");
  else if (!current || has("how_to_access")) input.how_to_access = attending.includes("in-person") ? "drop-in" : attending.includes("online") && attending.length === 1 ? "online" : "appointment";

  const parsed = listingSnapshotSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]) as ListingField;
      const column = COLUMN_OF_FIELD[field] ?? field;
      if (column === "address" && errors.some((e) => e.field === "address")) continue;
      errors.push({ field: column, message: issue.message });
    }
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, errors: dedupe(errors) };
  return { ok: true, snapshot: parsed.data, organisation: get("organisation").trim(), area: get("area").trim() };
}

function dedupe(errors: Array<{ field: string; message: string }>) {
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(e.field) && seen.add(e.field));
}
