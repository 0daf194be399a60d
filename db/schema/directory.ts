import type { Generated, Insertable, Selectable, Updateable } from "kysely";

export const SERVICE_STATUSES = ["active", "inactive", "defunct", "temporarily closed"] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export const HOW_TO_ACCESS = ["drop-in", "appointment", "referral", "online"] as const;
export type HowToAccess = (typeof HOW_TO_ACCESS)[number];

export const LOCATION_TYPES = ["physical", "postal", "virtual"] as const;
export type LocationType = (typeof LOCATION_TYPES)[number];

/** Which entity an attribute row classifies; "service" is how a category is attached. */
export type AttributeLinkEntity = "service" | "organization" | "location" | "service_at_location";

export interface OrganisationIdentifierTable {
  id: string;
  organisation_id: string;
  identifier_scheme: string | null;
  identifier_type: string;
  identifier: string;
}

export interface ServiceTable {
  id: string;
  organisation_id: string;
  area_id: string | null;
  name: string;
  alternate_name: string | null;
  description: Generated<string>;
  /** The listing's name and description in Welsh, when the provider has given them. */
  name_cy: string | null;
  description_cy: string | null;
  url: string | null;
  email: string | null;
  status: Generated<ServiceStatus>;
  fees_description: string | null;
  accreditations: string | null;
  eligibility_description: string | null;
  minimum_age: number | null;
  maximum_age: number | null;
  /** "Last verified": the date (YYYY-MM-DD) someone last checked the listing. */
  assured_date: string | null;
  assurer_email: string | null;
  alert: string | null;
  application_process: string | null;
  how_to_access: HowToAccess | null;
  attends_in_person: Generated<number>;
  attends_online: Generated<number>;
  attends_phone: Generated<number>;
  attends_home_visit: Generated<number>;
  accepts_self_referral: Generated<number>;
  is_national: Generated<number>;
  is_demo: Generated<number>;
  published: Generated<number>;
  /** "demo", "local", or the base URL of the ORUK feed the record was imported from. */
  source: Generated<string>;
  source_digest: string | null;
  last_modified: Generated<string>;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface FundingTable {
  id: string;
  organisation_id: string | null;
  service_id: string | null;
  source: string;
}

export interface LocationTable {
  id: string;
  organisation_id: string | null;
  location_type: Generated<LocationType>;
  name: string;
  alternate_name: string | null;
  description: string | null;
  transportation: string | null;
  latitude: number | null;
  longitude: number | null;
  external_identifier: string | null;
  external_identifier_type: string | null;
  address_id: string | null;
  address_type: LocationType | null;
  attention: string | null;
  address_1: string | null;
  address_2: string | null;
  city: string | null;
  region: string | null;
  state_province: string | null;
  postal_code: string | null;
  outward_code: string | null;
  country: Generated<string>;
  is_demo: Generated<number>;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface AccessibilityTable {
  id: string;
  location_id: string;
  description: string | null;
  details: string | null;
  url: string | null;
}

export interface ServiceAtLocationTable {
  id: string;
  service_id: string;
  location_id: string;
  description: string | null;
}

export interface ScheduleTable {
  id: string;
  service_id: string | null;
  service_at_location_id: string | null;
  location_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  dtstart: string | null;
  until: string | null;
  wkst: string | null;
  freq: "WEEKLY" | "MONTHLY" | null;
  interval: number | null;
  count: number | null;
  /** RFC 5545 BYDAY: "MO,TU", or with MONTHLY an ordinal such as "2TU" or "-1FR". */
  byday: string | null;
  bymonthday: string | null;
  byweekno: string | null;
  byyearday: string | null;
  /** Local UK time, "HH:MM". */
  opens_at: string | null;
  closes_at: string | null;
  timezone: string | null;
  description: string | null;
  schedule_link: string | null;
  attending_type: string | null;
  notes: string | null;
}

export interface ContactTable {
  id: string;
  organisation_id: string | null;
  service_id: string | null;
  service_at_location_id: string | null;
  location_id: string | null;
  name: string | null;
  title: string | null;
  department: string | null;
  email: string | null;
}

export interface PhoneTable {
  id: string;
  location_id: string | null;
  service_id: string | null;
  organisation_id: string | null;
  contact_id: string | null;
  service_at_location_id: string | null;
  number: string;
  extension: string | null;
  type: string | null;
  description: string | null;
}

export interface LanguageTable {
  id: string;
  service_id: string | null;
  location_id: string | null;
  phone_id: string | null;
  name: string | null;
  /** ISO 639 code, e.g. "en", "pl", "ro". */
  code: string | null;
  note: string | null;
}

export interface CostOptionTable {
  id: string;
  service_id: string;
  valid_from: string | null;
  valid_to: string | null;
  option: string | null;
  amount: number | null;
  currency: string | null;
  amount_description: string | null;
}

export interface ServiceAreaTable {
  id: string;
  service_id: string;
  name: string | null;
  description: string | null;
  extent: string | null;
  extent_type: string | null;
  uri: string | null;
}

export interface TaxonomyTable {
  id: string;
  name: string;
  description: Generated<string>;
  uri: string | null;
  version: string | null;
}

export interface TaxonomyTermTable {
  id: string;
  taxonomy_id: string | null;
  parent_id: string | null;
  /** For Waymark's own taxonomy, a CategoryId from app/lib/frameworks.ts. */
  code: string | null;
  name: string;
  description: Generated<string>;
  vocabulary: string | null;
  term_uri: string | null;
}

export interface AttributeTable {
  id: string;
  link_id: string;
  link_type: string | null;
  link_entity: AttributeLinkEntity;
  taxonomy_term_id: string;
  value: string | null;
  label: string | null;
}

export interface PostcodeCacheTable {
  /** Normalised: upper case, one space before the inward code. */
  postcode: string;
  outward_code: string;
  latitude: number | null;
  longitude: number | null;
  admin_district: string | null;
  looked_up_at: string;
}

export interface OutcodeCacheTable {
  outward_code: string;
  latitude: number | null;
  longitude: number | null;
  admin_district: string | null;
  looked_up_at: string;
}

export interface DirectoryTables {
  organisation_identifiers: OrganisationIdentifierTable;
  services: ServiceTable;
  funding: FundingTable;
  locations: LocationTable;
  accessibility: AccessibilityTable;
  service_at_locations: ServiceAtLocationTable;
  schedules: ScheduleTable;
  contacts: ContactTable;
  phones: PhoneTable;
  languages: LanguageTable;
  cost_options: CostOptionTable;
  service_areas: ServiceAreaTable;
  taxonomies: TaxonomyTable;
  taxonomy_terms: TaxonomyTermTable;
  attributes: AttributeTable;
  postcode_cache: PostcodeCacheTable;
  outcode_cache: OutcodeCacheTable;
}

export type Service = Selectable<ServiceTable>;
export type NewService = Insertable<ServiceTable>;
export type ServiceUpdate = Updateable<ServiceTable>;
export type Location = Selectable<LocationTable>;
export type NewLocation = Insertable<LocationTable>;
export type LocationUpdate = Updateable<LocationTable>;
export type ServiceAtLocation = Selectable<ServiceAtLocationTable>;
export type NewServiceAtLocation = Insertable<ServiceAtLocationTable>;
export type Schedule = Selectable<ScheduleTable>;
export type NewSchedule = Insertable<ScheduleTable>;
export type ScheduleUpdate = Updateable<ScheduleTable>;
export type Contact = Selectable<ContactTable>;
export type NewContact = Insertable<ContactTable>;
export type Phone = Selectable<PhoneTable>;
export type NewPhone = Insertable<PhoneTable>;
export type Language = Selectable<LanguageTable>;
export type NewLanguage = Insertable<LanguageTable>;
export type CostOption = Selectable<CostOptionTable>;
export type NewCostOption = Insertable<CostOptionTable>;
export type ServiceArea = Selectable<ServiceAreaTable>;
export type NewServiceArea = Insertable<ServiceAreaTable>;
export type Accessibility = Selectable<AccessibilityTable>;
export type NewAccessibility = Insertable<AccessibilityTable>;
export type Funding = Selectable<FundingTable>;
export type NewFunding = Insertable<FundingTable>;
export type OrganisationIdentifier = Selectable<OrganisationIdentifierTable>;
export type NewOrganisationIdentifier = Insertable<OrganisationIdentifierTable>;
export type Taxonomy = Selectable<TaxonomyTable>;
export type NewTaxonomy = Insertable<TaxonomyTable>;
export type TaxonomyTerm = Selectable<TaxonomyTermTable>;
export type NewTaxonomyTerm = Insertable<TaxonomyTermTable>;
export type Attribute = Selectable<AttributeTable>;
export type NewAttribute = Insertable<AttributeTable>;
export type PostcodeCacheEntry = Selectable<PostcodeCacheTable>;
export type NewPostcodeCacheEntry = Insertable<PostcodeCacheTable>;
export type OutcodeCacheEntry = Selectable<OutcodeCacheTable>;
export type NewOutcodeCacheEntry = Insertable<OutcodeCacheTable>;
