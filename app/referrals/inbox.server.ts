/**
 * The referral inboxes: one query, scoped by who is looking. Providers see their organisation's
 * referrals (but not residents' requests to a coordinator desk their organisation happens to
 * own: see coordinator-desk.ts), champions and staff the ones they made, coordinators their areas (and referrals with
 * no area, which any coordinator may pick up), admins everything. The list shows no personal
 * details, so opening the inbox is not a view of anyone's data; the referral page is, and is audited.
 *
 * Ordered by what needs action first, in SQL so paging is stable: the tier from STATUS_TIERS,
 * raised for safeguarding and overdue referrals as actionPriority does, then the longest wait.
 */
import type { CaseWhenBuilder, ExpressionBuilder } from "kysely";
import type { CurrentUser } from "~/accounts/auth.server";
import { can } from "~/accounts/policy";
import type { Db } from "~/lib/db.server";
import type { Database } from "~db/schema";
import type { ReferralStatus } from "~db/schema/referrals";
import { type InboxRole, STATUS_TIERS, TIER, actionPriority } from "./action-priority";
import { FLAG_AFTER_WORKING_DAYS } from "./chasers";
import { coordinatorDeskIds } from "./coordinator-desk.server";
import { ACTIVE_STATUSES, REFERRAL_STATUSES } from "./status-machine";
import { addWorkingDays, type CalendarDate, londonDate } from "./working-days";

export const INBOX_PAGE_SIZE = 25;
const DAY_MS = 24 * 60 * 60 * 1000;

export type InboxScope = "provider" | "referrer" | "coordinator" | "all";

export function inboxScopeFor(user: Pick<CurrentUser, "role">): InboxScope {
  if (can(user.role, "referral:read:all")) return "all";
  if (can(user.role, "referral:read:area")) return "coordinator";
  if (can(user.role, "referral:read:own-org")) return "provider";
  return "referrer";
}

function tierRole(scope: InboxScope): InboxRole {
  return scope === "all" ? "coordinator" : scope;
}

export interface InboxFilters {
  status?: ReferralStatus;
  serviceId?: string;
  /** Only referrals made at least this many days ago. */
  minAgeDays?: number;
  stuck?: boolean;
  safeguarding?: boolean;
  page: number;
}

type Viewer = Pick<CurrentUser, "id" | "role" | "organisationId" | "areaIds">;
type Eb = ExpressionBuilder<Database, "referrals">;

/** What scoping needs besides the viewer: the coordinator desks, which no provider sees. */
export interface InboxScoping {
  deskServiceIds: readonly string[];
}

export async function inboxScopingFor(db: Db, user: Pick<CurrentUser, "role">): Promise<InboxScoping> {
  return { deskServiceIds: inboxScopeFor(user) === "provider" ? await coordinatorDeskIds(db) : [] };
}

function scopeCondition(eb: Eb, scope: InboxScope, user: Viewer, scoping: InboxScoping) {
  switch (scope) {
    case "all":
      return eb.val(1).$castTo<boolean>();
    case "provider":
      return eb.and([
        eb("referrals.organisation_id", "=", user.organisationId),
        eb("referrals.kind", "=", "live"),
        ...(scoping.deskServiceIds.length > 0 ? [eb("referrals.service_id", "not in", [...scoping.deskServiceIds])] : []),
      ]);
    case "referrer":
      return eb("referrals.referrer_user_id", "=", user.id);
    case "coordinator":
      return eb.or([
        ...(user.areaIds.length > 0 ? [eb("referrals.area_id", "in", user.areaIds)] : []),
        eb("referrals.area_id", "is", null),
        eb("referrals.referrer_user_id", "=", user.id),
      ]);
  }
}

/** The instant a London calendar day ends, as stored timestamps are UTC. */
function endOfLondonDay(date: CalendarDate): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const summer = new Date(next.getTime() - 60 * 60 * 1000);
  return (londonDate(summer) === next.toISOString().slice(0, 10) ? summer : next).toISOString();
}

/** Referrals whose status last changed on or before this instant have waited 10 working days. */
export function stuckCutoff(now: Date): string {
  return endOfLondonDay(addWorkingDays(now, -FLAG_AFTER_WORKING_DAYS));
}

function tierExpression(eb: Eb, role: InboxRole) {
  const sent = eb("referrals.status", "=", "sent");
  let tier: CaseWhenBuilder<Database, "referrals", unknown, number> = eb.case().when("referrals.kind", "=", "logged").then<number>(TIER.finished);
  if (role === "coordinator") {
    tier = tier
      .when(eb.and([eb("referrals.safeguarding", "=", 1), eb("referrals.status", "in", ["new", "sent"])]))
      .then(TIER.urgent)
      .when(eb.and([sent, eb("referrals.coordinator_flagged_at", "is not", null)]))
      .then(TIER.urgent)
      .when(eb.and([sent, eb("referrals.reminder_sent_at", "is not", null)]))
      .then(TIER.due);
  }
  if (role === "provider") tier = tier.when(eb.and([sent, eb("referrals.reminder_sent_at", "is not", null)])).then(TIER.urgent);
  for (const status of REFERRAL_STATUSES) tier = tier.when("referrals.status", "=", status).then(STATUS_TIERS[role][status]);
  return tier.else(TIER.finished).end();
}

