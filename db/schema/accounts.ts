import type { Generated, Insertable, Selectable, Updateable } from "kysely";

export type OrganisationKind =
  | "council"
  | "housing-association"
  | "library"
  | "college"
  | "jobcentre-partner"
  | "voluntary-group"
  | "service-provider";

export interface OrganisationTable {
  id: string;
  name: string;
  kind: OrganisationKind;
  description: Generated<string>;
  email: string | null;
  website: string | null;
  phone: string | null;
  is_demo: Generated<number>;
  created_at: Generated<string>;
  updated_at: Generated<string>;
  // ORUK "organization" fields, added by the directory migration (005).
  alternate_name: string | null;
  legal_status: string | null;
  logo: string | null;
  uri: string | null;
  parent_organisation_id: string | null;
  last_modified: string | null;
}

export interface AreaTable {
  id: string;
  name: string;
  created_at: Generated<string>;
}

export interface AreaDistrictTable {
  area_id: string;
  outward_code: string;
}

export type Role = "champion" | "staff" | "provider" | "coordinator" | "admin";

export interface UserTable {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisation_id: string;
  password_hash: string | null;
  active: Generated<number>;
  last_sign_in_at: string | null;
  password_changed_at: string | null;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface UserAreaTable {
  user_id: string;
  area_id: string;
}

export interface SessionTable {
  id: string;
  user_id: string | null;
  data: Generated<string>;
  created_at: Generated<string>;
  last_seen_at: Generated<string>;
  expires_at: string;
}

export interface UserTokenTable {
  id: string;
  user_id: string;
  purpose: "invite" | "reset";
  token_hash: string;
  expires_at: string;
  used_at: string | null;
  created_at: Generated<string>;
}

export interface SignInAttemptTable {
  id: Generated<number>;
  email: string;
  ip: string;
  succeeded: number;
  created_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  record_type: string;
  record_id: string | null;
  area_id: string | null;
  detail: Generated<string>;
  ip: string | null;
}

export interface AccountTables {
  organisations: OrganisationTable;
  areas: AreaTable;
  area_districts: AreaDistrictTable;
  users: UserTable;
  user_areas: UserAreaTable;
  sessions: SessionTable;
  user_tokens: UserTokenTable;
  sign_in_attempts: SignInAttemptTable;
  audit_log: AuditLogTable;
  rate_limit_counts: RateLimitCountTable;
}

/** Anonymous form posts counted per fixed window; keys are hashed, never a raw address or session. */
export interface RateLimitCountTable {
  scope: string;
  key: string;
  window_start: string;
  hits: number;
}

export type Organisation = Selectable<OrganisationTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type OrganisationUpdate = Updateable<OrganisationTable>;
export type Area = Selectable<AreaTable>;
export type NewArea = Insertable<AreaTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type Session = Selectable<SessionTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;
