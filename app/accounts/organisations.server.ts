import { randomUUID } from "node:crypto";
import type { Db } from "~/lib/db.server";
import type { Organisation, OrganisationKind } from "~db/schema/accounts";
import { recordAudit, type AuditActor } from "./audit.server";

export interface OrganisationInput {
  name: string;
  kind: OrganisationKind;
  description: string;
  email: string | null;
  website: string | null;
  phone: string | null;
}

const EDITABLE = ["name", "kind", "description", "email", "website", "phone"] as const;

export interface OrganisationListItem {
  id: string;
  name: string;
  kind: OrganisationKind;
  users: number;
}

export async function listOrganisations(db: Db): Promise<OrganisationListItem[]> {
  const rows = await db
    .selectFrom("organisations")
    .leftJoin("users", "users.organisation_id", "organisations.id")
    .select(["organisations.id", "organisations.name", "organisations.kind", (eb) => eb.fn.count<number>("users.id").as("users")])
    .groupBy(["organisations.id", "organisations.name", "organisations.kind"])
    .orderBy("organisations.name")
    .execute();
  return rows.map((row) => ({ ...row, users: Number(row.users) }));
}

/** Just names, for choosing an organisation on a form. */
export async function organisationOptions(db: Db): Promise<{ id: string; name: string }[]> {
  return db.selectFrom("organisations").select(["id", "name"]).orderBy("name").execute();
}

export async function getOrganisation(db: Db, id: string): Promise<Organisation | undefined> {
  return db.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function createOrganisation(db: Db, actor: AuditActor, input: OrganisationInput, ip?: string | null): Promise<string> {
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("organisations").values({ id, ...input }).execute();
    await recordAudit(trx, { actor, action: "organisation-created", recordType: "organisation", recordId: id, detail: { ...input }, ip });
  });
  return id;
}

export async function updateOrganisation(db: Db, actor: AuditActor, id: string, input: OrganisationInput, ip?: string | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await getOrganisation(trx, id);
    if (!before) throw new Error(`Organisation ${id} does not exist`);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of EDITABLE) {
      if (before[field] !== input[field]) changes[field] = { from: before[field], to: input[field] };
    }
    if (Object.keys(changes).length === 0) return;
    await trx
      .updateTable("organisations")
      .set({ ...input, updated_at: new Date().toISOString() })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, { actor, action: "organisation-updated", recordType: "organisation", recordId: id, detail: { changes }, ip });
  });
}
