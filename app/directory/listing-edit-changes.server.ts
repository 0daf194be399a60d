/**
 * The approval queue: a provider's save becomes a pending change holding the whole listing as
 * proposed and as it was; a coordinator approves it (it goes live, counts as verified, and
 * enters search at once) or rejects it with a note. Either way the proposer gets an email.
 */
import { randomUUID } from "node:crypto";
import { actorFor, recordAudit } from "~/accounts/audit.server";
import { publicBaseUrl } from "~/accounts/tokens.server";
import type { Db } from "~/lib/db.server";
import { enqueueMessage } from "~/messaging/outbox.server";
import type { ListingChange } from "~db/schema/directory-edits";
import { diffListings, readSnapshot, type ListingDiffRow, type ListingSnapshot } from "./listing-edit";
import { changesInReach, type ListingEditor } from "./listing-edit-scope.server";
import { loadEditableListing } from "./listing-edit.server";
import { applyListingSnapshot, createListing, type NewListingPlacement } from "./listing-edit-write.server";
import { refreshServiceInIndex } from "./directory-index.server";
import { getCategory } from "./taxonomy.server";

export const categoryName = (id: Parameters<typeof getCategory>[0]) => getCategory(id).name;

interface AuditContext {
  ip?: string | null;
}

/** Coordinators of the listing's area, or admins for a national listing: who approves and reviews it. */
export async function approverEmails(db: Db, areaId: string | null): Promise<string[]> {
  const query = db.selectFrom("users").select("users.email").where("users.active", "=", 1);
  const rows = areaId
    ? await query.innerJoin("user_areas", "user_areas.user_id", "users.id").where("user_areas.area_id", "=", areaId).where("users.role", "=", "coordinator").execute()
    : await query.where("users.role", "=", "admin").execute();
  return [...new Set(rows.map((r) => r.email.toLowerCase()))];
}

async function tellApprovers(db: Db, change: { id: string; area_id: string | null }, listingName: string, proposer: ListingEditor & { organisationName?: string }, isNew: boolean, now: Date) {
  const link = `${publicBaseUrl()}/directory/approvals/${change.id}`;
  for (const to of await approverEmails(db, change.area_id)) {
    await enqueueMessage(
      db,
      {
        channel: "email",
        to,
        subject: `Listing change to approve: ${listingName}`.slice(0, 200),
        body: `${proposer.name} (${proposer.organisationName ?? "a partner organisation"}) has ${isNew ? "proposed a new listing" : "changed a listing"}: ${listingName}.\n\nSee what changed and approve or reject it:\n${link}`,
        purpose: "listing-review",
        related: { type: "listing_change", id: change.id },
      },
      now,
    );
  }
}

/**
 * A provider's edit: held as a pending change, not yet live. A second save before a decision
 * replaces the proposal (one pending change per listing) but keeps the listing as first seen.
 */
export async function proposeChange(
  db: Db,
  user: ListingEditor & { organisationName?: string },
  serviceId: string,
  snapshot: ListingSnapshot,
  context: AuditContext = {},
  now: Date = new Date(),
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const service = await trx.selectFrom("services").select(["id", "name", "organisation_id", "area_id"]).where("id", "=", serviceId).executeTakeFirstOrThrow();
    const pending = await trx.selectFrom("listing_changes").select("id").where("service_id", "=", serviceId).where("status", "=", "pending").executeTakeFirst();
    const at = now.toISOString();
    let id: string;
    if (pending) {
      id = pending.id;
      await trx.updateTable("listing_changes").set({ proposed: JSON.stringify(snapshot), proposed_by_user_id: user.id, updated_at: at }).where("id", "=", id).execute();
    } else {
      id = randomUUID();
      const current = await loadEditableListing(trx, serviceId);
      await trx
        .insertInto("listing_changes")
        .values({
          id,
          service_id: serviceId,
          organisation_id: service.organisation_id,
          area_id: service.area_id,
          proposed_by_user_id: user.id,
          proposed: JSON.stringify(snapshot),
          previous: current ? JSON.stringify(current.snapshot) : null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await tellApprovers(trx, { id, area_id: service.area_id }, snapshot.name, user, false, now);
    }
    await recordAudit(trx, { actor: actorFor(user), action: "listing.change-proposed", recordType: "service", recordId: serviceId, areaId: service.area_id, detail: { changeId: id }, ip: context.ip }, now);
    return id;
  });
}

