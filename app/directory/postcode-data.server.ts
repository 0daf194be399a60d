/**
 * Postcodes Waymark knows without asking anyone: every outward code in Great Britain with the
 * centre of its postcodes, and every full postcode in the outward codes that reach into the
 * partnership's districts. Derived from OS Code-Point Open by scripts/build-postcodes.ts (see
 * docs/decisions/006-12-embedded-postcodes.md), read once and kept in memory (about 2 MB).
 */
import fs from "node:fs";
import { contentPath } from "~/lib/content-path.server";
import type { LatLon } from "./geo";

/** ONS codes of the partnership's districts, as Code-Point Open labels each postcode. */
export const PARTNERSHIP_DISTRICT_CODES = {
  maidstone: "E07000110",
  thanet: "E07000114",
  "tunbridge-wells": "E07000116",
} as const;

export interface EmbeddedPostcodes {
  postcodes: ReadonlyMap<string, LatLon>;
  outwardCodes: ReadonlyMap<string, LatLon>;
}

function readPoints(file: string, header: string): Map<string, LatLon> {
  const text = fs.readFileSync(contentPath("postcodes", file), "utf8");
  const lines = text.split("\n");
  if (lines[0] !== header) throw new Error(`content/postcodes/${file}: the first line should be "${header}"`);
  const points = new Map<string, LatLon>();
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]) continue;
    const [key, lat, lon] = lines[i].split(",");
    const point = { lat: Number(lat), lon: Number(lon) };
    if (!key || !(Math.abs(point.lat) <= 90) || !(Math.abs(point.lon) <= 180)) {
      throw new Error(`content/postcodes/${file}, line ${i + 1}: expected a postcode, a latitude and a longitude`);
    }
    points.set(key, point);
  }
  return points;
}

let embedded: EmbeddedPostcodes | undefined;

export function getEmbeddedPostcodes(): EmbeddedPostcodes {
  embedded ??= {
    postcodes: readPoints("partnership-postcodes.csv", "postcode,latitude,longitude"),
    outwardCodes: readPoints("outward-codes.csv", "outward_code,latitude,longitude"),
  };
  return embedded;
}
