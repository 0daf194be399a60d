import { randomUUID } from "node:crypto";
import type { Db } from "~/lib/db.server";
import { recordAudit, type AuditActor } from "./audit.server";

export interface AreaSummary {
  id: string;
  name: string;
  districts: string[];
}

/** Areas by name, each with its postcode districts; pass ids to list only those. */
export async function listAreas(db: Db, ids?: readonly string[]): Promise<AreaSummary[]> {
  if (ids && ids.length === 0) return [];
  let query = db.selectFrom("areas").select(["id", "name"]).orderBy("name");
  if (ids) query = query.where("id", "in", ids);
  const areas = await query.execute();
  if (areas.length === 0) return [];
  const districts = await db
    .selectFrom("area_districts")
    .select(["area_id", "outward_code"])
    .where("area_id", "in", areas.map((a) => a.id))
    .execute();
  return areas.map((area) => ({
    ...area,
    districts: districts
      .filter((d) => d.area_id === area.id)
      .map((d) => d.outward_code)
      .sort((a, b) => a.localeCompare(b, "en-GB", { numeric: true })),
  }));
}

export async function getArea(db: Db, id: string): Promise<AreaSummary | undefined> {
  const [area] = await listAreas(db, [id]);
  return area;
}

export interface AreaInput {
  name: string;
  districts: string[];
}

export type AreaSaveResult = { ok: true; id: string } | { ok: false; errors: { name: string } };

async function nameTaken(db: Db, name: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom("areas").select("id").where((eb) => eb(eb.fn("lower", ["name"]), "=", name.toLowerCase()));
  if (exceptId) query = query.where("id", "!=", exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

const TAKEN = { ok: false, errors: { name: "There is already an area with this name" } } as const;

export async function createArea(db: Db, actor: AuditActor, input: AreaInput, ip?: string | null): Promise<AreaSaveResult> {
  return db.transaction().execute(async (trx) => {
    if (await nameTaken(trx, input.name)) return TAKEN;
    const id = randomUUID();
    await trx.insertInto("areas").values({ id, name: input.name }).execute();
    await replaceDistricts(trx, id, input.districts);
    await recordAudit(trx, { actor, action: "area-created", recordType: "area", recordId: id, areaId: id, detail: { ...input }, ip });
    return { ok: true, id };
  });
}

export async function updateArea(db: Db, actor: AuditActor, id: string, input: AreaInput, ip?: string | null): Promise<AreaSaveResult> {
  return db.transaction().execute(async (trx) => {
    const before = await getArea(trx, id);
    if (!before) throw new Error(`Area ${id} does not exist`);
    if (await nameTaken(trx, input.name, id)) return TAKEN;
    await trx.updateTable("areas").set({ name: input.name }).where("id", "=", id).execute();
    await replaceDistricts(trx, id, input.districts);
    const detail = {
      name: before.name === input.name ? undefined : { from: before.name, to: input.name },
      districtsAdded: input.districts.filter((d) => !before.districts.includes(d)),
      districtsRemoved: before.districts.filter((d) => !input.districts.includes(d)),
    };
    await recordAudit(trx, { actor, action: "area-updated", recordType: "area", recordId: id, areaId: id, detail, ip });
    return { ok: true, id };
  });
}

async function replaceDistricts(db: Db, areaId: string, districts: readonly string[]): Promise<void> {
  await db.deleteFrom("area_districts").where("area_id", "=", areaId).execute();
  if (districts.length > 0) {
    await db
      .insertInto("area_districts")
      .values(districts.map((outward_code) => ({ area_id: areaId, outward_code })))
      .execute();
  }
}
