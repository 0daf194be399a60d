import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loader } from "~/routes/services._index";
import { seedDirectory } from "~/directory/seed.server";
import { refreshServiceInIndex } from "~/directory/directory-index.server";
import { findHelpNearby } from "~/directory/service-search.server";
import { serviceIdFor } from "~/directory/stable-id";
import { getDb } from "~/lib/db.server";
import { postcodesIoRequests, resetPostcodesIoMock, setPostcodesIoReachable } from "../../mocks/postcodes-io";

type Page = Awaited<ReturnType<Awaited<ReturnType<typeof loader>>["json"]>>;

async function search(query: string): Promise<{ status: number; data: Page }> {
  const response = await loader({ request: new Request(`http://localhost/services?${query}`), params: {}, context: { cspNonce: "", clientIp: "127.0.0.1" } });
  return { status: response.status, data: await response.json() };
}

beforeAll(async () => {
  await seedDirectory(getDb());
});

afterEach(() => resetPostcodesIoMock());

describe("/services text search", () => {
  it("finds laptops when someone types “labtop”", async () => {
    const { status, data } = await search("q=labtop");
    expect(status).toBe(200);
    expect(data.page.total).toBeGreaterThan(0);
    expect(data.services[0].name.toLowerCase()).toContain("laptop");
    expect(data.page.ignoredWords).toEqual([]);
  });

  it("finds Universal Credit help from “univeral credit”", async () => {
    const { data } = await search("q=univeral%20credit");
    expect(data.page.total).toBeGreaterThan(0);
    const top = data.services.slice(0, 3);
    for (const service of top) {
      const text = `${service.name} ${service.shortDescription} ${service.categories.map((c) => c.name).join(" ")}`;
      expect(text).toMatch(/universal credit/i);
    }
  });

  it("says which words matched nothing instead of returning nothing", async () => {
    const { data } = await search("q=laptop%20xqzvbn");
    expect(data.page.ignoredWords).toEqual(["xqzvbn"]);
    expect(data.page.total).toBeGreaterThan(0);
  });
});

describe("/services filters", () => {
  it("combines category, free, day and way of attending with AND, and shows each as a removable tag link", async () => {
    const category = await search("category=device-loan");
    const combined = await search("category=device-loan&cost=free&attending=in-person");
    expect(combined.data.page.total).toBeGreaterThan(0);
    expect(combined.data.page.total).toBeLessThanOrEqual(category.data.page.total);
    for (const service of combined.data.services) {
      expect(service.categories.map((c) => c.id)).toContain("device-loan");
      expect(service.isFree).toBe(true);
    }
    const online = await search("category=device-loan&attending=online");
    const inPersonIds = new Set(combined.data.services.map((s) => s.id));
    expect(online.data.services.some((s) => !inPersonIds.has(s.id))).toBe(true);
  });

  it("keeps only services open on the chosen day", async () => {
    const all = await search("");
    const saturday = await search("day=saturday");
    expect(saturday.data.page.total).toBeGreaterThan(0);
    expect(saturday.data.page.total).toBeLessThan(all.data.page.total);
  });

  it("pages 20 at a time", async () => {
    const first = await search("");
    expect(first.data.services).toHaveLength(20);
    const second = await search("page=2");
    expect(second.data.page.page).toBe(2);
    expect(second.data.services[0].id).not.toBe(first.data.services[0].id);
  });

  it("turns nonsense parameters into messages and still searches", async () => {
    const { status, data } = await search(`category=bogus&day=funday&page=abc&cost=cheap&attending=teleport&q=${"x".repeat(101)}`);
    expect(status).toBe(200);
    expect(Object.keys(data.errors).sort()).toEqual(["attending", "category", "cost", "day", "page", "q"]);
    expect(data.page.total).toBeGreaterThan(0);
  });

  it("ranks listings unchecked for 12 months after checked ones, and warns about them", async () => {
    const { data } = await search("");
    const all = [...data.services];
    for (let page = 2; page <= data.page.totalPages; page++) all.push(...(await search(`page=${page}`)).data.services);
    const firstStale = all.findIndex((s) => s.stale);
    expect(firstStale).toBeGreaterThan(0);
    expect(all.slice(firstStale).every((s) => s.stale)).toBe(true);
  });
});

