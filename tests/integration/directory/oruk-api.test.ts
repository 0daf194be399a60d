import { beforeAll, describe, expect, it } from "vitest";
import { loader as indexLoader } from "~/routes/api.oruk._index";
import { loader as openApiLoader } from "~/routes/api.oruk.openapi[.json]";
import { loader as serviceAtLocationLoader } from "~/routes/api.oruk.service_at_locations.$id";
import { loader as serviceAtLocationsLoader } from "~/routes/api.oruk.service_at_locations._index";
import { loader as serviceLoader } from "~/routes/api.oruk.services.$id";
import { loader as servicesLoader } from "~/routes/api.oruk.services._index";
import { loader as taxonomiesLoader } from "~/routes/api.oruk.taxonomies._index";
import { loader as taxonomyLoader } from "~/routes/api.oruk.taxonomies.$id";
import { loader as termLoader } from "~/routes/api.oruk.taxonomy_terms.$id";
import { loader as termsLoader } from "~/routes/api.oruk.taxonomy_terms._index";
import { haversineKm } from "~/directory/geo";
import { seedDirectory } from "~/directory/seed.server";
import { serviceIdFor, taxonomyIdFor, taxonomyTermIdFor } from "~/directory/stable-id";
import { CATEGORY_TAXONOMY_ID } from "~/directory/taxonomy.server";
import { getDb } from "~/lib/db.server";
import { orukErrors, orukPageErrors } from "../../helpers/oruk-schema";
import { setPostcodesIoReachable } from "../../mocks/postcodes-io";

type Loader = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<Response>;

async function get(loader: unknown, path: string, params: Record<string, string> = {}) {
  const response = await (loader as Loader)({
    request: new Request(`http://localhost${path}`),
    params,
    context: { cspNonce: "", clientIp: "127.0.0.1" },
  });
  return { response, status: response.status, body: (await response.json()) as Record<string, unknown> & { contents: Record<string, unknown>[] } };
}

const LIBRARY_DROP_IN = serviceIdFor("maidstone-library-get-online-drop-in");
const DEVICE_LOAN_TERM = taxonomyTermIdFor(CATEGORY_TAXONOMY_ID, "device-loan");

beforeAll(async () => {
  await seedDirectory(getDb());
});

