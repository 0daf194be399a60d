import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrateToLatest } from "~db/migrator";
import { loadDirectoryContent } from "~/directory/directory-content.server";
import { seedDirectory } from "~/directory/seed.server";
import { areaIdFor, serviceIdFor } from "~/directory/stable-id";
import { createDatabase, type Db } from "~/lib/db.server";
import { CATEGORY_IDS } from "~/lib/frameworks";

const TABLES = [
  "taxonomies",
  "taxonomy_terms",
  "areas",
  "area_districts",
  "organisations",
  "locations",
  "accessibility",
  "services",
  "service_at_locations",
  "schedules",
  "contacts",
  "phones",
  "languages",
  "cost_options",
  "service_areas",
  "attributes",
] as const;

async function snapshot(db: Db) {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) out[table] = await db.selectFrom(table).selectAll().execute();
  for (const rows of Object.values(out)) rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return out;
}

let db: Db;
beforeEach(async () => {
  db = createDatabase(":memory:");
  await migrateToLatest(db);
});
afterEach(async () => {
  await db.destroy();
});

const clock = (iso: string) => () => new Date(iso);

describe("seedDirectory", () => {
  it("loads the taxonomy, partnership and every demo service", async () => {
    const report = await seedDirectory(db, { now: clock("2026-11-01T09:00:00Z") });
    expect(report.services.created).toBe(78);
    expect(await db.selectFrom("taxonomy_terms").select("code").execute()).toHaveLength(CATEGORY_IDS.length);
    expect((await db.selectFrom("areas").select("name").orderBy("name").execute()).map((a) => a.name)).toEqual([
      "Maidstone",
      "Thanet",
      "Tunbridge Wells",
    ]);
    const districts = await db.selectFrom("area_districts").select("outward_code").where("area_id", "=", areaIdFor("thanet")).execute();
    expect(districts.map((d) => d.outward_code).sort()).toEqual(["CT10", "CT11", "CT12", "CT7", "CT8", "CT9"]);
    const demo = await db.selectFrom("services").select(["is_demo"]).where("is_demo", "=", 0).execute();
    expect(demo).toHaveLength(0);
  });

  it("changes nothing when run a second time, even later", async () => {
    await seedDirectory(db, { now: clock("2026-11-01T09:00:00Z") });
    const before = await snapshot(db);
    const report = await seedDirectory(db, { now: clock("2026-11-20T09:00:00Z") });
    for (const tally of Object.values(report)) {
      expect(tally).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    }
    expect(await snapshot(db)).toEqual(before);
  });

  it("updates only the listing whose content changed, and moves its last_modified", async () => {
    const content = loadDirectoryContent();
    await seedDirectory(db, { content, now: clock("2026-11-01T09:00:00Z") });
    const bus = content.services.find((s) => s.id === "rural-digital-bus")!;
    bus.locations[0].schedules[0] = { ...bus.locations[0].schedules[0], closes_at: "14:00" };
    const report = await seedDirectory(db, { content, now: clock("2026-11-20T09:00:00Z") });
    expect(report.services).toMatchObject({ created: 0, updated: 1 });
    const changed = await db.selectFrom("services").select(["id", "last_modified"]).where("last_modified", "like", "2026-11-20%").execute();
    expect(changed.map((s) => s.id)).toEqual([serviceIdFor("rural-digital-bus")]);
    const lenham = await db
      .selectFrom("schedules")
      .innerJoin("service_at_locations", "service_at_locations.id", "schedules.service_at_location_id")
      .select("schedules.closes_at")
      .where("service_at_locations.service_id", "=", serviceIdFor("rural-digital-bus"))
      .where("schedules.byday", "=", "MO")
      .executeTakeFirstOrThrow();
    expect(lenham.closes_at).toBe("14:00");
  });

  it("models the digital bus as one stop per weekday, each with its own schedule", async () => {
    await seedDirectory(db);
    const stops = await db
      .selectFrom("service_at_locations")
      .innerJoin("locations", "locations.id", "service_at_locations.location_id")
      .innerJoin("schedules", "schedules.service_at_location_id", "service_at_locations.id")
      .select(["locations.city", "schedules.byday", "schedules.freq"])
      .where("service_at_locations.service_id", "=", serviceIdFor("rural-digital-bus"))
      .execute();
    expect(stops.map((s) => `${s.byday} ${s.city}`).sort()).toEqual([
      "FR Yalding",
      "MO Lenham",
      "TH Coxheath",
      "TU Harrietsham",
      "WE Sutton Valence",
    ]);
  });

  it("covers every category in every area except the two deliberate gaps", async () => {
    await seedDirectory(db);
    const rows = await db
      .selectFrom("services")
      .innerJoin("attributes", (j) => j.onRef("attributes.link_id", "=", "services.id").on("attributes.link_entity", "=", "service"))
      .innerJoin("taxonomy_terms", "taxonomy_terms.id", "attributes.taxonomy_term_id")
      .innerJoin("areas", "areas.id", "services.area_id")
      .select(["areas.name as area", "taxonomy_terms.code as category"])
      .where("services.published", "=", 1)
      .where("services.status", "=", "active")
      .execute();
    const missing: string[] = [];
    for (const area of ["Maidstone", "Thanet", "Tunbridge Wells"]) {
      for (const category of CATEGORY_IDS) {
        if (!rows.some((r) => r.area === area && r.category === category)) missing.push(`${area}: ${category}`);
      }
    }
    expect(missing).toEqual(["Thanet: device-loan", "Tunbridge Wells: assistive-tech"]);
  });

  it("has national services for every category gap so nobody is left with nothing", async () => {
    await seedDirectory(db);
    const national = await db
      .selectFrom("services")
      .innerJoin("attributes", "attributes.link_id", "services.id")
      .innerJoin("taxonomy_terms", "taxonomy_terms.id", "attributes.taxonomy_term_id")
      .select("taxonomy_terms.code")
      .where("services.is_national", "=", 1)
      .execute();
    const codes = new Set(national.map((n) => n.code));
    expect(codes.has("device-loan") && codes.has("assistive-tech")).toBe(true);
  });
});
