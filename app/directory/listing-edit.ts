/**
 * A listing as people edit it: one flat snapshot of everything a provider or coordinator may
 * change, validated the same way whether it comes from the edit form, a CSV row or a stored
 * proposal, and compared field by field so an approver sees exactly what a change does.
 * The enumerations (categories, ways of attending, how to access) are the content schema's own.
 */
import { z } from "zod";
import { HOW_TO_ACCESS, type HowToAccess } from "~db/schema/directory";
import { CATEGORY_IDS, type CategoryId } from "~/lib/frameworks";
import { ATTENDING_MODES, type AttendingMode } from "./content-schema";
import { isValidPostcode, normalisePostcode } from "./postcodes";

export const DAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type DayCode = (typeof DAY_CODES)[number];
export const DAY_NAMES: Record<DayCode, string> = {
  MO: "Monday",
  TU: "Tuesday",
  WE: "Wednesday",
  TH: "Thursday",
  FR: "Friday",
  SA: "Saturday",
  SU: "Sunday",
};

export const ATTENDING_LABELS: Record<AttendingMode, string> = {
  "in-person": "In person",
  online: "Online",
  phone: "By phone",
  "home-visit": "Home visit",
};

export const HOW_TO_ACCESS_LABELS: Record<HowToAccess, string> = {
  "drop-in": "Drop in, no appointment needed",
  appointment: "By appointment",
  referral: "Needs a referral",
  online: "Online",
};

export const MAX_HOURS_ROWS = 14;

const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

function requiredText(missing: string, label: string, max: number) {
  return z
    .string({ required_error: missing, invalid_type_error: missing })
    .trim()
    .min(1, missing)
    .max(max, `${label} must be ${max.toLocaleString("en-GB")} characters or fewer`);
}

function optionalText(label: string, max: number) {
  return z.preprocess(
    blankToNull,
    z
      .string({ invalid_type_error: `${label} must be text` })
      .trim()
      .max(max, `${label} must be ${max.toLocaleString("en-GB")} characters or fewer`)
      .nullable()
      .default(null),
  );
}

function yesNo(message: string) {
  return z.preprocess(
    (value) => (value === "yes" ? true : value === "no" ? false : value),
    z.boolean({ required_error: message, invalid_type_error: message }),
  );
}

const age = (label: string) =>
  z.preprocess(
    (value) => {
      const blank = blankToNull(value);
      return typeof blank === "string" && /^\s*\d{1,3}\s*$/.test(blank) ? Number(blank) : blank;
    },
    z
      .number({ invalid_type_error: `${label} must be a whole number of years, like 16` })
      .int(`${label} must be a whole number of years, like 16`)
      .min(0, `${label} must be 0 or more`)
      .max(120, `${label} must be 120 or less`)
      .nullable()
      .default(null),
  );

const hhmm = (label: string) =>
  z
    .string({ required_error: `Enter the time it ${label}`, invalid_type_error: `Enter the time it ${label}` })
    .trim()
    .min(1, `Enter the time it ${label}`)
    .transform((v) => (/^\d:\d\d$/.test(v) ? `0${v}` : v))
    .pipe(z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, `Enter the time it ${label} as a 24-hour time, like 09:30`));

export const hoursRowSchema = z
  .object({
    day: z.enum(DAY_CODES, { errorMap: () => ({ message: "Choose a day" }) }),
    opens: hhmm("opens"),
    closes: hhmm("closes"),
  })
  .refine((row) => row.closes > row.opens, { path: ["closes"], message: "The closing time must be after the opening time" });
export type HoursRow = z.infer<typeof hoursRowSchema>;

const webAddress = z.preprocess(
  (value) => {
    const blank = blankToNull(value);
    // People paste "example.org"; the scheme is implied.
    return typeof blank === "string" && !/^[a-z][a-z0-9+.-]*:/i.test(blank.trim()) ? `https://${blank.trim()}` : blank;
  },
  z
    .string()
    .trim()
    .max(500, "Website must be 500 characters or fewer")
    .url("Enter a web address, like https://example.org")
    .refine((v) => /^https?:\/\//i.test(v), "Enter a web address starting with https://, like https://example.org")
    .nullable()
    .default(null),
);

const emailAddress = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .max(254, "Email address must be 254 characters or fewer")
    .email("Enter an email address in the correct format, like name@example.org")
    .transform((v) => v.toLowerCase())
    .nullable()
    .default(null),
);