describe("ORUK index and OpenAPI", () => {
  it("describes the API and links to its OpenAPI file, which is served with our address", async () => {
    const { status, body, response } = await get(indexLoader, "/api/oruk/");
    expect(status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(body).toEqual({ version: "3.0", profile: expect.stringMatching(/^https:\/\/[^/]*openreferraluk\.org\//), openapi_url: "http://localhost/api/oruk/openapi.json" });

    const openapi = await get(openApiLoader, "/api/oruk/openapi.json");
    expect(openapi.status).toBe(200);
    expect(openapi.body.openapi).toBe("3.0.0");
    expect(Object.keys(openapi.body.paths as object)).toContain("/services");
    expect(openapi.body.servers).toEqual([expect.objectContaining({ url: "http://localhost/api/oruk" })]);
  });
});

describe("/api/oruk/services", () => {
  it("pages published, active services in the ORUK envelope, valid against the schema, with CORS and a short cache", async () => {
    const { status, body, response } = await get(servicesLoader, "/api/oruk/services?per_page=10");
    expect(status).toBe(200);
    expect(orukPageErrors("service", body)).toEqual([]);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(response.headers.get("Cache-Control")).toMatch(/max-age=\d+/);
    expect(body.contents).toHaveLength(10);
    expect(body.page_number).toBe(1);
    expect(body.first_page).toBe(true);
    expect(body.last_page).toBe(false);

    const db = getDb();
    const visible = await db.selectFrom("services").select("id").where("published", "=", 1).where("status", "=", "active").execute();
    const hidden = await db.selectFrom("services").select("id").where((eb) => eb.or([eb("published", "=", 0), eb("status", "!=", "active")])).execute();
    expect(hidden.length).toBeGreaterThan(0);
    expect(body.total_items).toBe(visible.length);
    const all = await get(servicesLoader, "/api/oruk/services?per_page=200");
    const ids = all.body.contents.map((s) => s.id);
    for (const { id } of hidden) expect(ids).not.toContain(id);
  });

  it("answers a page past the end with an empty page in a correct envelope", async () => {
    const { status, body } = await get(servicesLoader, "/api/oruk/services?page=999&per_page=50");
    expect(status).toBe(200);
    expect(orukPageErrors("service", body)).toEqual([]);
    expect(body).toMatchObject({ page_number: 999, size: 50, contents: [], empty: true, last_page: true, first_page: false });
    expect(body.total_items).toBeGreaterThan(0);
  });

  it("accepts per_page at its limits and the last page exactly", async () => {
    const one = await get(servicesLoader, "/api/oruk/services?per_page=1");
    expect(one.body.contents).toHaveLength(1);
    const last = await get(servicesLoader, `/api/oruk/services?per_page=1&page=${one.body.total_pages}`);
    expect(last.body).toMatchObject({ last_page: true, empty: false });
    const most = await get(servicesLoader, "/api/oruk/services?per_page=200");
    expect(most.status).toBe(200);
    expect(most.body.contents).toHaveLength(Math.min(200, Number(most.body.total_items)));
  });

  it.each([
    ["page=0", /page/],
    ["page=-1", /page/],
    ["page=1.5", /page/],
    ["per_page=0", /per_page/],
    ["per_page=1000", /per_page/],
    ["per_page=abc", /per_page/],
    ["modified_after=notadate", /modified_after/],
    ["modified_after=2025-13-45", /modified_after/],
    ["taxonomy_term_id=not-a-uuid", /taxonomy_term_id/],
    ["taxonomy_id=123", /taxonomy_id/],
    [`search=${"a".repeat(101)}`, /search/],
  ])("refuses %s with 400 and a message naming the parameter", async (query, named) => {
    const { status, body, response } = await get(servicesLoader, `/api/oruk/services?${query}`);
    expect(status).toBe(400);
    expect(body.message).toMatch(named);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
  });

  it("filters by taxonomy term, and the filter applies to every result", async () => {
    const { body } = await get(servicesLoader, `/api/oruk/services?per_page=200&taxonomy_term_id=${DEVICE_LOAN_TERM}`);
    expect(body.total_items).toBeGreaterThan(1);
    const deviceLoans = await getDb()
      .selectFrom("attributes")
      .select("link_id")
      .where("taxonomy_term_id", "=", DEVICE_LOAN_TERM)
      .execute();
    const filed = new Set(deviceLoans.map((a) => a.link_id));
    for (const service of body.contents) expect(filed.has(service.id as string)).toBe(true);
  });

  it("searches through the index, forgiving typos", async () => {
    const { status, body } = await get(servicesLoader, "/api/oruk/services?search=labtop");
    expect(status).toBe(200);
    expect(orukPageErrors("service", body)).toEqual([]);
    expect(body.total_items).toBeGreaterThan(0);
    for (const service of body.contents) expect(JSON.stringify(service).toLowerCase()).toMatch(/laptop/);
    const none = await get(servicesLoader, "/api/oruk/services?search=zzqxjw");
    expect(none.body).toMatchObject({ total_items: 0, contents: [], empty: true });
  });

  it("keeps services changed on or after modified_after", async () => {
    const db = getDb();
    await db.updateTable("services").set({ last_modified: "2030-01-02T00:00:00.000Z" }).where("id", "=", LIBRARY_DROP_IN).execute();
    const { body } = await get(servicesLoader, "/api/oruk/services?modified_after=2030-01-01");
    expect(body.contents.map((s) => s.id)).toEqual([LIBRARY_DROP_IN]);
  });

  it("returns one service in full, 404 JSON for an unknown or unpublished one, 400 for a malformed id", async () => {
    const { status, body } = await get(serviceLoader, `/api/oruk/services/${LIBRARY_DROP_IN}`, { id: LIBRARY_DROP_IN });
    expect(status).toBe(200);
    expect(orukErrors("service", body)).toEqual([]);
    expect(body.id).toBe(LIBRARY_DROP_IN);

    const unknown = "00000000-0000-4000-8000-000000000000";
    const missing = await get(serviceLoader, `/api/oruk/services/${unknown}`, { id: unknown });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toEqual(expect.any(String));
    expect(missing.response.headers.get("Access-Control-Allow-Origin")).toBe("*");

    const unpublished = await getDb().selectFrom("services").select("id").where("published", "=", 0).executeTakeFirstOrThrow();
    expect((await get(serviceLoader, `/api/oruk/services/${unpublished.id}`, { id: unpublished.id })).status).toBe(404);
    expect((await get(serviceLoader, "/api/oruk/services/nope", { id: "nope" })).status).toBe(400);
  });
});

describe("/api/oruk/service_at_locations", () => {
  it("pages service-at-locations valid against the schema, and each one by id", async () => {
    const { status, body } = await get(serviceAtLocationsLoader, "/api/oruk/service_at_locations?per_page=5");
    expect(status).toBe(200);
    expect(orukPageErrors("service_at_location", body)).toEqual([]);
    expect(body.contents).toHaveLength(5);

    const id = body.contents[0].id as string;
    const one = await get(serviceAtLocationLoader, `/api/oruk/service_at_locations/${id}`, { id });
    expect(one.status).toBe(200);
    expect(orukErrors("service_at_location", one.body)).toEqual([]);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await get(serviceAtLocationLoader, "/x", { id: unknown })).status).toBe(404);
    expect((await get(serviceAtLocationLoader, "/x", { id: "12" })).status).toBe(400);
  });

  it("sorts by distance from a postcode and keeps only those within proximity", async () => {
    const all = await get(serviceAtLocationsLoader, "/api/oruk/service_at_locations?postcode=ME14%201LE&per_page=200");
    expect(all.status).toBe(200);
    const near = await get(serviceAtLocationsLoader, "/api/oruk/service_at_locations?postcode=ME14%201LE&proximity=2000&per_page=200");
    expect(orukPageErrors("service_at_location", near.body)).toEqual([]);
    expect(near.body.total_items).toBeGreaterThan(0);
    expect(near.body.total_items).toBeLessThan(Number(all.body.total_items));
    for (const sal of near.body.contents) {
      const { latitude, longitude } = sal.location as { latitude: number; longitude: number };
      expect(haversineKm({ lat: latitude, lon: longitude }, { lat: 51.2764, lon: 0.5218 })).toBeLessThanOrEqual(2);
    }
    // The nearest first: the first few of the full list are the ones within 2 km.
    expect(all.body.contents.slice(0, near.body.contents.length).map((s) => s.id)).toEqual(near.body.contents.map((s) => s.id));
  });

  it("refuses a bad postcode, a bad proximity, or proximity without a postcode", async () => {
    for (const query of ["postcode=notapostcode", "postcode=ZZ99%209ZZ", "proximity=-5&postcode=ME14%201LE", "proximity=abc&postcode=ME14%201LE", "proximity=1000"]) {
      const { status, body } = await get(serviceAtLocationsLoader, `/api/oruk/service_at_locations?${query}`);
      expect(status, query).toBe(400);
      expect(body.message, query).toEqual(expect.any(String));
    }
  });

  it("says so with 503 when postcodes cannot be looked up, rather than failing", async () => {
    setPostcodesIoReachable(false);
    try {
      const { status, body } = await get(serviceAtLocationsLoader, "/api/oruk/service_at_locations?postcode=BT1%201AA");
      expect(status).toBe(503);
      expect(body.message).toMatch(/postcode/i);
    } finally {
      setPostcodesIoReachable(true);
    }
  });
});

describe("/api/oruk/taxonomies and /taxonomy_terms", () => {
  it("lists taxonomies and terms valid against the schemas, and each by id", async () => {
    const taxonomies = await get(taxonomiesLoader, "/api/oruk/taxonomies");
    expect(taxonomies.status).toBe(200);
    expect(orukPageErrors("taxonomy", taxonomies.body)).toEqual([]);
    const taxonomyId = taxonomyIdFor(CATEGORY_TAXONOMY_ID);
    expect(taxonomies.body.contents.map((t) => t.id)).toContain(taxonomyId);

    const taxonomy = await get(taxonomyLoader, "/x", { id: taxonomyId });
    expect(taxonomy.status).toBe(200);
    expect(orukErrors("taxonomy", taxonomy.body)).toEqual([]);

    const terms = await get(termsLoader, `/api/oruk/taxonomy_terms?taxonomy_id=${taxonomyId}&per_page=5&page=2`);
    expect(terms.status).toBe(200);
    expect(orukPageErrors("taxonomy_term", terms.body)).toEqual([]);
    expect(terms.body).toMatchObject({ page_number: 2, size: 5, total_items: 14 });

    const term = await get(termLoader, "/x", { id: DEVICE_LOAN_TERM });
    expect(term.status).toBe(200);
    expect(orukErrors("taxonomy_term", term.body)).toEqual([]);
    expect(term.body.name).toEqual(expect.any(String));
  });

  it("answers unknown ids with 404 and malformed ids or paging with 400", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await get(taxonomyLoader, "/x", { id: unknown })).status).toBe(404);
    expect((await get(termLoader, "/x", { id: unknown })).status).toBe(404);
    expect((await get(taxonomyLoader, "/x", { id: "digital-inclusion" })).status).toBe(400);
    expect((await get(termLoader, "/x", { id: "device-loan" })).status).toBe(400);
    expect((await get(taxonomiesLoader, "/api/oruk/taxonomies?per_page=201")).status).toBe(400);
    expect((await get(termsLoader, "/api/oruk/taxonomy_terms?page=0")).status).toBe(400);
    expect((await get(termsLoader, "/api/oruk/taxonomy_terms?taxonomy_id=abc")).status).toBe(400);
    const past = await get(termsLoader, "/api/oruk/taxonomy_terms?page=50");
    expect(past.body).toMatchObject({ contents: [], empty: true, page_number: 50 });
    expect(orukPageErrors("taxonomy_term", past.body)).toEqual([]);
  });
});