function filtered(db: Db, scope: InboxScope, user: Viewer, scoping: InboxScoping, filters: InboxFilters, now: Date) {
  let query = db.selectFrom("referrals").where((eb) => scopeCondition(eb, scope, user, scoping));
  if (filters.status) query = query.where("referrals.status", "=", filters.status);
  if (filters.serviceId) query = query.where("referrals.service_id", "=", filters.serviceId);
  if (filters.minAgeDays !== undefined && filters.minAgeDays > 0) {
    query = query.where("referrals.created_at", "<=", new Date(now.getTime() - filters.minAgeDays * DAY_MS).toISOString());
  }
  if (filters.safeguarding) query = query.where("referrals.safeguarding", "=", 1);
  if (filters.stuck) {
    const cutoff = stuckCutoff(now);
    query = query.where((eb) =>
      eb.or([
        eb.and([eb("referrals.status", "=", "sent"), eb("referrals.coordinator_flagged_at", "is not", null)]),
        eb.and([eb("referrals.kind", "=", "live"), eb("referrals.status", "in", [...ACTIVE_STATUSES]), eb("referrals.status_changed_at", "<=", cutoff)]),
      ]),
    );
  }
  return query;
}

/** The main inbox query, exported so a test can check its plan with EXPLAIN QUERY PLAN. */
export function inboxQuery(db: Db, user: Viewer, scoping: InboxScoping, filters: InboxFilters, now: Date) {
  const scope = inboxScopeFor(user);
  const role = tierRole(scope);
  const page = Math.max(1, Math.floor(filters.page));
  return filtered(db, scope, user, scoping, filters, now)
    .innerJoin("services", "services.id", "referrals.service_id")
    .leftJoin("areas", "areas.id", "referrals.area_id")
    .select((eb) => [
      "referrals.id",
      "referrals.reference",
      "referrals.kind",
      "referrals.status",
      "referrals.safeguarding",
      "referrals.self_referral",
      "referrals.sent_at",
      "referrals.reminder_sent_at",
      "referrals.coordinator_flagged_at",
      "referrals.status_changed_at",
      "referrals.created_at",
      "services.name as service_name",
      "areas.name as area_name",
      tierExpression(eb, role).as("tier"),
    ])
    .orderBy("tier")
    .orderBy((eb) => eb.case().when(tierExpression(eb, role), "<", TIER.finished).then(eb.ref("referrals.status_changed_at")).end())
    .orderBy("referrals.status_changed_at", "desc")
    .orderBy("referrals.id")
    .limit(INBOX_PAGE_SIZE)
    .offset((page - 1) * INBOX_PAGE_SIZE);
}

export interface InboxRow {
  reference: string;
  kind: "live" | "logged";
  status: ReferralStatus;
  serviceName: string;
  areaName: string | null;
  selfReferral: boolean;
  safeguarding: boolean;
  createdAt: string;
  since: string;
  needsAction: boolean;
  why: string;
}

export interface InboxPage {
  scope: InboxScope;
  rows: InboxRow[];
  total: number;
  page: number;
  totalPages: number;
  services: { id: string; name: string }[];
}

export async function listInbox(db: Db, user: Viewer, filters: InboxFilters, now: Date): Promise<InboxPage> {
  const scope = inboxScopeFor(user);
  const scoping = await inboxScopingFor(db, user);
  const { count } = await filtered(db, scope, user, scoping, filters, now)
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  const total = Number(count);
  const totalPages = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
  const page = Math.min(Math.max(1, filters.page), totalPages);
  const rows = await inboxQuery(db, user, scoping, { ...filters, page }, now).execute();
  const services = await db
    .selectFrom("referrals")
    .innerJoin("services", "services.id", "referrals.service_id")
    .where((eb) => scopeCondition(eb, scope, user, scoping))
    .select(["services.id", "services.name"])
    .distinct()
    .orderBy("services.name")
    .execute();
  const role = tierRole(scope);
  return {
    scope,
    total,
    page,
    totalPages,
    services,
    rows: rows.map((r) => {
      const priority = actionPriority(r, role, now);
      return {
        reference: r.reference,
        kind: r.kind,
        status: r.status,
        serviceName: r.service_name,
        areaName: r.area_name,
        selfReferral: r.self_referral === 1,
        safeguarding: r.safeguarding === 1,
        createdAt: r.created_at,
        since: r.status_changed_at,
        needsAction: priority.needsAction,
        why: priority.why,
      };
    }),
  };
}
