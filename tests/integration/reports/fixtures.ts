import { randomUUID } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import type { ServiceStatus } from "~db/schema/directory";
import type { ListingReportStatus } from "~db/schema/directory-reports";
import type { ReferralStatus } from "~db/schema/referrals";
import { areaIdFor, organisationIdFor, serviceIdFor } from "~/directory/stable-id";
import type { Db } from "~/lib/db.server";
import { BARRIER_IDS, type BarrierId, type EdsLevelId, type GoalId } from "~/lib/frameworks";
import type { TriageOutcome } from "~/triage/outcome";
import type { TriageResult } from "~/triage/scoring";
import { saveTriageResult } from "~/triage/triage-results.server";

export const IDS = {
  maidstone: areaIdFor("maidstone"),
  thanet: areaIdFor("thanet"),
  tunbridgeWells: areaIdFor("tunbridge-wells"),
  council: organisationIdFor("mid-kent-borough-council"),
  champions: organisationIdFor("maidstone-digital-champions"),
  /** Maidstone: device loan and free data. */
  parkWood: serviceIdFor("park-wood-device-and-data"),
  /** Maidstone: assistive technology. */
  sightAndSound: serviceIdFor("sight-and-sound-tech-clinic-maidstone"),
  /** Thanet: free SIMs. */
  cliftonville: serviceIdFor("cliftonville-free-sim"),
};

export interface TriageSpec {
  at: string;
  mode: "self" | "assisted";
  postcode?: string | null;
  areaId?: string | null;
  barriers?: Partial<Record<BarrierId, "some" | "high">>;
  level: EdsLevelId;
  goals?: GoalId[];
}

/** A scored triage with just the parts reports read, saved through the app's own save path. */
export async function saveTriage(db: Db, spec: TriageSpec) {
  const barriers = Object.fromEntries(BARRIER_IDS.map((id) => [id, { severity: spec.barriers?.[id] ?? "none", because: [] }]));
  const result = {
    bankVersion: "test",
    barriers,
    skills: { level: spec.level, foundation: spec.level !== "below-foundation", life: false, work: null, foundationOnOwn: 0, foundationTotal: 8, areas: [], tasks: [] },
    inclusion: { point: 5, label: "Learning the ropes" },
    confidence: null,
    goals: spec.goals ?? [],
    flags: [],
    skipped: [],
  } as unknown as TriageResult;
  const outcome: TriageOutcome = { bankVersion: "test", mode: spec.mode, answers: {}, snapshot: [], result, plan: [] };
  return saveTriageResult(db, { outcome, postcode: spec.postcode ?? null, areaId: spec.areaId, completedAt: spec.at });
}

export interface ReferralSpec {
  createdAt: string;
  serviceId: string;
  areaId: string;
  kind?: "live" | "logged";
  status: ReferralStatus;
  firstActionAt?: string | null;
  outcome?: "got-online" | "received-data" | null;
  declineReason?: "no-capacity" | null;
}

/** A referral row as the referral pages leave it; the reports only read these columns. */
export async function insertReferral(db: Db, spec: ReferralSpec): Promise<string> {
  const id = randomUUID();
  const service = await db.selectFrom("services").select("organisation_id").where("id", "=", spec.serviceId).executeTakeFirstOrThrow();
  await db
    .insertInto("referrals")
    .values({
      id,
      reference: randomUUID().slice(0, 8).toUpperCase(),
      kind: spec.kind ?? "live",
      status: spec.status,
      service_id: spec.serviceId,
      organisation_id: service.organisation_id,
      area_id: spec.areaId,
      reasons: JSON.stringify({ barriers: [], goals: [] }),
      first_action_at: spec.firstActionAt ?? null,
      outcome: spec.outcome ?? null,
      decline_reason: spec.declineReason ?? null,
      created_at: spec.createdAt,
      updated_at: new Date().toISOString(),
      status_changed_at: spec.createdAt,
    })
    .execute();
  return id;
}

export async function insertPersonHelped(db: Db, spec: { on: string; minutes: number; areaId: string; userId: string }): Promise<void> {
  await db
    .insertInto("people_helped")
    .values({ id: randomUUID(), user_id: spec.userId, organisation_id: IDS.champions, area_id: spec.areaId, helped_on: spec.on, place: "Library", minutes: spec.minutes })
    .execute();
}

export async function insertQuizAttempt(db: Db, spec: { userId: string; moduleId: string; at: string; passed: boolean }): Promise<void> {
  await db
    .insertInto("quiz_attempts")
    .values({ id: randomUUID(), user_id: spec.userId, module_id: spec.moduleId, score_percent: spec.passed ? 90 : 40, passed: spec.passed ? 1 : 0, attempted_at: spec.at })
    .execute();
}

export interface ListingSpec {
  areaId: string | null;
  /** YYYY-MM-DD, or null if never checked. */
  assuredDate: string | null;
  published?: boolean;
  status?: ServiceStatus;
  openReports?: number;
  resolvedReports?: number;
}

/** Unpublishes every listing, so the directory health figures count only those added with insertListing. */
export async function unpublishAllListings(db: Db): Promise<void> {
  await db.updateTable("services").set({ published: 0 }).execute();
}

/** A directory listing with a known last check and problem reports from the public, open or dealt with. */
export async function insertListing(db: Db, spec: ListingSpec): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("services")
    .values({ id, organisation_id: IDS.council, area_id: spec.areaId, name: `Listing ${id.slice(0, 8)}`, published: spec.published === false ? 0 : 1, status: spec.status ?? "active", assured_date: spec.assuredDate })
    .execute();
  const reports: ListingReportStatus[] = [...Array<ListingReportStatus>(spec.openReports ?? 0).fill("open"), ...Array<ListingReportStatus>(spec.resolvedReports ?? 0).fill("resolved")];
  for (const status of reports) {
    await db
      .insertInto("listing_reports")
      .values({ id: randomUUID(), service_id: id, kind: "out-of-date", status, resolved_at: status === "resolved" ? new Date().toISOString() : null })
      .execute();
  }
  return id;
}

type Handler = (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => Promise<unknown>;

/** What a loader answered, whether it returned or threw the Response. */
export async function respond(handler: Handler, request: Request, params: Record<string, string> = {}): Promise<Response> {
  try {
    const result = await handler({ request, params, context: { cspNonce: "", clientIp: "127.0.0.1" } });
    if (result instanceof Response) return result;
    return new Response(JSON.stringify(result), { status: 200 });
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}