describe("/services with a postcode", () => {
  it("sorts by distance from a postcode found by postcodes.io, showing how far", async () => {
    const { data } = await search("postcode=ME14%201LE&category=drop-in-help");
    expect(postcodesIoRequests).toContain("/postcodes/ME14 1LE");
    expect(data.sortedByDistance).toBe(true);
    expect(data.notice).toBeNull();
    const local = data.services.filter((s) => s.distanceKm !== null && s.distanceKm <= 40);
    expect(local.length).toBeGreaterThan(1);
    expect(local[0].distanceText).toMatch(/^\d+(\.\d)? km away$|^less than 0\.1 km away$/);
    const distances = local.map((s) => s.distanceKm!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it("labels national, online and phone services instead of dropping them", async () => {
    const { data } = await search("postcode=ME14%201LE&category=free-data");
    const national = data.services.filter((s) => s.reachLabels.includes("Available across the UK"));
    expect(national.length).toBeGreaterThan(0);
    for (const service of national) expect(service.distanceText).toBeNull();
  });

  it("says the postcode is not real beside the field, and shows results unsorted", async () => {
    const { status, data } = await search("postcode=hello");
    expect(status).toBe(200);
    expect(data.postcodeError).toBe("Enter a real postcode, like ME14 1LE");
    expect(data.sortedByDistance).toBe(false);
    expect(data.page.total).toBeGreaterThan(0);
  });

  it("says when postcodes.io does not know a postcode", async () => {
    const { data } = await search("postcode=ME99%209ZZ");
    expect(data.postcodeError).toMatch(/could not find the postcode ME99 9ZZ/);
    expect(data.sortedByDistance).toBe(false);
  });

  it("falls back to the district's embedded centre when postcodes.io cannot be reached", async () => {
    setPostcodesIoReachable(false);
    const { status, data } = await search("postcode=ME15%209ZZ&category=drop-in-help");
    expect(status).toBe(200);
    expect(data.sortedByDistance).toBe(true);
    expect(data.notice).toMatch(/cannot look up postcodes/);
    expect(data.postcodeError).toBeNull();
    expect(data.services[0].distanceText).toMatch(/km away/);
  });

  it("shows results unsorted with a notice when there is nothing to fall back on", async () => {
    setPostcodesIoReachable(false);
    // Northern Ireland is not in the embedded data, and no listing is there.
    const { status, data } = await search("postcode=BT1%201AA");
    expect(status).toBe(200);
    expect(data.sortedByDistance).toBe(false);
    expect(data.notice).toMatch(/not sorted by distance/);
    expect(data.page.total).toBeGreaterThan(0);
    expect(data.services.every((s) => s.distanceText === null)).toBe(true);
  });
});

describe("the index follows changes to listings", () => {
  it("drops an unpublished listing and brings it back, without a rebuild", async () => {
    const db = getDb();
    const id = serviceIdFor("maidstone-library-get-online-drop-in");
    const before = await search("q=get%20online%20drop-in%20maidstone%20library");
    expect(before.data.services.map((s) => s.id)).toContain(id);

    await db.updateTable("services").set({ published: 0 }).where("id", "=", id).execute();
    await refreshServiceInIndex(db, id);
    expect((await search("q=get%20online%20drop-in%20maidstone%20library")).data.services.map((s) => s.id)).not.toContain(id);

    await db.updateTable("services").set({ published: 1, name: "Maidstone library zebra club" }).where("id", "=", id).execute();
    await refreshServiceInIndex(db, id);
    expect((await search("q=zebra")).data.services.map((s) => s.id)).toEqual([id]);
  });
});

describe("findHelpNearby, for triage results", () => {
  it("mixes the categories asked for, nearest first, up to the limit", async () => {
    const results = await findHelpNearby(getDb(), { categoryIds: ["device-loan", "esol-literacy"], postcode: "CT9 1XX", limit: 6 });
    expect(results).toHaveLength(6);
    const categories = results.map((r) => r.categories.map((c) => c.id));
    expect(categories.some((c) => c.includes("device-loan"))).toBe(true);
    expect(categories.some((c) => c.includes("esol-literacy"))).toBe(true);
    expect(new Set(results.map((r) => r.id)).size).toBe(6);
    expect(results.some((r) => r.distanceText !== null)).toBe(true);
  });

  it("ignores unknown categories and answers nothing for none", async () => {
    expect(await findHelpNearby(getDb(), { categoryIds: ["nonsense"], limit: 5 })).toEqual([]);
    const withoutPostcode = await findHelpNearby(getDb(), { categoryIds: ["money-advice", "nonsense"], limit: 3 });
    expect(withoutPostcode).toHaveLength(3);
    expect(withoutPostcode.every((r) => r.distanceKm === null)).toBe(true);
  });
});
