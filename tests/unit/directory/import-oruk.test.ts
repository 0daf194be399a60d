/* eslint-disable @typescript-eslint/no-explicit-any -- reads deep into ORUK JSON, whose shape the schema check vouches for */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrateToLatest } from "~db/migrator";
import { importOrukFeed } from "~/directory/import-oruk.server";
import { getOrukService } from "~/directory/oruk.server";
import { createDatabase, type Db } from "~/lib/db.server";
import { orukErrors } from "../../helpers/oruk-schema";
import { exampleServices, ORUK_FEED_URL, orukFeedHandlers, type OrukFeedOptions } from "../../mocks/oruk-feed";
import { server } from "../../mocks/server";

let db: Db;
beforeEach(async () => {
  db = createDatabase(":memory:");
  await migrateToLatest(db);
});
afterEach(async () => {
  await db.destroy();
});

function serve(options: OrukFeedOptions = {}) {
  server.use(...orukFeedHandlers(options));
}

const count = async (table: "services" | "locations" | "schedules" | "attributes" | "organisations" | "service_at_locations") =>
  (await db.selectFrom(table).select("id").execute()).length;

describe("importOrukFeed", () => {
  it("pages through the feed, fetches each full record and stores everything nested in it", async () => {
    const requests: string[] = [];
    serve({ requests });
    const report = await importOrukFeed(db, ORUK_FEED_URL);
    expect(report).toEqual({ created: 7, updated: 0, unchanged: 0, invalid: [], errors: [] });
    expect(requests.filter((r) => r.startsWith("/oruk/services?page="))).toEqual([
      "/oruk/services?page=1",
      "/oruk/services?page=2",
      "/oruk/services?page=3",
    ]);
    expect(requests.filter((r) => /\/services\/[0-9a-f-]{36}$/.test(r))).toHaveLength(7);
    expect(await count("organisations")).toBe(1);
    expect(await count("service_at_locations")).toBe(7);
    expect(await count("schedules")).toBe(7);
    expect(await count("attributes")).toBe(7);

    const [first] = exampleServices(1);
    const stored = await db.selectFrom("services").selectAll().where("id", "=", first.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ name: "Community Counselling 1", source: ORUK_FEED_URL, fees_description: "fees_description", is_demo: 0, published: 1 });
    const location = await db.selectFrom("locations").selectAll().where("id", "=", first.service_at_locations[0].location.id).executeTakeFirstOrThrow();
    // The example's placeholder coordinates (100, 101) are not a place on Earth, so they are dropped.
    expect(location).toMatchObject({ name: "MyCity Civic Center", latitude: null, longitude: null, address_1: "1-30 Main Street", outward_code: null });
  });

  it("serves what it imported back as valid ORUK", async () => {
    serve();
    await importOrukFeed(db, ORUK_FEED_URL);
    const [first] = exampleServices(1);
    const service = (await getOrukService(db, first.id)) as Record<string, any>;
    expect(orukErrors("service", service)).toEqual([]);
    expect(service.cost_options[0]).toMatchObject({ option: "Under 18s and Over 60s", amount: 35 });
    expect(service.attributes[0].taxonomy_term.name).toBe("name");
    expect(service.service_at_locations[0].location.accessibility[0].details).toMatch(/T-coil/);
  });

  it("reads a Welsh name and description from the translations extension, and publishes them back the same way", async () => {
    const [welsh, plain] = exampleServices(2);
    welsh.translations = [
      { language: "cy-GB", name: "Cwnsela Cymunedol", description: "Help cyfrinachol am ddim." },
      { language: "pl", name: "Poradnictwo" },
    ];
    serve({ services: [welsh, plain] });
    await importOrukFeed(db, ORUK_FEED_URL);
    const stored = await db.selectFrom("services").select(["id", "name_cy", "description_cy"]).orderBy("name").execute();
    expect(stored).toEqual([
      { id: welsh.id, name_cy: "Cwnsela Cymunedol", description_cy: "Help cyfrinachol am ddim." },
      { id: plain.id, name_cy: null, description_cy: null },
    ]);
    const published = (await getOrukService(db, welsh.id)) as Record<string, any>;
    expect(orukErrors("service", published)).toEqual([]);
    expect(published.translations).toEqual([{ language: "cy", name: "Cwnsela Cymunedol", description: "Help cyfrinachol am ddim." }]);
    expect((await getOrukService(db, plain.id)) as Record<string, any>).not.toHaveProperty("translations");
  });

  it("creates nothing new when run twice, and reports a changed record as updated", async () => {
    serve();
    await importOrukFeed(db, ORUK_FEED_URL);
    const before = await db.selectFrom("services").selectAll().orderBy("id").execute();
    expect(await importOrukFeed(db, ORUK_FEED_URL)).toEqual({ created: 0, updated: 0, unchanged: 7, invalid: [], errors: [] });
    expect(await db.selectFrom("services").selectAll().orderBy("id").execute()).toEqual(before);

    server.resetHandlers();
    const services = exampleServices(7);
    services[4] = { ...services[4], description: "Now also on Saturdays." };
    serve({ services });
    expect(await importOrukFeed(db, ORUK_FEED_URL)).toMatchObject({ created: 0, updated: 1, unchanged: 6 });
    expect(await count("services")).toBe(7);
  });

  it("lists a malformed record with the reason and imports the rest", async () => {
    const [, broken] = exampleServices(2);
    serve({ malformedIds: [broken.id] });
    const report = await importOrukFeed(db, ORUK_FEED_URL);
    expect(report.created).toBe(6);
    expect(report.invalid).toEqual([{ id: broken.id, reason: expect.stringMatching(/^name: Required; status: Invalid enum value/) }]);
    expect(await db.selectFrom("services").select("id").where("id", "=", broken.id).executeTakeFirst()).toBeUndefined();
  });

  it("reports a server error mid-way and keeps the pages either side", async () => {
    serve({ failingPages: [2] });
    const report = await importOrukFeed(db, ORUK_FEED_URL);
    expect(report.errors).toEqual([{ page: 2, reason: `HTTP 500 from ${ORUK_FEED_URL}/services?page=2` }]);
    expect(report.created).toBe(4);
    expect(await count("services")).toBe(4);
  });

  it("stops at a failed first page, having no page count to go on", async () => {
    serve({ failingPages: [1] });
    const report = await importOrukFeed(db, ORUK_FEED_URL);
    expect(report).toMatchObject({ created: 0, errors: [{ page: 1 }] });
  });

  it("uses whole records from the list without fetching them again", async () => {
    const requests: string[] = [];
    serve({ fullInList: true, requests, perPage: 5 });
    const report = await importOrukFeed(db, ORUK_FEED_URL);
    expect(report.created).toBe(7);
    expect(requests).toEqual(["/oruk/services?page=1", "/oruk/services?page=2"]);
  });

  it("reports a record whose full version cannot be fetched", async () => {
    const [, , third] = exampleServices(3);
    serve({ missingIds: [third.id] });
    const report = await importOrukFeed(db, `${ORUK_FEED_URL}/`);
    expect(report.created).toBe(6);
    expect(report.invalid).toEqual([{ id: third.id, reason: expect.stringContaining("HTTP 404") }]);
  });

  it("never writes over a listing made in Waymark that has the same id", async () => {
    const [first] = exampleServices(1);
    await db.insertInto("organisations").values({ id: "local-org", name: "Local partner", kind: "service-provider" }).execute();
    await db.insertInto("services").values({ id: first.id, organisation_id: "local-org", name: "Our own listing", description: "Kept in Waymark", source: "local" }).execute();
    serve();
    const report = await importOrukFeed(db, ORUK_FEED_URL);
    expect(report.invalid).toEqual([{ id: first.id, reason: "could not be saved: a listing made in Waymark has this id, so it is left as it is" }]);
    expect(report.created).toBe(6);
    const kept = await db.selectFrom("services").select(["name", "source", "organisation_id"]).where("id", "=", first.id).executeTakeFirstOrThrow();
    expect(kept).toEqual({ name: "Our own listing", source: "local", organisation_id: "local-org" });
    expect(await db.selectFrom("service_at_locations").select("id").where("service_id", "=", first.id).execute()).toEqual([]);
  });

  it("reports a page that is not JSON without repeating what the feed sent", async () => {
    const { http, HttpResponse } = await import("msw");
    server.use(http.get(`${ORUK_FEED_URL}/services`, () => new HttpResponse("<html>\u001b[31mBad gateway", { headers: { "Content-Type": "application/json" } })));
    const report = await importOrukFeed(db, ORUK_FEED_URL);
    expect(report.errors).toEqual([{ page: 1, reason: `${ORUK_FEED_URL}/services?page=1 did not answer with JSON: its 22 characters cannot be read as JSON` }]);
    expect(await count("services")).toBe(0);
  });

  it("reports a feed that is not ORUK at all", async () => {
    const { http, HttpResponse } = await import("msw");
    server.use(http.get(`${ORUK_FEED_URL}/services`, () => HttpResponse.json({ hello: "world" })));
    const report = await importOrukFeed(db, ORUK_FEED_URL);
    expect(report.errors).toEqual([{ page: 1, reason: expect.stringContaining("not an ORUK page: contents: Required") }]);
  });
});
