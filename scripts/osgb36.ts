/**
 * British National Grid (OSGB36) eastings and northings to WGS84 latitude and longitude, as
 * Ordnance Survey's "A guide to coordinate systems in Great Britain" sets out: the inverse
 * Transverse Mercator projection on the Airy 1830 ellipsoid, then a seven-parameter Helmert
 * transformation to WGS84. Good to about 5 metres, far finer than distances to a service need.
 */
const AIRY = { a: 6377563.396, b: 6356256.909 };
const WGS84 = { a: 6378137, b: 6356752.3142 };
const F0 = 0.9996012717;
const LAT0 = (49 * Math.PI) / 180;
const LON0 = (-2 * Math.PI) / 180;
const E0 = 400000;
const N0 = -100000;
const ARCSEC = Math.PI / (180 * 3600);
const HELMERT = { tx: 446.448, ty: -125.157, tz: 542.06, s: -20.4894e-6, rx: 0.1502 * ARCSEC, ry: 0.247 * ARCSEC, rz: 0.8421 * ARCSEC };

function meridionalArc(lat: number): number {
  const { a, b } = AIRY;
  const n = (a - b) / (a + b);
  const dLat = lat - LAT0;
  const sLat = lat + LAT0;
  return (
    b *
    F0 *
    ((1 + n + (5 / 4) * n ** 2 + (5 / 4) * n ** 3) * dLat -
      (3 * n + 3 * n ** 2 + (21 / 8) * n ** 3) * Math.sin(dLat) * Math.cos(sLat) +
      ((15 / 8) * n ** 2 + (15 / 8) * n ** 3) * Math.sin(2 * dLat) * Math.cos(2 * sLat) -
      (35 / 24) * n ** 3 * Math.sin(3 * dLat) * Math.cos(3 * sLat))
  );
}

/** Grid position to latitude and longitude (radians) on the Airy ellipsoid. */
function gridToAiry(easting: number, northing: number): { lat: number; lon: number } {
  const { a, b } = AIRY;
  const e2 = 1 - (b * b) / (a * a);
  let lat = LAT0;
  let m = 0;
  do {
    lat = (northing - N0 - m) / (a * F0) + lat;
    m = meridionalArc(lat);
  } while (Math.abs(northing - N0 - m) >= 0.00001);

  const sin = Math.sin(lat);
  const cos = Math.cos(lat);
  const tan = Math.tan(lat);
  const nu = (a * F0) / Math.sqrt(1 - e2 * sin * sin);
  const rho = (a * F0 * (1 - e2)) / (1 - e2 * sin * sin) ** 1.5;
  const eta2 = nu / rho - 1;
  const VII = tan / (2 * rho * nu);
  const VIII = (tan / (24 * rho * nu ** 3)) * (5 + 3 * tan ** 2 + eta2 - 9 * tan ** 2 * eta2);
  const IX = (tan / (720 * rho * nu ** 5)) * (61 + 90 * tan ** 2 + 45 * tan ** 4);
  const X = 1 / (cos * nu);
  const XI = (1 / (6 * cos * nu ** 3)) * (nu / rho + 2 * tan ** 2);
  const XII = (1 / (120 * cos * nu ** 5)) * (5 + 28 * tan ** 2 + 24 * tan ** 4);
  const XIIA = (1 / (5040 * cos * nu ** 7)) * (61 + 662 * tan ** 2 + 1320 * tan ** 4 + 720 * tan ** 6);
  const dE = easting - E0;
  return {
    lat: lat - VII * dE ** 2 + VIII * dE ** 4 - IX * dE ** 6,
    lon: LON0 + X * dE - XI * dE ** 3 + XII * dE ** 5 - XIIA * dE ** 7,
  };
}

function toCartesian(lat: number, lon: number, { a, b }: { a: number; b: number }) {
  const e2 = 1 - (b * b) / (a * a);
  const nu = a / Math.sqrt(1 - e2 * Math.sin(lat) ** 2);
  return { x: nu * Math.cos(lat) * Math.cos(lon), y: nu * Math.cos(lat) * Math.sin(lon), z: nu * (1 - e2) * Math.sin(lat) };
}

function fromCartesian({ x, y, z }: { x: number; y: number; z: number }, { a, b }: { a: number; b: number }) {
  const e2 = 1 - (b * b) / (a * a);
  const p = Math.sqrt(x * x + y * y);
  let lat = Math.atan2(z, p * (1 - e2));
  for (let i = 0; i < 10; i++) {
    const nu = a / Math.sqrt(1 - e2 * Math.sin(lat) ** 2);
    lat = Math.atan2(z + e2 * nu * Math.sin(lat), p);
  }
  return { lat, lon: Math.atan2(y, x) };
}

/** Eastings and northings in metres to WGS84 degrees. */
export function osgb36GridToWgs84(easting: number, northing: number): { lat: number; lon: number } {
  const airy = gridToAiry(easting, northing);
  const { x, y, z } = toCartesian(airy.lat, airy.lon, AIRY);
  const { tx, ty, tz, s, rx, ry, rz } = HELMERT;
  const wgs = fromCartesian(
    {
      x: tx + (1 + s) * x - rz * y + ry * z,
      y: ty + rz * x + (1 + s) * y - rx * z,
      z: tz - ry * x + rx * y + (1 + s) * z,
    },
    WGS84,
  );
  return { lat: (wgs.lat * 180) / Math.PI, lon: (wgs.lon * 180) / Math.PI };
}
