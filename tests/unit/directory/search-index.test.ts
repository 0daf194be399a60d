import { describe, expect, it } from "vitest";
import { haversineKm } from "~/directory/geo";
import { buildSearchIndex, removeDocument, searchServices, updateDocument } from "~/directory/search-index";
import { MAIDSTONE, MARGATE, NOW, directory, doc } from "./search-fixtures";

const services = directory();
const index = buildSearchIndex(Object.values(services));
const ids = (query: Parameters<typeof searchServices>[1]) => searchServices(index, { now: NOW, ...query }).items.map((i) => i.id);

describe("free text with typos", () => {
  it("finds laptops from 'labtop'", () => {
    expect(ids({ q: "labtop" })).toEqual([services.laptops.id, services.scamsLine.id, services.staleLaptops.id]);
  });

  it("finds Universal Credit help from 'univeral credit' and English from 'engish'", () => {
    expect(ids({ q: "univeral credit" })).toEqual([services.universalCredit.id]);
    expect(ids({ q: "engish" })).toEqual([services.esol.id]);
  });

  it("matches plurals and the start of a word", () => {
    expect(ids({ q: "laptops" })).toContain(services.laptops.id);
    expect(ids({ q: "comput" })).toEqual([services.course.id]);
  });

  it("needs every word to match (AND), typos allowed", () => {
    expect(ids({ q: "laptop refurbishd" })).toEqual([services.laptops.id]);
    expect(ids({ q: "laptop conversation" })).toEqual([]);
  });

  it("leaves out a word that matches nothing and says so", () => {
    const page = searchServices(index, { q: "laptop xqzvw", now: NOW });
    expect(page.ignoredWords).toEqual(["xqzvw"]);
    expect(page.items.map((i) => i.id)).toContain(services.laptops.id);
    expect(searchServices(index, { q: "xqzvw", now: NOW }).total).toBe(0);
  });

  it("ranks a word in the name above the same word only in the description", () => {
    const [first, second] = searchServices(index, { q: "scams", now: NOW }).items;
    expect(first.id).toBe(services.scamsLine.id);
    expect(second).toBeUndefined();
    const laptop = searchServices(index, { q: "laptop", now: NOW }).items;
    expect(laptop.find((i) => i.id === services.laptops.id)!.score).toBeGreaterThan(laptop.find((i) => i.id === services.scamsLine.id)!.score);
  });

  it("never returns services that are not active", () => {
    expect(ids({ q: "laptop" })).not.toContain(services.closed.id);
    expect(ids({ q: "project" })).toEqual([]);
  });
});

describe("filters combine with AND", () => {
  it("by category, and by two categories at once", () => {
    expect(ids({ categoryIds: ["device-loan"] }).sort()).toEqual([services.laptops.id, services.staleLaptops.id].sort());
    expect(ids({ categoryIds: ["universal-credit-help", "money-advice"] })).toEqual([services.universalCredit.id]);
    expect(ids({ categoryIds: ["universal-credit-help", "device-loan"] })).toEqual([]);
  });

  it("by cost, day and way of attending, with text", () => {
    expect(ids({ free: true })).not.toContain(services.course.id);
    expect(ids({ day: "saturday" })).toEqual([services.esol.id]);
    expect(ids({ day: "tuesday", attending: "phone" })).toEqual([services.scamsLine.id]);
    expect(ids({ q: "laptop", day: "friday" })).toEqual([services.scamsLine.id, services.staleLaptops.id]);
    expect(ids({ q: "laptop", day: "friday", attending: "in-person" })).toEqual([services.staleLaptops.id]);
    expect(ids({ q: "laptop", free: true, categoryIds: ["device-loan"], day: "thursday", attending: "in-person" })).toEqual([services.laptops.id]);
  });
});

