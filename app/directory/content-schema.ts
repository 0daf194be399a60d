/**
 * The shape of the shipped directory content (content/directory): the partnership with its areas
 * and organisations, and the demo services. Demo contact details are held to fictional ranges so
 * a demo can never ring, email or link to a real person.
 */
import { z } from "zod";
import type { OrganisationKind } from "~db/schema/accounts";
import { HOW_TO_ACCESS, SERVICE_STATUSES } from "~db/schema/directory";
import { CATEGORY_IDS } from "~/lib/frameworks";

export const ORGANISATION_KINDS = [
  "council",
  "housing-association",
  "library",
  "college",
  "jobcentre-partner",
  "voluntary-group",
  "service-provider",
] as const satisfies readonly OrganisationKind[];

export const ATTENDING_MODES = ["in-person", "online", "phone", "home-visit"] as const;
export type AttendingMode = (typeof ATTENDING_MODES)[number];

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = z.string().regex(SLUG, "Use lower-case words joined by hyphens");
const text = z.string().trim().min(1);
const outwardCode = z.string().regex(/^[A-Z]{1,2}[0-9][0-9A-Z]?$/, "Use an outward code such as ME14");
const postcode = z.string().regex(/^[A-Z]{1,2}[0-9][0-9A-Z]? [0-9][A-Z]{2}$/, "Use a full postcode such as ME14 1LQ");
const hhmm = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, "Use a 24-hour time such as 09:30");

function isRealDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

// The yaml package parses unquoted dates as strings, but other loaders may hand back a Date.
const isoDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date such as 2026-05-01").refine(isRealDate, "Not a real date"),
);

// Ofcom's ranges reserved for drama: 01632 960xxx, 020 7946 0xxx, 07700 900xxx, 0808 157 0xxx.
const fakePhone = z
  .string()
  .regex(
    /^(?:01632 960\d{3}|020 7946 0\d{3}|07700 900\d{3}|0808 157 0\d{3})$/,
    "Demo phone numbers must be in Ofcom's drama ranges (01632 960xxx, 020 7946 0xxx, 07700 900xxx, 0808 157 0xxx)",
  );
const fakeEmail = z
  .string()
  .email()
  .refine((v) => /@(?:[a-z0-9-]+\.)*example\.org$/.test(v), "Demo email addresses must be at example.org");
const fakeUrl = z
  .string()
  .url()
  .refine((v) => /^https:\/\/(?:[a-z0-9-]+\.)*example\.org(?:\/|$)/.test(v), "Demo links must be https://…example.org");

const DAY = "(?:MO|TU|WE|TH|FR|SA|SU)";
const WEEKLY_BYDAY = new RegExp(`^${DAY}(?:,${DAY})*$`);
const MONTHLY_BYDAY = new RegExp(`^-?[1-5]${DAY}(?:,-?[1-5]${DAY})*$`);

export const scheduleSchema = z
  .object({
    freq: z.enum(["WEEKLY", "MONTHLY"]),
    byday: z.string().optional(),
    bymonthday: z.string().regex(/^-?\d{1,2}(?:,-?\d{1,2})*$/, "Use days of the month such as 1,15").optional(),
    interval: z.number().int().min(1).optional(),
    dtstart: isoDate.optional(),
    until: isoDate.optional(),
    valid_from: isoDate.optional(),
    valid_to: isoDate.optional(),
    opens_at: hhmm,
    closes_at: hhmm,
    description: text.optional(),
    notes: text.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.closes_at <= s.opens_at) ctx.addIssue({ code: "custom", path: ["closes_at"], message: "Must be after opens_at" });
    if (s.freq === "WEEKLY" && !(s.byday && WEEKLY_BYDAY.test(s.byday))) {
      ctx.addIssue({ code: "custom", path: ["byday"], message: "A weekly schedule needs days such as MO,WE" });
    }
    if (s.freq === "MONTHLY" && !s.bymonthday && !(s.byday && MONTHLY_BYDAY.test(s.byday))) {
      ctx.addIssue({ code: "custom", path: ["byday"], message: "A monthly schedule needs bymonthday or a day such as 2TU or -1FR" });
    }
    if ((s.interval ?? 1) > 1 && !s.dtstart) {
      ctx.addIssue({ code: "custom", path: ["dtstart"], message: "An interval above 1 needs dtstart to count from" });
    }
  });
