/**
 * The listing edit form's fields and the snapshot they make. Opening hours are rows of three
 * fields (hours-0-day, hours-0-opens, hours-0-closes…); wholly blank rows are spare ones and
 * are skipped, and an error in a row is reported against that row's own field.
 */
import type { FieldErrors, FormResult } from "~/lib/forms";
import { LISTING_FIELDS, MAX_HOURS_ROWS, listingSnapshotSchema, type ListingSnapshot } from "./listing-edit";

/** Fields sent as repeated checkboxes. */
export const LISTING_ARRAY_FIELDS = ["categories", "attending"] as const;

/** Spare blank rows shown under the listing's own hours, so a row can be added without JavaScript. */
export const SPARE_HOURS_ROWS = 3;

export type ListingFormValues = Record<string, string | string[]>;

export const hoursFieldName = (row: number, part: "day" | "opens" | "closes") => `hours-${row}-${part}`;

/** A snapshot as the form's fields, for filling the form in. */
export function listingFormValues(snapshot: ListingSnapshot): ListingFormValues {
  const text = (v: string | number | null) => (v === null ? "" : String(v));
  const values: ListingFormValues = {
    name: snapshot.name,
    description: snapshot.description,
    name_cy: text(snapshot.name_cy),
    description_cy: text(snapshot.description_cy),
    categories: [...snapshot.categories],
    how_to_access: snapshot.how_to_access,
    attending: [...snapshot.attending],
    accepts_self_referral: snapshot.accepts_self_referral ? "yes" : "no",
    eligibility: text(snapshot.eligibility),
    minimum_age: text(snapshot.minimum_age),
    maximum_age: text(snapshot.maximum_age),
    free: snapshot.free ? "yes" : "no",
    fees: text(snapshot.fees),
    phone: text(snapshot.phone),
    email: text(snapshot.email),
    url: text(snapshot.url),
    sessions_note: text(snapshot.sessions_note),
    address_1: text(snapshot.address_1),
    address_2: text(snapshot.address_2),
    city: text(snapshot.city),
    postcode: text(snapshot.postcode),
    accessibility: text(snapshot.accessibility),
    languages: snapshot.languages.join(", "),
  };
  snapshot.hours.forEach((row, i) => {
    values[hoursFieldName(i, "day")] = row.day;
    values[hoursFieldName(i, "opens")] = row.opens;
    values[hoursFieldName(i, "closes")] = row.closes;
  });
  return values;
}

/** How many hour rows to draw: those filled in plus spares, up to the limit the schema allows. */
export function hoursRowCount(values: ListingFormValues): number {
  let filled = 0;
  for (let i = 0; i < MAX_HOURS_ROWS; i++) {
    if (["day", "opens", "closes"].some((p) => values[hoursFieldName(i, p as "day")])) filled = i + 1;
  }
  return Math.min(MAX_HOURS_ROWS, filled + SPARE_HOURS_ROWS);
}

function collect(formData: FormData): ListingFormValues {
  const values: ListingFormValues = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = (LISTING_ARRAY_FIELDS as readonly string[]).includes(key) ? all : (all[0] ?? "");
  }
  for (const key of LISTING_ARRAY_FIELDS) values[key] ??= [];
  return values;
}

/**
 * Validates the form into a snapshot. Coordinates are not form fields: the caller carries them
 * over from the listing and looks the postcode up when it changes.
 */
export function parseListingForm(formData: FormData): FormResult<ListingSnapshot> {
  const values = collect(formData);
  const rows: Array<{ row: number; day: string; opens: string; closes: string }> = [];
  for (let i = 0; i < MAX_HOURS_ROWS + SPARE_HOURS_ROWS; i++) {
    const get = (part: "day" | "opens" | "closes") => {
      const v = values[hoursFieldName(i, part)];
      return typeof v === "string" ? v : "";
    };
    const row = { row: i, day: get("day"), opens: get("opens"), closes: get("closes") };
    if (row.day || row.opens.trim() || row.closes.trim()) rows.push(row);
  }
  const input: Record<string, unknown> = {};
  for (const [field] of LISTING_FIELDS) if (field !== "hours") input[field] = values[field];
  input.hours = rows.map(({ day, opens, closes }) => ({ day, opens, closes }));

  const result = listingSnapshotSchema.safeParse(input);
  if (result.success) return { success: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const [field, index, part] = issue.path;
    let key = String(field ?? "form");
    if (field === "hours" && typeof index === "number" && rows[index]) key = hoursFieldName(rows[index].row, (part as "day" | "opens" | "closes") ?? "day");
    else if (field === "hours") key = hoursFieldName(0, "day");
    errors[key] ??= issue.message;
  }
  return { success: false, errors, values };
}

/** Errors in the order their fields appear on the form, for the error summary. */
export function orderedListingErrors(errors: FieldErrors): FieldErrors {
  const order = LISTING_FIELDS.flatMap(([field]) =>
    field === "hours" ? Object.keys(errors).filter((k) => k.startsWith("hours-")).sort((a, b) => Number(a.split("-")[1]) - Number(b.split("-")[1])) : [field],
  );
  const ordered: FieldErrors = {};
  for (const key of [...order, ...Object.keys(errors)]) if (errors[key] && !(key in ordered)) ordered[key] = errors[key];
  return ordered;
}