/** A provider's proposed new listing, waiting for approval before it exists. */
export async function proposeNewListing(
  db: Db,
  user: ListingEditor & { organisationName?: string },
  placement: NewListingPlacement,
  snapshot: ListingSnapshot,
  context: AuditContext = {},
  now: Date = new Date(),
): Promise<string> {
  const id = randomUUID();
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("listing_changes")
      .values({ id, service_id: null, organisation_id: placement.organisationId, area_id: placement.areaId, proposed_by_user_id: user.id, proposed: JSON.stringify(snapshot), previous: null, created_at: at, updated_at: at })
      .execute();
    await tellApprovers(trx, { id, area_id: placement.areaId }, snapshot.name, user, true, now);
    await recordAudit(trx, { actor: actorFor(user), action: "listing.new-proposed", recordType: "listing_change", recordId: id, areaId: placement.areaId, ip: context.ip }, now);
  });
  return id;
}

export interface PendingChangeSummary {
  id: string;
  serviceId: string | null;
  name: string;
  organisationName: string;
  areaName: string | null;
  proposedBy: string | null;
  proposedAt: string;
}

export async function listPendingChanges(db: Db, user: ListingEditor): Promise<PendingChangeSummary[]> {
  const rows = await db
    .selectFrom("listing_changes")
    .innerJoin("organisations", "organisations.id", "listing_changes.organisation_id")
    .leftJoin("areas", "areas.id", "listing_changes.area_id")
    .leftJoin("users", "users.id", "listing_changes.proposed_by_user_id")
    .select(["listing_changes.id", "listing_changes.service_id", "listing_changes.proposed", "listing_changes.updated_at", "organisations.name as organisation_name", "areas.name as area_name", "users.name as proposer_name"])
    .where("listing_changes.status", "=", "pending")
    .where(changesInReach(user))
    .orderBy("listing_changes.updated_at")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    serviceId: r.service_id,
    name: readSnapshot(r.proposed).name,
    organisationName: r.organisation_name,
    areaName: r.area_name,
    proposedBy: r.proposer_name,
    proposedAt: r.updated_at,
  }));
}

export interface ChangeDetail {
  change: ListingChange;
  proposed: ListingSnapshot;
  diff: ListingDiffRow[];
  /** Fields someone else changed on the live listing since this was proposed; approving overwrites them. */
  changedSince: ListingDiffRow[];
  organisationName: string;
  proposer: { name: string; email: string; active: boolean } | null;
}

/** A change the approver may see, with what it changes; undefined outside their areas. */
export async function getChangeInReach(db: Db, user: ListingEditor, changeId: string): Promise<ChangeDetail | undefined> {
  const change = await db.selectFrom("listing_changes").selectAll().where("id", "=", changeId).where(changesInReach(user)).executeTakeFirst();
  if (!change) return undefined;
  const [organisation, proposer] = await Promise.all([
    db.selectFrom("organisations").select("name").where("id", "=", change.organisation_id).executeTakeFirstOrThrow(),
    change.proposed_by_user_id ? db.selectFrom("users").select(["name", "email", "active"]).where("id", "=", change.proposed_by_user_id).executeTakeFirst() : undefined,
  ]);
  const proposed = readSnapshot(change.proposed);
  const previous = change.previous ? readSnapshot(change.previous) : null;
  const live = change.status === "pending" && change.service_id ? await loadEditableListing(db, change.service_id) : undefined;
  return {
    change,
    proposed,
    diff: diffListings(previous, proposed, { categoryName }),
    changedSince: previous && live ? diffListings(previous, live.snapshot, { categoryName }) : [],
    organisationName: organisation.name,
    proposer: proposer ? { name: proposer.name, email: proposer.email, active: proposer.active === 1 } : null,
  };
}

async function tellProposer(db: Db, detail: ChangeDetail, outcome: "approved" | "rejected", note: string | null, now: Date): Promise<void> {
  if (!detail.proposer?.active) return;
  const name = detail.proposed.name;
  const body =
    outcome === "approved"
      ? `Your ${detail.change.service_id ? "change to" : "new listing"} "${name}" has been approved and is now live in the Waymark directory.${note ? `\n\nNote from the coordinator:\n${note}` : ""}`
      : `Your ${detail.change.service_id ? "change to" : "new listing"} "${name}" was not approved.\n\nWhy:\n${note ?? ""}\n\nYou can sign in to Waymark to make the change again:\n${publicBaseUrl()}/directory/manage`;
  await enqueueMessage(
    db,
    {
      channel: "email",
      to: detail.proposer.email,
      subject: `${outcome === "approved" ? "Approved" : "Not approved"}: ${name}`.slice(0, 200),
      body,
      purpose: "listing-review",
      related: { type: "listing_change", id: detail.change.id },
    },
    now,
  );
}

