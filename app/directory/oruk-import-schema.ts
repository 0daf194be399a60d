/**
 * What Waymark accepts from an Open Referral UK 3.0 feed. Required where the database needs a
 * value (ids, names, status, an organisation), lenient elsewhere: unknown fields are ignored and
 * optional fields may be null, as real feeds send them.
 */
import { z } from "zod";
import { LOCATION_TYPES, SERVICE_STATUSES } from "~db/schema/directory";
import { orukTranslationsSchema } from "./oruk-translations";

const uuid = z.string().uuid("must be a UUID");
const optText = z.string().nullish();
const optNumber = z.number().nullish();
const list = <T extends z.ZodTypeAny>(item: T) => z.array(item).nullish().transform((v) => v ?? []);

export const orukTaxonomySchema = z.object({
  id: uuid,
  name: z.string().min(1),
  description: z.string().nullish(),
  uri: optText,
  version: optText,
});

export const orukTermSchema = z.object({
  id: uuid,
  name: z.string().min(1),
  description: optText,
  code: optText,
  parent_id: optText,
  taxonomy: optText,
  taxonomy_id: optText,
  term_uri: optText,
  vocabulary: optText,
  taxonomy_detail: orukTaxonomySchema.nullish(),
});

const phoneSchema = z.object({
  id: uuid,
  number: z.string().min(1),
  extension: z.union([z.string(), z.number()]).nullish().transform((v) => (v === null || v === undefined ? null : String(v))),
  type: optText,
  description: optText,
});

const scheduleSchema = z.object({
  id: uuid,
  valid_from: optText,
  valid_to: optText,
  dtstart: optText,
  until: optText,
  wkst: optText,
  freq: z.enum(["WEEKLY", "MONTHLY"]).nullish(),
  interval: optNumber,
  count: optNumber,
  byday: optText,
  bymonthday: optText,
  byweekno: optText,
  byyearday: optText,
  opens_at: optText,
  closes_at: optText,
  description: optText,
  schedule_link: optText,
  attending_type: optText,
  notes: optText,
});

const addressSchema = z.object({
  id: uuid,
  attention: optText,
  address_1: z.string(),
  address_2: optText,
  city: z.string(),
  region: optText,
  state_province: optText,
  postal_code: z.string(),
  country: z.string(),
  address_type: z.enum(LOCATION_TYPES),
});

export const orukLocationSchema = z.object({
  id: uuid,
  location_type: z.enum(LOCATION_TYPES),
  name: optText,
  alternate_name: optText,
  description: optText,
  transportation: optText,
  latitude: optNumber,
  longitude: optNumber,
  external_identifier: optText,
  external_identifier_type: optText,
  addresses: list(addressSchema),
  accessibility: list(z.object({ id: uuid, description: optText, details: optText, url: optText })),
});

export const orukServiceSchema = z.object({
  id: uuid,
  name: z.string().min(1),
  alternate_name: optText,
  description: optText,
  url: optText,
  email: optText,
  status: z.enum(SERVICE_STATUSES),
  fees: optText,
  fees_description: optText,
  accreditations: optText,
  eligibility_description: optText,
  minimum_age: optNumber,
  maximum_age: optNumber,
  assured_date: optText,
  assurer_email: optText,
  alert: optText,
  application_process: optText,
  last_modified: optText,
  translations: orukTranslationsSchema,
  organization: z.object(
    {
      id: uuid,
      name: z.string().min(1),
      alternate_name: optText,
      description: optText,
      email: optText,
      website: optText,
      legal_status: optText,
      logo: optText,
      uri: optText,
      parent_organization_id: optText,
      organization_identifiers: list(
        z.object({ id: uuid, identifier_scheme: optText, identifier_type: z.string(), identifier: z.string() }),
      ),
    },
    { required_error: "a service must name its organization" },
  ),
  phones: list(phoneSchema),
  schedules: list(scheduleSchema),
  service_areas: list(
    z.object({ id: uuid, name: optText, description: optText, service_area: optText, extent: optText, extent_type: optText, uri: optText }),
  ),
  service_at_locations: list(
    z.object({ id: uuid, description: optText, location: orukLocationSchema, schedules: list(scheduleSchema) }),
  ),
  languages: list(z.object({ id: uuid, name: optText, code: optText, note: optText })),
  funding: list(z.object({ id: uuid, source: z.string() })),
  cost_options: list(
    z.object({
      id: uuid,
      valid_from: optText,
      valid_to: optText,
      option: optText,
      amount: optNumber,
      currency: optText,
      amount_description: optText,
    }),
  ),
  contacts: list(
    z.object({ id: uuid, name: optText, title: optText, department: optText, email: optText, phones: list(phoneSchema) }),
  ),
  attributes: list(
    z.object({
      id: uuid,
      taxonomy_term_id: optText,
      link_type: optText,
      link_entity: optText,
      value: z.union([z.string(), z.number()]).nullish().transform((v) => (v === null || v === undefined ? null : String(v))),
      label: optText,
      taxonomy_term: orukTermSchema.nullish(),
    }),
  ),
});

export type OrukServiceRecord = z.infer<typeof orukServiceSchema>;
export type OrukScheduleRecord = z.infer<typeof scheduleSchema>;
export type OrukPhoneRecord = z.infer<typeof phoneSchema>;
export type OrukLocationRecord = z.infer<typeof orukLocationSchema>;

/** The paged envelope, only as far as paging through it needs. */
export const orukEnvelopeSchema = z.object({
  total_pages: z.number().int().min(0).nullish(),
  page_number: z.number().int().nullish(),
  last_page: z.boolean().nullish(),
  contents: z.array(z.unknown()),
});

/** "field.path: message; …" for an invalid record. */
export function describeRecordIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "(record)"}: ${i.message}`).join("; ");
}