describe("with a postcode", () => {
  it("sorts local services by distance and gives the distance to the nearest location", () => {
    const page = searchServices(index, { origin: MAIDSTONE, now: NOW });
    const local = page.items.filter((i) => !i.stale && i.distanceKm !== null && i.distanceKm <= 40);
    expect(local.length).toBe(3);
    const distances = local.map((i) => i.distanceKm!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    const laptops = page.items.find((i) => i.id === services.laptops.id)!;
    expect(laptops.distanceKm).toBeCloseTo(haversineKm(MAIDSTONE, services.laptops.locations[0]), 6);
    expect(laptops.nearestLocation).toBe("Maidstone Gateway");
  });

  it("keeps national, online and phone services, labelled, after those within reach and before those far away", () => {
    const items = searchServices(index, { origin: MAIDSTONE, now: NOW }).items;
    const order = items.map((i) => i.id);
    const national = items.filter((i) => i.national);
    expect(national.map((i) => i.id).sort()).toEqual([services.databank.id, services.scamsLine.id].sort());
    expect(national.every((i) => i.distanceKm === null)).toBe(true);
    // Margate is about 61 km from Maidstone, beyond reach; Tunbridge Wells is within it.
    expect(order.indexOf(services.esol.id)).toBeLessThan(order.indexOf(services.databank.id));
    expect(order.indexOf(services.databank.id)).toBeLessThan(order.indexOf(services.universalCredit.id));
  });

  it("puts the nearest first from another town", () => {
    expect(ids({ origin: MARGATE })[0]).toBe(services.universalCredit.id);
  });

  it("ranks a listing not verified for 12 months below verified ones, even when nearer", () => {
    const items = searchServices(index, { q: "laptop", origin: MAIDSTONE, now: NOW }).items;
    const stale = items.find((i) => i.id === services.staleLaptops.id)!;
    const verified = items.find((i) => i.id === services.laptops.id)!;
    expect(stale.distanceKm!).toBeLessThan(verified.distanceKm!);
    expect(stale.stale).toBe(true);
    expect(verified.stale).toBe(false);
    expect(items.indexOf(stale)).toBeGreaterThan(items.indexOf(verified));
  });

  it("treats a listing never verified as not verified", () => {
    const never = buildSearchIndex([doc({ id: "never", assuredDate: null })]);
    expect(searchServices(never, { now: NOW }).items[0].stale).toBe(true);
  });
});

describe("paging, 20 to a page", () => {
  const many = buildSearchIndex(Array.from({ length: 45 }, (_, i) => doc({ id: `p${i}`, name: `Drop-in ${String(i).padStart(2, "0")}` })));

  it("splits 45 results into pages of 20, 20 and 5 with nothing repeated or lost", () => {
    const pages = [1, 2, 3].map((page) => searchServices(many, { page, now: NOW }));
    expect(pages.map((p) => p.items.length)).toEqual([20, 20, 5]);
    expect(pages.every((p) => p.total === 45 && p.totalPages === 3)).toBe(true);
    const seen = pages.flatMap((p) => p.items.map((i) => i.id));
    expect(new Set(seen).size).toBe(45);
  });

  it("lists by name when there are no words and no postcode", () => {
    const first = searchServices(many, { now: NOW }).items.slice(0, 3).map((i) => i.id);
    expect(first).toEqual(["p0", "p1", "p2"]);
  });

  it("gives the last page for a page past the end, and the first for nonsense", () => {
    expect(searchServices(many, { page: 9, now: NOW })).toMatchObject({ page: 3, totalPages: 3 });
    expect(searchServices(many, { page: -2, now: NOW }).page).toBe(1);
  });
});

describe("keeping the index up to date", () => {
  it("adds, changes and removes a listing without a rebuild", () => {
    const fresh = Object.values(directory());
    const live = buildSearchIndex(fresh);
    const added = doc({ id: "new", name: "Tablet lending library" });
    updateDocument(live, added);
    expect(searchServices(live, { q: "tablet", now: NOW }).items.map((i) => i.id)).toEqual(["new"]);

    updateDocument(live, { ...added, name: "Chromebook lending library" });
    expect(searchServices(live, { q: "tablet", now: NOW }).total).toBe(0);
    expect(searchServices(live, { q: "chromebok", now: NOW }).items.map((i) => i.id)).toEqual(["new"]);

    updateDocument(live, { ...added, name: "Chromebook lending library", status: "inactive" });
    expect(searchServices(live, { q: "chromebook", now: NOW }).total).toBe(0);

    updateDocument(live, { ...added, name: "Assistive tech library", categoryIds: ["device-loan"] });
    const names = (index: typeof live) =>
      searchServices(index, { now: NOW }).items.filter((i) => !i.stale).map((i) => fresh.find((s) => s.id === i.id)?.name ?? i.id);
    expect(names(live)[0]).toBe("new");
    expect(names(live).slice(1)).toEqual([...names(live).slice(1)].sort());
    expect(names(live)).toHaveLength(fresh.length - 1);
    removeDocument(live, "new");
    expect(searchServices(live, { categoryIds: ["device-loan"], now: NOW }).total).toBe(2);
  });
});