// UK numbers have 10 or 11 digits after the 0 (or +44); spaces, brackets and dashes are kept as typed.
const phoneNumber = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .max(30, "Phone number must be 30 characters or fewer")
    .refine((v) => /^(?:\+44\s?\(?0?\)?|0)[\d\s()-]+$/.test(v) && /^\d{10,11}$/.test(v.replace(/^\+44\s?\(?0?\)?/, "0").replace(/[\s()-]/g, "")), "Enter a UK phone number, like 01632 960 001")
    .nullable()
    .default(null),
);

const postcodeField = z.preprocess(
  (value) => {
    const blank = blankToNull(value);
    return typeof blank === "string" ? normalisePostcode(blank) : blank;
  },
  z.string().refine(isValidPostcode, "Enter a real postcode, like ME14 1LE").nullable().default(null),
);

const coordinate = (limit: number) => z.number().min(-limit).max(limit).nullable().default(null);

const languageList = z.preprocess(
  (value) => (typeof value === "string" ? value.split(/[,;]/) : value),
  z
    .array(z.string().trim().max(40, "Each language must be 40 characters or fewer"))
    .transform((list) => [...new Set(list.filter((l) => l !== ""))])
    .pipe(z.array(z.string()).max(20, "List 20 languages or fewer")),
);

export const listingSnapshotSchema = z
  .object({
    name: requiredText("Enter the name of the service", "Name", 120),
    description: requiredText("Enter a description of the service", "Description", 2000),
    name_cy: optionalText("Name in Welsh", 120),
    description_cy: optionalText("Description in Welsh", 2000),
    categories: z
      .array(z.enum(CATEGORY_IDS, { errorMap: () => ({ message: "Choose categories from the list" }) }))
      .min(1, "Choose at least one category")
      .transform((list) => [...new Set(list)]),
    how_to_access: z.enum(HOW_TO_ACCESS, { errorMap: () => ({ message: "Choose how people get the service" }) }),
    attending: z
      .array(z.enum(ATTENDING_MODES, { errorMap: () => ({ message: "Choose ways of using the service from the list" }) }))
      .min(1, "Choose at least one way people can use the service")
      .transform((list) => ATTENDING_MODES.filter((m) => list.includes(m))),
    accepts_self_referral: yesNo("Say whether people can refer themselves"),
    eligibility: optionalText("Who it is for", 500),
    minimum_age: age("Minimum age"),
    maximum_age: age("Maximum age"),
    free: yesNo("Say whether the service is free"),
    fees: optionalText("Cost details", 300),
    phone: phoneNumber,
    email: emailAddress,
    url: webAddress,
    hours: z
      .array(hoursRowSchema)
      .max(MAX_HOURS_ROWS, `Give ${MAX_HOURS_ROWS} rows of opening hours or fewer; describe the rest under other sessions`)
      .default([])
      .transform(sortHours),
    sessions_note: optionalText("Other sessions", 500),
    address_1: optionalText("Address line 1", 100),
    address_2: optionalText("Address line 2", 100),
    city: optionalText("Town or city", 60),
    postcode: postcodeField,
    latitude: coordinate(90),
    longitude: coordinate(180),
    accessibility: optionalText("Accessibility", 1000),
    languages: languageList.default([]),
  })
  .superRefine((s, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    const hasAddress = Boolean(s.address_1 || s.address_2 || s.city || s.postcode);
    if (s.attending.includes("in-person") || hasAddress) {
      if (!s.address_1) issue("address_1", s.attending.includes("in-person") ? "Enter the first line of the address where people go" : "Enter the first line of the address");
      if (!s.city) issue("city", "Enter the town or city");
      if (!s.postcode) issue("postcode", "Enter the postcode, like ME14 1LE");
    }
    if (s.accessibility && !hasAddress) issue("accessibility", "Accessibility describes a place: add an address, or leave this blank");
    if (s.minimum_age !== null && s.maximum_age !== null && s.maximum_age < s.minimum_age) {
      issue("maximum_age", "Maximum age must not be below the minimum age");
    }
    if (!s.phone && !s.email && !s.url) issue("phone", "Give at least one way to get in touch: a phone number, email address or website");
    if (!s.free && !s.fees) issue("fees", "Say what the service costs");
    if (!s.free && s.fees && /^\s*free\b/i.test(s.fees)) issue("fees", "The cost starts with “Free”: choose “Yes” for free, or say what it costs");
  });

export type ListingSnapshot = z.output<typeof listingSnapshotSchema>;
export type ListingSnapshotInput = z.input<typeof listingSnapshotSchema>;

/** Monday first, then by opening time, so the same hours always compare and read the same. */
export function sortHours(rows: HoursRow[]): HoursRow[] {
  return [...rows].sort((a, b) => DAY_CODES.indexOf(a.day) - DAY_CODES.indexOf(b.day) || a.opens.localeCompare(b.opens) || a.closes.localeCompare(b.closes));
}

