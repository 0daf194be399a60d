import { http, HttpResponse } from "msw";

/**
 * postcodes.io as msw handlers: a few postcodes and districts in the demo areas (coordinates
 * rounded from the real ones), its 404 bodies for malformed and unknown postcodes, a log of
 * requests, and a switch that makes the service unreachable as a network failure.
 */
export const POSTCODES_IO_URL = "https://api.postcodes.io";

interface Place {
  latitude: number;
  longitude: number;
  admin_district: string;
}

export const KNOWN_POSTCODES: Record<string, Place> = {
  "ME14 1LE": { latitude: 51.2764, longitude: 0.5218, admin_district: "Maidstone" },
  "ME15 6JQ": { latitude: 51.2688, longitude: 0.5252, admin_district: "Maidstone" },
  "TN27 9AA": { latitude: 51.1671, longitude: 0.6263, admin_district: "Maidstone" },
  "CT9 1XX": { latitude: 51.3894, longitude: 1.3862, admin_district: "Thanet" },
  "CT11 9AA": { latitude: 51.3353, longitude: 1.4187, admin_district: "Thanet" },
  "TN1 1AA": { latitude: 51.1319, longitude: 0.2636, admin_district: "Tunbridge Wells" },
};

export const KNOWN_OUTCODES: Record<string, Place> = {
  ME14: { latitude: 51.2815, longitude: 0.5376, admin_district: "Maidstone" },
  ME15: { latitude: 51.256, longitude: 0.539, admin_district: "Maidstone" },
  TN27: { latitude: 51.17, longitude: 0.67, admin_district: "Maidstone" },
  CT9: { latitude: 51.3848, longitude: 1.3877, admin_district: "Thanet" },
  CT11: { latitude: 51.3371, longitude: 1.4048, admin_district: "Thanet" },
  TN1: { latitude: 51.1353, longitude: 0.27, admin_district: "Tunbridge Wells" },
};

/** Paths requested since the last reset, such as "/postcodes/ME14 1LE". */
export const postcodesIoRequests: string[] = [];
let reachable = true;

/** While false, every request fails as a network error would (no HTTP answer at all). */
export function setPostcodesIoReachable(value: boolean): void {
  reachable = value;
}

export function resetPostcodesIoMock(): void {
  postcodesIoRequests.length = 0;
  reachable = true;
}

const compact = (value: string) => decodeURIComponent(value).replace(/\s+/g, "").toUpperCase();
const notFound = (error: string) => HttpResponse.json({ status: 404, error }, { status: 404 });

export const postcodesIoHandlers = [
  http.get(`${POSTCODES_IO_URL}/postcodes/:postcode`, ({ params, request }) => {
    postcodesIoRequests.push(decodeURIComponent(new URL(request.url).pathname));
    if (!reachable) return HttpResponse.error();
    const key = compact(String(params.postcode));
    if (!/^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$/.test(key)) return notFound("Invalid postcode");
    const postcode = Object.keys(KNOWN_POSTCODES).find((pc) => pc.replace(" ", "") === key);
    if (!postcode) return notFound("Postcode not found");
    const [outcode, incode] = postcode.split(" ");
    return HttpResponse.json({ status: 200, result: { postcode, outcode, incode, country: "England", ...KNOWN_POSTCODES[postcode] } });
  }),
  http.get(`${POSTCODES_IO_URL}/outcodes/:outcode`, ({ params, request }) => {
    postcodesIoRequests.push(decodeURIComponent(new URL(request.url).pathname));
    if (!reachable) return HttpResponse.error();
    const outcode = compact(String(params.outcode));
    const place = KNOWN_OUTCODES[outcode];
    if (!place) return notFound("Outcode not found");
    const { admin_district, ...centre } = place;
    return HttpResponse.json({ status: 200, result: { outcode, ...centre, admin_district: [admin_district], country: ["England"] } });
  }),
];
