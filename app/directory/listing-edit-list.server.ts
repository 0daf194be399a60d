/**
 * The listings someone looks after, with when each was last checked, and the "still correct"
 * confirmation that resets that clock without changing anything else.
 */
import { randomUUID } from "node:crypto";
import { actorFor, recordAudit, type AuditActor } from "~/accounts/audit.server";
import type { Db } from "~/lib/db.server";
import { assuredDateFor, verificationState, type VerificationState } from "./listing-edit-verified";
import { servicesInReach, type ListingEditor } from "./listing-edit-scope.server";
import { refreshServiceInIndex } from "./directory-index.server";

export interface ManagedListing {
  id: string;
  name: string;
  organisationName: string;
  areaName: string | null;
  published: boolean;
  status: string;
  assuredDate: string | null;
  state: VerificationState;
  pendingChange: boolean;
}

export const LISTING_FILTERS = ["all", "attention"] as const;
export type ListingFilter = (typeof LISTING_FILTERS)[number];

const STATE_ORDER: Record<VerificationState, number> = { "out-of-date": 0, "needs-review": 1, verified: 2 };

/** Listings within reach; "attention" keeps those not verified for six months or waiting for approval. */
export async function listManagedListings(db: Db, user: ListingEditor, now: Date, filter: ListingFilter = "all"): Promise<ManagedListing[]> {
  const rows = await db
    .selectFrom("services")
    .innerJoin("organisations", "organisations.id", "services.organisation_id")
    .leftJoin("areas", "areas.id", "services.area_id")
    .select((eb) => [
      "services.id",
      "services.name",
      "services.published",
      "services.status",
      "services.assured_date",
      "organisations.name as organisation_name",
      "areas.name as area_name",
      eb
        .exists(eb.selectFrom("listing_changes").select("listing_changes.id").whereRef("listing_changes.service_id", "=", "services.id").where("listing_changes.status", "=", "pending"))
        .as("pending"),
    ])
    .where(servicesInReach(user))
    .orderBy("services.name")
    .execute();
  const listings = rows.map((r) => ({
    id: r.id,
    name: r.name,
    organisationName: r.organisation_name,
    areaName: r.area_name,
    published: r.published === 1,
    status: r.status,
    assuredDate: r.assured_date,
    state: verificationState(r.assured_date, now),
    pendingChange: Boolean(r.pending),
  }));
  const shown = filter === "attention" ? listings.filter((l) => l.state !== "verified" || l.pendingChange) : listings;
  // Those that most need a look come first; the sort is stable, so names stay in order within each.
  return shown.sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state]);
}

/**
 * Records that a person checked the listing and it is still right: ORUK's assured_date moves to
 * today, which lifts a stale listing back up the search results.
 */
export async function verifyListing(
  db: Db,
  serviceId: string,
  verifier: { actor: AuditActor; email: string | null; via: "signed-in" | "email-link"; reviewId?: string },
  context: { ip?: string | null } = {},
  now: Date = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const service = await trx.selectFrom("services").select(["id", "area_id"]).where("id", "=", serviceId).executeTakeFirstOrThrow();
    const at = now.toISOString();
    await trx
      .updateTable("services")
      .set({ assured_date: assuredDateFor(now), ...(verifier.email ? { assurer_email: verifier.email } : {}), last_modified: at, updated_at: at })
      .where("id", "=", serviceId)
      .execute();
    if (verifier.via === "signed-in") {
      await trx.insertInto("listing_reviews").values({ id: randomUUID(), service_id: serviceId, kind: "still-correct", token_hash: null, sent_at: at, expires_at: null, used_at: at }).execute();
    }
    await recordAudit(trx, { actor: verifier.actor, action: "listing.verified", recordType: "service", recordId: serviceId, areaId: service.area_id, detail: { via: verifier.via, ...(verifier.reviewId ? { reviewId: verifier.reviewId } : {}) }, ip: context.ip }, now);
  });
  await refreshServiceInIndex(db, serviceId);
}

/** For a signed-in editor. */
export function verifiedBy(user: ListingEditor) {
  return { actor: actorFor(user), email: user.email, via: "signed-in" as const };
}