/** What the service's ORUK fees_description becomes: "Free…" exactly when it is free, as search reads it. */
export function feesDescriptionFor(snapshot: Pick<ListingSnapshot, "free" | "fees">): string | null {
  if (!snapshot.free) return snapshot.fees;
  if (!snapshot.fees) return "Free";
  return /^\s*free\b/i.test(snapshot.fees) ? snapshot.fees : `Free. ${snapshot.fees}`;
}

/** The fields of a listing in the order the form and the diff show them. */
export const LISTING_FIELDS = [
  ["name", "Name"],
  ["description", "Description"],
  ["name_cy", "Name in Welsh"],
  ["description_cy", "Description in Welsh"],
  ["categories", "Categories"],
  ["how_to_access", "How people get it"],
  ["attending", "Ways to use it"],
  ["accepts_self_referral", "People can refer themselves"],
  ["eligibility", "Who it is for"],
  ["minimum_age", "Minimum age"],
  ["maximum_age", "Maximum age"],
  ["free", "Free"],
  ["fees", "Cost details"],
  ["phone", "Phone"],
  ["email", "Email"],
  ["url", "Website"],
  ["hours", "Opening hours"],
  ["sessions_note", "Other sessions"],
  ["address_1", "Address line 1"],
  ["address_2", "Address line 2"],
  ["city", "Town or city"],
  ["postcode", "Postcode"],
  ["accessibility", "Accessibility"],
  ["languages", "Languages"],
] as const satisfies ReadonlyArray<readonly [keyof ListingSnapshot, string]>;
export type ListingField = (typeof LISTING_FIELDS)[number][0];

export interface ListingDiffRow {
  field: ListingField;
  label: string;
  before: string;
  after: string;
}

export interface DiffOptions {
  /** Names categories for people; without it the ids are shown. */
  categoryName?: (id: CategoryId) => string;
}

export function formatHours(rows: HoursRow[]): string {
  return sortHours(rows)
    .map((r) => `${DAY_NAMES[r.day]} ${r.opens} to ${r.closes}`)
    .join("; ");
}

/** A field's value as a person reads it; "" for nothing. */
export function formatListingField(snapshot: ListingSnapshot, field: ListingField, options: DiffOptions = {}): string {
  switch (field) {
    case "categories":
      return snapshot.categories.map((id) => options.categoryName?.(id) ?? id).join(", ");
    case "attending":
      return snapshot.attending.map((m) => ATTENDING_LABELS[m]).join(", ");
    case "how_to_access":
      return HOW_TO_ACCESS_LABELS[snapshot.how_to_access];
    case "accepts_self_referral":
    case "free":
      return snapshot[field] ? "Yes" : "No";
    case "hours":
      return formatHours(snapshot.hours);
    case "languages":
      return snapshot.languages.join(", ");
    default: {
      const value = snapshot[field];
      return value === null || value === undefined ? "" : String(value);
    }
  }
}

/**
 * What changes between two snapshots, one row per field that differs, in form order. With no
 * previous snapshot (a proposed new listing) every field that has a value is listed.
 */
export function diffListings(previous: ListingSnapshot | null, proposed: ListingSnapshot, options: DiffOptions = {}): ListingDiffRow[] {
  return LISTING_FIELDS.flatMap(([field, label]) => {
    const before = previous ? formatListingField(previous, field, options) : "";
    const after = formatListingField(proposed, field, options);
    return before === after ? [] : [{ field, label, before, after }];
  });
}

/**
 * A snapshot of data already stored, which may break today's form rules (an imported listing
 * with no way to get in touch, an old phone format). Values that fail are kept as they are, so
 * the form shows them for the editor to put right, and saving validates them properly.
 */
export function storedSnapshot(raw: Record<string, unknown>): ListingSnapshot {
  const fields = listingSnapshotSchema.innerType();
  const first = fields.safeParse(raw);
  if (first.success) return first.data;
  const bad = new Set(first.error.issues.map((issue) => String(issue.path[0])));
  const rest = fields.partial().parse(Object.fromEntries(Object.entries(raw).filter(([key]) => !bad.has(key))));
  const kept = Object.fromEntries([...bad].map((key) => [key, raw[key] ?? null]));
  return { ...rest, ...kept } as ListingSnapshot;
}

/** A snapshot stored as JSON in a listing change. */
export function readSnapshot(json: string): ListingSnapshot {
  return storedSnapshot(JSON.parse(json) as Record<string, unknown>);
}
