/**
 * Gap analysis: in each postcode district, the barriers triages found set against the services
 * that deal with them and meet people within a chosen distance of the district's middle.
 * National services (online, phone, post) reach everyone, so they are counted apart, never as
 * local help.
 */
import { type LatLon, haversineKm } from "~/directory/geo";
import { BARRIERS, type BarrierId } from "~/lib/frameworks";

export interface GapDistrict {
  areaId: string;
  areaName: string;
  outwardCode: string;
  /** Null when no centroid is known: no distance can be measured, so local help reads as unknown. */
  centroid: LatLon | null;
}

export interface GapService {
  id: string;
  name: string;
  categories: readonly string[];
  isNational: boolean;
  /** Where the service meets people; empty for services with no place (online, phone). */
  locations: readonly LatLon[];
}

export interface BarrierCount {
  outwardCode: string;
  barrier: string;
  some: number;
  high: number;
}

export interface GapRow {
  areaId: string;
  areaName: string;
  outwardCode: string;
  barrier: BarrierId;
  barrierLabel: string;
  /** People whose triage found the barrier (some or a lot), and of those, a lot. */
  people: number;
  high: number;
  /** Services in the barrier's own kinds of help within the distance. */
  dedicatedNearby: number;
  /** Other services whose category lists the barrier in the taxonomy, within the distance. */
  otherNearby: number;
  /** National services in the barrier's own kinds of help. */
  national: number;
  /** Distance to the nearest local service in the barrier's own kinds of help, if any. */
  nearestKm: number | null;
  nearestName: string | null;
  /** No dedicated help within the distance (or none measurable) for people who need it. */
  gap: boolean;
  /** People per dedicated service nearby; Infinity when there is none. */
  pressure: number;
}

export interface GapInput {
  districts: readonly GapDistrict[];
  counts: readonly BarrierCount[];
  services: readonly GapService[];
  /** Barrier → its own kinds of help (content/reports/gap-analysis.yaml). */
  rules: Readonly<Record<BarrierId, readonly string[]>>;
  /** Barrier → every category that lists it in the taxonomy. */
  addressedBy: Readonly<Record<BarrierId, readonly string[]>>;
  distanceKm: number;
}

function nearest(centroid: LatLon, service: GapService): number | null {
  let best: number | null = null;
  for (const place of service.locations) {
    const km = haversineKm(centroid, place);
    if (best === null || km < best) best = km;
  }
  return best;
}

/** A row for every district and barrier that someone in the district has, most pressing first. */
export function analyseGaps(input: GapInput): GapRow[] {
  const rows: GapRow[] = [];
  const local = input.services.filter((s) => !s.isNational);
  const national = input.services.filter((s) => s.isNational);
  const counts = new Map(input.counts.map((c) => [`${c.outwardCode}|${c.barrier}`, c]));
  for (const district of input.districts) {
    const distances = new Map(local.map((s) => [s.id, district.centroid ? nearest(district.centroid, s) : null]));
    for (const { id: barrier, label } of BARRIERS) {
      const count = counts.get(`${district.outwardCode}|${barrier}`);
      const people = (count?.some ?? 0) + (count?.high ?? 0);
      if (people === 0) continue;
      const own = input.rules[barrier];
      const isOwn = (s: GapService) => s.categories.some((c) => own.includes(c));
      const addresses = (s: GapService) => s.categories.some((c) => input.addressedBy[barrier].includes(c));
      const within = (s: GapService) => {
        const km = distances.get(s.id);
        return km !== null && km !== undefined && km <= input.distanceKm;
      };
      const dedicated = local.filter((s) => isOwn(s) && within(s));
      let nearestKm: number | null = null;
      let nearestName: string | null = null;
      for (const s of local.filter(isOwn)) {
        const km = distances.get(s.id);
        if (km !== null && km !== undefined && (nearestKm === null || km < nearestKm)) {
          nearestKm = km;
          nearestName = s.name;
        }
      }
      rows.push({
        areaId: district.areaId,
        areaName: district.areaName,
        outwardCode: district.outwardCode,
        barrier,
        barrierLabel: label,
        people,
        high: count?.high ?? 0,
        dedicatedNearby: dedicated.length,
        otherNearby: local.filter((s) => !isOwn(s) && addresses(s) && within(s)).length,
        national: national.filter(isOwn).length,
        nearestKm,
        nearestName,
        gap: dedicated.length === 0,
        pressure: dedicated.length === 0 ? Infinity : people / dedicated.length,
      });
    }
  }
  return rows.sort(byGapSeverity);
}

/**
 * Gaps first, the most people affected (then the most held back a lot) at the top; then the
 * districts with the most people for each nearby service.
 */
export function byGapSeverity(a: GapRow, b: GapRow): number {
  if (a.gap !== b.gap) return a.gap ? -1 : 1;
  if (a.gap) return b.people - a.people || b.high - a.high || a.outwardCode.localeCompare(b.outwardCode);
  return b.pressure - a.pressure || b.people - a.people || a.outwardCode.localeCompare(b.outwardCode);
}

/** Barrier → every category whose taxonomy term lists it. */
export function categoriesByBarrier(terms: readonly { id: string; barriers: readonly string[] }[]): Record<BarrierId, string[]> {
  return Object.fromEntries(BARRIERS.map((b) => [b.id, terms.filter((t) => t.barriers.includes(b.id)).map((t) => t.id)])) as Record<BarrierId, string[]>;
}
