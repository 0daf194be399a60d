/** Distances for the directory: straight-line ("as the crow flies"), which is what postcodes give us. */

export interface LatLon {
  lat: number;
  lon: number;
}

export const EARTH_RADIUS_KM = 6371.0088;
export const RADIANS = Math.PI / 180;

/** Great-circle distance in kilometres by the haversine formula. */
export function haversineKm(a: LatLon, b: LatLon): number {
  const dLat = (b.lat - a.lat) * RADIANS;
  const dLon = (b.lon - a.lon) * RADIANS;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RADIANS) * Math.cos(b.lat * RADIANS) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * "0.4 km" under 10 km, "12 km" from there: a postcode centroid is only good to a few hundred
 * metres, so more digits would claim a precision we do not have.
 */
export function formatDistanceKm(km: number): string {
  if (km < 0.05) return "less than 0.1 km";
  if (km < 9.95) return `${km.toFixed(1)} km`;
  return `${Math.round(km)} km`;
}