export type ContentSchedule = z.infer<typeof scheduleSchema>;

export const locationSchema = z
  .object({
    id: slug,
    name: text,
    description: text.optional(),
    address_1: text,
    city: text,
    postcode,
    latitude: z.number().min(49.8).max(60.9),
    longitude: z.number().min(-8.7).max(1.8),
    transportation: text.optional(),
    accessibility: z.array(z.object({ description: text, details: text.optional() }).strict()).default([]),
  })
  .strict();
export type ContentLocation = z.infer<typeof locationSchema>;

export const serviceSchema = z
  .object({
    id: slug,
    organisation: slug,
    name: text,
    alternate_name: text.optional(),
    description: text,
    categories: z.array(z.enum(CATEGORY_IDS)).min(1),
    status: z.enum(SERVICE_STATUSES).default("active"),
    published: z.boolean().default(true),
    how_to_access: z.enum(HOW_TO_ACCESS),
    attending: z.array(z.enum(ATTENDING_MODES)).min(1),
    self_referral: z.boolean().default(true),
    eligibility: text.optional(),
    minimum_age: z.number().int().min(0).optional(),
    maximum_age: z.number().int().min(0).optional(),
    fees: text,
    costs: z
      .array(z.object({ option: text, amount: z.number().min(0), amount_description: text.optional() }).strict())
      .default([]),
    accreditations: text.optional(),
    application_process: text,
    alert: text.optional(),
    url: fakeUrl.optional(),
    email: fakeEmail.optional(),
    verified: isoDate,
    verified_by: fakeEmail.optional(),
    languages: z.array(z.object({ name: text, code: z.string().regex(/^[a-z]{2,3}$/) }).strict()).default([{ name: "English", code: "en" }]),
    phones: z.array(z.object({ number: fakePhone, description: text.optional() }).strict()).default([]),
    contacts: z
      .array(z.object({ name: text, title: text.optional(), email: fakeEmail.optional(), phone: fakePhone.optional() }).strict())
      .default([]),
    schedules: z.array(scheduleSchema).default([]),
    locations: z
      .array(z.object({ location: slug, description: text.optional(), schedules: z.array(scheduleSchema).default([]) }).strict())
      .default([]),
    service_areas: z.array(z.object({ name: text, description: text.optional(), extent_type: text.optional() }).strict()).default([]),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.attending.includes("in-person") && s.locations.length === 0) {
      ctx.addIssue({ code: "custom", path: ["locations"], message: "An in-person service needs at least one location" });
    }
    if (s.minimum_age !== undefined && s.maximum_age !== undefined && s.maximum_age < s.minimum_age) {
      ctx.addIssue({ code: "custom", path: ["maximum_age"], message: "Must not be below minimum_age" });
    }
    if (s.phones.length === 0 && !s.email && !s.url && s.contacts.length === 0) {
      ctx.addIssue({ code: "custom", path: ["phones"], message: "Give at least one way to get in touch" });
    }
  });
export type ContentService = z.infer<typeof serviceSchema>;

/** One file of services: those of one area, or (area: null) the national, online and phone ones. */
export const servicesFileSchema = z
  .object({
    area: slug.nullable(),
    locations: z.array(locationSchema).default([]),
    services: z.array(serviceSchema).min(1),
  })
  .strict();
export type ServicesFile = z.infer<typeof servicesFileSchema>;

export const partnershipSchema = z
  .object({
    name: text,
    description: text,
    // ORUK addresses need a state_province; in England that is the county.
    county: text,
    areas: z.array(z.object({ id: slug, name: text, districts: z.array(outwardCode).min(1) }).strict()).min(1),
    organisations: z
      .array(
        z
          .object({
            id: slug,
            name: text,
            kind: z.enum(ORGANISATION_KINDS),
            description: text,
            areas: z.array(slug),
            legal_status: text.optional(),
            email: fakeEmail.optional(),
            website: fakeUrl.optional(),
            phone: fakePhone.optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type Partnership = z.infer<typeof partnershipSchema>;
export type PartnershipOrganisation = Partnership["organisations"][number];
export type PartnershipArea = Partnership["areas"][number];
