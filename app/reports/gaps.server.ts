import type { LatLon } from "~/directory/geo";
import { getCategoryTaxonomy } from "~/directory/taxonomy.server";
import type { Db } from "~/lib/db.server";
import { serviceCategoriesFor } from "./figures.server";
import { getGapContent } from "./gap-content.server";
import { type BarrierCount, type GapDistrict, type GapRow, type GapService, analyseGaps, categoriesByBarrier } from "./gaps";
import type { Period } from "./period";
import { parseBarrierKey } from "./triage-facts";

export interface GapScope {
  period: Period;
  areaIds: readonly string[] | "all";
  distanceKm: number;
}

export interface GapAnalysis {
  rows: GapRow[];
  districts: (GapDistrict & { centroidSource: "postcode lookup" | "approximate" | "services in the district" | "unknown" })[];
}

/**
 * Where each district's middle is: the postcode cache (postcodes.io) if it has the district,
 * else the approximate centroid shipped in content/reports, else the middle of the directory's
 * own places in that district, else unknown.
 */
async function districtsFor(db: Db, scope: GapScope): Promise<GapAnalysis["districts"]> {
  let query = db
    .selectFrom("area_districts")
    .innerJoin("areas", "areas.id", "area_districts.area_id")
    .select(["areas.id as area_id", "areas.name as area_name", "area_districts.outward_code"])
    .orderBy("areas.name")
    .orderBy("area_districts.outward_code");
  if (scope.areaIds !== "all") query = query.where("areas.id", "in", scope.areaIds);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const codes = rows.map((r) => r.outward_code);
  const cached = await db.selectFrom("outcode_cache").select(["outward_code", "latitude", "longitude"]).where("outward_code", "in", codes).execute();
  const places = await db
    .selectFrom("locations")
    .select((eb) => ["outward_code", eb.fn.avg<number>("latitude").as("lat"), eb.fn.avg<number>("longitude").as("lon")])
    .where("outward_code", "in", codes)
    .where("latitude", "is not", null)
    .where("longitude", "is not", null)
    .groupBy("outward_code")
    .execute();
  const { centroids } = getGapContent();
  return rows.map((r) => {
    const fromCache = cached.find((c) => c.outward_code === r.outward_code && c.latitude !== null && c.longitude !== null);
    const fromPlaces = places.find((p) => p.outward_code === r.outward_code);
    const shipped = centroids.get(r.outward_code);
    const base = { areaId: r.area_id, areaName: r.area_name, outwardCode: r.outward_code };
    if (fromCache) return { ...base, centroid: { lat: fromCache.latitude!, lon: fromCache.longitude! }, centroidSource: "postcode lookup" as const };
    if (shipped) return { ...base, centroid: shipped, centroidSource: "approximate" as const };
    if (fromPlaces) return { ...base, centroid: { lat: Number(fromPlaces.lat), lon: Number(fromPlaces.lon) }, centroidSource: "services in the district" as const };
    return { ...base, centroid: null, centroidSource: "unknown" as const };
  });
}

async function barrierCountsFor(db: Db, scope: GapScope): Promise<BarrierCount[]> {
  let query = db
    .selectFrom("triage_district_counts_daily")
    .select((eb) => ["outward_code", "key", eb.fn.sum<number>("count").as("count")])
    .where("day", ">=", scope.period.from)
    .where("day", "<=", scope.period.to);
  if (scope.areaIds !== "all") query = query.where("area_id", "in", scope.areaIds);
  const rows = await query.groupBy(["outward_code", "key"]).execute();
  const counts = new Map<string, BarrierCount>();
  for (const row of rows) {
    const parsed = parseBarrierKey(row.key);
    if (!parsed) continue;
    const id = `${row.outward_code}|${parsed.barrier}`;
    const count = counts.get(id) ?? { outwardCode: row.outward_code, barrier: parsed.barrier, some: 0, high: 0 };
    count[parsed.severity] += Number(row.count);
    counts.set(id, count);
  }
  return [...counts.values()];
}

/** Services open to people now, with their categories and the places they meet people. */
async function servicesFor(db: Db): Promise<GapService[]> {
  const services = await db.selectFrom("services").select(["id", "name", "is_national"]).where("published", "=", 1).where("status", "=", "active").execute();
  const places = await db
    .selectFrom("service_at_locations")
    .innerJoin("locations", "locations.id", "service_at_locations.location_id")
    .select(["service_at_locations.service_id", "locations.latitude", "locations.longitude"])
    .where("locations.latitude", "is not", null)
    .where("locations.longitude", "is not", null)
    .execute();
  const categories = await serviceCategoriesFor(db);
  const placesBy = new Map<string, LatLon[]>();
  for (const p of places) placesBy.set(p.service_id, [...(placesBy.get(p.service_id) ?? []), { lat: p.latitude!, lon: p.longitude! }]);
  return services.map((s) => ({ id: s.id, name: s.name, categories: categories[s.id] ?? [], isNational: s.is_national === 1, locations: placesBy.get(s.id) ?? [] }));
}

export async function getGapAnalysis(db: Db, scope: GapScope): Promise<GapAnalysis> {
  if (scope.areaIds !== "all" && scope.areaIds.length === 0) return { rows: [], districts: [] };
  const [districts, counts, services] = await Promise.all([districtsFor(db, scope), barrierCountsFor(db, scope), servicesFor(db)]);
  const { rules } = getGapContent();
  const rows = analyseGaps({ districts, counts, services, rules, addressedBy: categoriesByBarrier(getCategoryTaxonomy().terms), distanceKm: scope.distanceKm });
  return { rows, districts };
}
