/* eslint-disable @typescript-eslint/no-explicit-any -- reads deep into ORUK JSON, whose shape the schema check vouches for */
import { beforeAll, afterAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "~db/migrator";
import {
  getOrukService,
  getOrukServiceAtLocation,
  getOrukTaxonomy,
  getOrukTaxonomyTerm,
  listOrukServiceAtLocations,
  listOrukServices,
  listOrukTaxonomies,
  listOrukTaxonomyTerms,
} from "~/directory/oruk.server";
import { seedDirectory } from "~/directory/seed.server";
import { serviceIdFor, taxonomyIdFor, taxonomyTermIdFor } from "~/directory/stable-id";
import { CATEGORY_TAXONOMY_ID } from "~/directory/taxonomy.server";
import { createDatabase, type Db } from "~/lib/db.server";
import { orukErrors, orukPageErrors } from "../../helpers/oruk-schema";

let db: Db;
let visibleIds: string[];

beforeAll(async () => {
  db = createDatabase(":memory:");
  await migrateToLatest(db);
  await seedDirectory(db, { now: () => new Date("2026-11-01T09:00:00Z") });
  visibleIds = (
    await db.selectFrom("services").select("id").where("published", "=", 1).where("status", "=", "active").orderBy("id").execute()
  ).map((s) => s.id);
});
afterAll(async () => {
  await db.destroy();
});

describe("ORUK services", () => {
  it("serialises every visible demo service as a valid full ORUK service", async () => {
    expect(visibleIds).toHaveLength(76);
    const problems: string[] = [];
    for (const id of visibleIds) {
      const service = await getOrukService(db, id);
      problems.push(...orukErrors("service", service).map((e) => `${id}: ${e}`));
    }
    expect(problems).toEqual([]);
  });

  it("nests organisation, locations with schedules, phones, costs, languages and categories", async () => {
    const service = (await getOrukService(db, serviceIdFor("maidstone-library-computers"))) as Record<string, any>;
    expect(service.organization.name).toBe("Kent Community Libraries");
    const [sal] = service.service_at_locations;
    expect(sal.location.addresses[0]).toMatchObject({ address_1: "James Whatman Way", postal_code: "ME14 1LQ", country: "GB" });
    expect(sal.location.accessibility[0].description).toMatch(/Step-free/);
    expect(sal.schedules.map((s: any) => `${s.freq} ${s.byday} ${s.opens_at}-${s.closes_at}`)).toEqual([
      "WEEKLY MO,TU,WE,TH,FR 09:00-18:00",
      "WEEKLY SA 09:00-17:00",
    ]);
    expect(service.phones[0].number).toBe("01632 960401");
    expect(service.cost_options.map((c: any) => c.amount)).toEqual([0.2, 0.5]);
    expect(service.languages).toEqual([expect.objectContaining({ name: "English", code: "en" })]);
    expect(service.attributes[0].taxonomy_term).toMatchObject({ code: "public-computers", taxonomy: "Waymark digital inclusion categories" });
    expect(service.assured_date).toBe("2026-10-02");
    expect(service.last_modified).toBe("2026-11-01T09:00:00.000Z");
    expect(Object.values(service)).not.toContain(null);
  });

  it("gives a monthly session and a contact's own phone", async () => {
    const clinic = (await getOrukService(db, serviceIdFor("sight-and-sound-tech-clinic-maidstone"))) as Record<string, any>;
    expect(clinic.service_at_locations[0].schedules[0]).toMatchObject({ freq: "MONTHLY", byday: "2TH" });
    const devices = (await getOrukService(db, serviceIdFor("park-wood-device-and-data"))) as Record<string, any>;
    expect(devices.contacts[0]).toMatchObject({ name: "Priya Shah", title: "Device scheme coordinator" });
  });

  it("hides unpublished and temporarily closed services", async () => {
    expect(await getOrukService(db, serviceIdFor("amelia-scott-reading-friends"))).toBeNull();
    expect(await getOrukService(db, serviceIdFor("minster-digital-surgery"))).toBeNull();
    const all = await listOrukServices(db, { page: 1, perPage: 200 });
    expect(all.total_items).toBe(76);
    expect(all.contents.map((s) => s.id)).not.toContain(serviceIdFor("minster-digital-surgery"));
  });

  it("pages services in the ORUK envelope, including past the end", async () => {
    const first = await listOrukServices(db, { page: 1, perPage: 20 });
    expect(orukPageErrors("service", first)).toEqual([]);
    expect(first).toMatchObject({ total_items: 76, total_pages: 4, page_number: 1, size: 20, first_page: true, last_page: false, empty: false });
    expect(first.contents).toHaveLength(20);
    const last = await listOrukServices(db, { page: 4, perPage: 20 });
    expect(last).toMatchObject({ last_page: true, first_page: false });
    expect(last.contents).toHaveLength(16);
    const beyond = await listOrukServices(db, { page: 9, perPage: 20 });
    expect(beyond).toMatchObject({ empty: true, last_page: true, contents: [] });
    expect(orukPageErrors("service", beyond)).toEqual([]);
    const ids = [first, await listOrukServices(db, { page: 2, perPage: 20 }), await listOrukServices(db, { page: 3, perPage: 20 }), last]
      .flatMap((p) => p.contents.map((s) => s.id));
    expect(new Set(ids).size).toBe(76);
  });

  it("filters by taxonomy term, modified date and a given set of ids, and can return full records", async () => {
    const term = taxonomyTermIdFor(CATEGORY_TAXONOMY_ID, "device-loan");
    const devices = await listOrukServices(db, { page: 1, perPage: 50 }, { taxonomyTermId: term }, { full: true });
    expect(orukPageErrors("service", devices)).toEqual([]);
    expect(devices.total_items).toBe(4);
    for (const s of devices.contents as Array<Record<string, any>>) {
      expect(s.attributes.map((a: any) => a.taxonomy_term_id)).toContain(term);
    }
    expect((await listOrukServices(db, { page: 1, perPage: 50 }, { modifiedAfter: "2026-11-02T00:00:00Z" })).total_items).toBe(0);
    expect((await listOrukServices(db, { page: 1, perPage: 50 }, { modifiedAfter: "2026-10-31T00:00:00Z" })).total_items).toBe(76);
    const picked = await listOrukServices(db, { page: 1, perPage: 50 }, { ids: [serviceIdFor("rural-digital-bus"), serviceIdFor("minster-digital-surgery")] });
    expect(picked.contents.map((s) => s.name)).toEqual(["The Digital Bus"]);
    expect((await listOrukServices(db, { page: 1, perPage: 50 }, { taxonomyId: taxonomyIdFor(CATEGORY_TAXONOMY_ID) })).total_items).toBe(76);
  });
});

describe("ORUK service at locations", () => {
  it("lists valid service-at-locations and orders them by distance from a point", async () => {
    const margate = { latitude: 51.3886, longitude: 1.3848 };
    const page = await listOrukServiceAtLocations(db, { page: 1, perPage: 10 }, { near: { ...margate, withinMetres: 5000 } });
    expect(orukPageErrors("service_at_location", page)).toEqual([]);
    const towns = (page.contents as Array<Record<string, any>>).map((c) => c.location.name);
    expect(towns[0]).toMatch(/Margate Library|Thanet Gateway/);
    expect(page.total_items).toBeGreaterThan(5);
    const farAway = await listOrukServiceAtLocations(db, { page: 1, perPage: 100 }, { near: { ...margate, withinMetres: 5000 } });
    expect(farAway.contents.every((c: any) => c.location.latitude > 51.3)).toBe(true);
  });

  it("finds no device scheme within 5 km of Margate: the deliberate Thanet gap", async () => {
    const page = await listOrukServiceAtLocations(
      db,
      { page: 1, perPage: 10 },
      { taxonomyTermId: taxonomyTermIdFor(CATEGORY_TAXONOMY_ID, "device-loan"), near: { latitude: 51.3886, longitude: 1.3848, withinMetres: 5000 } },
    );
    expect(page).toMatchObject({ total_items: 0, empty: true });
  });

  it("gives one service at one location in full", async () => {
    const bus = await listOrukServiceAtLocations(db, { page: 1, perPage: 10 }, { ids: [serviceIdFor("rural-digital-bus")] });
    expect(bus.total_items).toBe(5);
    const full = (await getOrukServiceAtLocation(db, bus.contents[0].id as string)) as Record<string, any>;
    expect(orukErrors("service_at_location", full)).toEqual([]);
    expect(full.service.name).toBe("The Digital Bus");
    expect(full.schedules).toHaveLength(1);
    expect(full.location.addresses).toHaveLength(1);
  });
});

describe("ORUK taxonomies", () => {
  it("serialises the taxonomy and its terms", async () => {
    const taxonomies = await listOrukTaxonomies(db, { page: 1, perPage: 10 });
    expect(orukPageErrors("taxonomy", taxonomies)).toEqual([]);
    expect(taxonomies.total_items).toBe(1);
    const full = (await getOrukTaxonomy(db, taxonomyIdFor(CATEGORY_TAXONOMY_ID))) as Record<string, any>;
    expect(orukErrors("taxonomy", full)).toEqual([]);
    expect(full.taxonomy_terms).toHaveLength(14);
    const terms = await listOrukTaxonomyTerms(db, { page: 2, perPage: 10 });
    expect(orukPageErrors("taxonomy_term", terms)).toEqual([]);
    expect(terms).toMatchObject({ total_items: 14, total_pages: 2, last_page: true });
    expect(terms.contents).toHaveLength(4);
    const term = await getOrukTaxonomyTerm(db, taxonomyTermIdFor(CATEGORY_TAXONOMY_ID, "free-data"));
    expect(orukErrors("taxonomy_term", term)).toEqual([]);
    expect(term).toMatchObject({ code: "free-data", name: "Free SIM card or mobile data" });
    expect(await getOrukTaxonomyTerm(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("would catch a record that breaks the schema", () => {
    expect(orukErrors("service", { id: "not-a-uuid", name: "x", status: "open" })).not.toEqual([]);
    const nested = { id: serviceIdFor("x"), name: "x", status: "active", schedules: [{ id: serviceIdFor("y"), freq: "DAILY" }] };
    expect(orukErrors("service", nested).join()).toMatch(/schedules\/0\/freq/);
  });
});
