import { describe, expect, it } from "vitest";
import { haversineKm } from "~/directory/geo";
import { getEmbeddedPostcodes } from "~/directory/postcode-data.server";
import { osgb36GridToWgs84 } from "../../../scripts/osgb36";

describe("the embedded postcode data", () => {
  const { postcodes, outwardCodes } = getEmbeddedPostcodes();

  it("holds every outward code of Great Britain and the full postcodes of the partnership's districts", () => {
    expect(outwardCodes.size).toBeGreaterThan(2_800);
    for (const code of ["AB10", "EC1A", "SW1A", "ZE1", "ME14", "CT9", "TN1"]) expect(outwardCodes.has(code), code).toBe(true);
    // Maidstone, Thanet and Tunbridge Wells town centres.
    for (const postcode of ["ME14 1LQ", "ME15 6JQ", "CT9 1XZ", "CT11 9AA", "TN1 1AG", "TN27 9AA"]) expect(postcodes.has(postcode), postcode).toBe(true);
    expect(postcodes.has("SW1A 1AA")).toBe(false);
  });

  it("puts postcodes where they are", () => {
    // The demo listing at Maidstone Library (ME14 1LQ) and Margate (CT9) are within a kilometre or two.
    expect(haversineKm(postcodes.get("ME14 1LQ")!, { lat: 51.2781, lon: 0.5222 })).toBeLessThan(1);
    expect(haversineKm(outwardCodes.get("CT9")!, { lat: 51.386, lon: 1.39 })).toBeLessThan(3);
  });
});

describe("osgb36GridToWgs84", () => {
  it("matches Ordnance Survey's worked example to within a few metres", () => {
    // "A guide to coordinate systems in Great Britain": Caister water tower, 651409.903 E 313177.270 N,
    // is 52°39'28.8282"N 1°42'57.8663"E in ETRS89 (which WGS84 matches to well under a metre here).
    const { lat, lon } = osgb36GridToWgs84(651409.903, 313177.27);
    expect(haversineKm({ lat, lon }, { lat: 52 + 39 / 60 + 28.8282 / 3600, lon: 1 + 42 / 60 + 57.8663 / 3600 }) * 1000).toBeLessThan(5);
  });
});
