import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getCategoryTaxonomy } from "~/directory/taxonomy.server";
import { loadDistrictCentroids, loadGapRules } from "~/reports/gap-content.server";
import { BARRIER_IDS } from "~/lib/frameworks";
import { type GapInput, analyseGaps, categoriesByBarrier } from "~/reports/gaps";

const margate = { lat: 51.386, lon: 1.39 };
const maidstone = { lat: 51.272, lon: 0.522 };

function input(overrides: Partial<GapInput> = {}): GapInput {
  return {
    districts: [
      { areaId: "thanet", areaName: "Thanet", outwardCode: "CT9", centroid: margate },
      { areaId: "maidstone", areaName: "Maidstone", outwardCode: "ME15", centroid: maidstone },
      { areaId: "nowhere", areaName: "Nowhere", outwardCode: "ZZ1", centroid: null },
    ],
    counts: [
      { outwardCode: "CT9", barrier: "device", some: 2, high: 4 },
      { outwardCode: "CT9", barrier: "skills", some: 10, high: 0 },
      { outwardCode: "ME15", barrier: "device", some: 1, high: 1 },
      { outwardCode: "ZZ1", barrier: "device", some: 1, high: 0 },
    ],
    services: [
      { id: "loan", name: "Laptop loan", categories: ["device-loan"], isNational: false, locations: [{ lat: 51.255, lon: 0.535 }] },
      { id: "pcs", name: "Margate library computers", categories: ["public-computers"], isNational: false, locations: [{ lat: 51.388, lon: 1.384 }] },
      { id: "class", name: "Margate class", categories: ["skills-course"], isNational: false, locations: [{ lat: 51.389, lon: 1.385 }] },
      { id: "national", name: "Device Share UK", categories: ["device-loan"], isNational: true, locations: [] },
    ],
    rules: { ...(Object.fromEntries(BARRIER_IDS.map((b) => [b, []])) as unknown as GapInput["rules"]), device: ["device-loan"], skills: ["skills-course"] },
    addressedBy: categoriesByBarrier(getCategoryTaxonomy().terms),
    distanceKm: 5,
    ...overrides,
  };
}

describe("analyseGaps", () => {
  const rows = analyseGaps(input());
  const row = (district: string, barrier: string) => rows.find((r) => r.outwardCode === district && r.barrier === barrier)!;

  it("finds a gap where the only nearby help is of another kind, counting national schemes apart", () => {
    expect(row("CT9", "device")).toMatchObject({ people: 6, high: 4, dedicatedNearby: 0, otherNearby: 1, national: 1, gap: true, nearestName: "Laptop loan" });
    expect(row("CT9", "device").nearestKm).toBeGreaterThan(50);
  });

  it("finds no gap where matching help is within the distance", () => {
    expect(row("ME15", "device")).toMatchObject({ dedicatedNearby: 1, gap: false, pressure: 2 });
    expect(row("CT9", "skills")).toMatchObject({ dedicatedNearby: 1, gap: false, pressure: 10 });
  });

  it("counts a district with no known centre as a gap with no distances", () => {
    expect(row("ZZ1", "device")).toMatchObject({ gap: true, nearestKm: null, dedicatedNearby: 0 });
  });

  it("puts gaps first, most people first, then the most people per service", () => {
    expect(rows.map((r) => `${r.outwardCode} ${r.barrier}`)).toEqual(["CT9 device", "ZZ1 device", "CT9 skills", "ME15 device"]);
  });

  it("closes the Margate gap only once the distance reaches Maidstone", () => {
    const far = analyseGaps(input({ distanceKm: 100 }));
    expect(far.find((r) => r.outwardCode === "CT9" && r.barrier === "device")!.gap).toBe(false);
  });
});

describe("gap analysis content", () => {
  it("loads the shipped rules and centroids, every barrier with help that lists it", () => {
    const rules = loadGapRules();
    expect(rules.device).toEqual(["device-loan"]);
    expect(rules.accessibility).toEqual(["assistive-tech"]);
    expect(loadDistrictCentroids().get("CT9")).toEqual({ lat: 51.386, lon: 1.39 });
    expect(loadDistrictCentroids().size).toBe(18);
  });

  function withFiles(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-content-"));
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    return dir;
  }

  it("names the file, item and field of a mistake", () => {
    const rules = fs.readFileSync("content/reports/gap-analysis.yaml", "utf8");
    const wrongHelp = withFiles({ "gap-analysis.yaml": rules.replace("help: [device-loan]", "help: [device-loan, esol-literacy]") });
    expect(() => loadGapRules(wrongHelp)).toThrow(/gap-analysis\.yaml: barriers "device", field help: "esol-literacy" does not list this barrier in the taxonomy/);
    const missing = withFiles({ "gap-analysis.yaml": rules.replace(/ {2}- id: support\n.*\n/, "") });
    expect(() => loadGapRules(missing)).toThrow(/barriers "support", field id: missing/);
    const badCode = withFiles({ "district-centroids.yaml": "districts:\n  - { id: XX99X, latitude: 51.3, longitude: 1.3 }\n" });
    expect(() => loadDistrictCentroids(badCode)).toThrow(/district-centroids\.yaml: districts "XX99X", field id: not a UK outward code/);
    const outOfUk = withFiles({ "district-centroids.yaml": "districts:\n  - { id: CT9, latitude: 40, longitude: 1.3 }\n" });
    expect(() => loadDistrictCentroids(outOfUk)).toThrow(/districts "CT9", field latitude/);
  });
});