/** Puts the proposal live; returns the listing's id (new for a proposed new listing). */
export async function approveChange(db: Db, approver: ListingEditor, detail: ChangeDetail, note: string | null, context: AuditContext = {}, now: Date = new Date()): Promise<string> {
  const serviceId = await db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable("listing_changes")
      .set({ status: "approved", decided_by_user_id: approver.id, decided_at: now.toISOString(), decision_note: note, updated_at: now.toISOString() })
      .where("id", "=", detail.change.id)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new Response("This change has already been decided.", { status: 409 });
    // The person who proposed it knows the service, so they are the one who verified it.
    const assurer = { email: detail.proposer?.email ?? approver.email };
    let id = detail.change.service_id;
    if (id) {
      await applyListingSnapshot(trx, id, detail.proposed, assurer, now);
    } else {
      id = await createListing(trx, { organisationId: detail.change.organisation_id, areaId: detail.change.area_id }, detail.proposed, assurer, now);
      await trx.updateTable("listing_changes").set({ service_id: id }).where("id", "=", detail.change.id).execute();
    }
    await tellProposer(trx, detail, "approved", note, now);
    await recordAudit(trx, { actor: actorFor(approver), action: "listing.change-approved", recordType: "service", recordId: id, areaId: detail.change.area_id, detail: { changeId: detail.change.id }, ip: context.ip }, now);
    return id;
  });
  await refreshServiceInIndex(db, serviceId);
  return serviceId;
}

/** Leaves the listing as it is and tells the proposer why. */
export async function rejectChange(db: Db, approver: ListingEditor, detail: ChangeDetail, note: string, context: AuditContext = {}, now: Date = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable("listing_changes")
      .set({ status: "rejected", decided_by_user_id: approver.id, decided_at: now.toISOString(), decision_note: note, updated_at: now.toISOString() })
      .where("id", "=", detail.change.id)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new Response("This change has already been decided.", { status: 409 });
    await tellProposer(trx, detail, "rejected", note, now);
    await recordAudit(trx, { actor: actorFor(approver), action: "listing.change-rejected", recordType: detail.change.service_id ? "service" : "listing_change", recordId: detail.change.service_id ?? detail.change.id, areaId: detail.change.area_id, detail: { changeId: detail.change.id }, ip: context.ip }, now);
  });
}

/** A coordinator's or admin's edit: live at once, audited, and in search straight away. */
export async function saveListing(db: Db, user: ListingEditor, serviceId: string, snapshot: ListingSnapshot, context: AuditContext = {}, now: Date = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await loadEditableListing(trx, serviceId);
    const service = await trx.selectFrom("services").select("area_id").where("id", "=", serviceId).executeTakeFirstOrThrow();
    await applyListingSnapshot(trx, serviceId, snapshot, user, now);
    const changed = before ? diffListings(before.snapshot, snapshot).map((d) => d.field) : [];
    await recordAudit(trx, { actor: actorFor(user), action: "listing.updated", recordType: "service", recordId: serviceId, areaId: service.area_id, detail: { fields: changed }, ip: context.ip }, now);
  });
  await refreshServiceInIndex(db, serviceId);
}

/** A coordinator's or admin's new listing: published at once. */
export async function addListing(db: Db, user: ListingEditor, placement: NewListingPlacement, snapshot: ListingSnapshot, context: AuditContext = {}, now: Date = new Date()): Promise<string> {
  const id = await db.transaction().execute(async (trx) => {
    const created = await createListing(trx, placement, snapshot, user, now);
    await recordAudit(trx, { actor: actorFor(user), action: "listing.created", recordType: "service", recordId: created, areaId: placement.areaId, ip: context.ip }, now);
    return created;
  });
  await refreshServiceInIndex(db, id);
  return id;
}

/** The pending proposal for a listing, so its editor sees what is waiting rather than the live text. */
export async function pendingChangeFor(db: Db, serviceId: string): Promise<{ id: string; proposed: ListingSnapshot; updatedAt: string } | undefined> {
  const row = await db.selectFrom("listing_changes").select(["id", "proposed", "updated_at"]).where("service_id", "=", serviceId).where("status", "=", "pending").executeTakeFirst();
  return row ? { id: row.id, proposed: readSnapshot(row.proposed), updatedAt: row.updated_at } : undefined;
}
