import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrateToLatest } from "~db/migrator";
import type { EmbeddedPostcodes } from "~/directory/postcode-data.server";
import { INVALID_POSTCODE_MESSAGE, UNAVAILABLE_MESSAGE, lookupPostcode } from "~/directory/postcodes.server";
import { CircuitBreaker } from "~/lib/circuit-breaker";
import { type Db, createDatabase } from "~/lib/db.server";
import { POSTCODES_IO_URL, postcodesIoRequests, resetPostcodesIoMock, setPostcodesIoReachable } from "../../mocks/postcodes-io";

// postcodes.io is answered by the shared msw server (tests/mocks/server.ts, started by tests/setup/msw.ts).
// Most tests leave the embedded data out, to see what postcodes.io and the cache do on their own.
const NOTHING_EMBEDDED: EmbeddedPostcodes = { postcodes: new Map(), outwardCodes: new Map() };
let breaker: CircuitBreaker;
let options: { baseUrl: string; embedded: EmbeddedPostcodes; breaker: CircuitBreaker };
let db: Db;

beforeEach(async () => {
  db = createDatabase(":memory:");
  await migrateToLatest(db);
  breaker = new CircuitBreaker({ failureThreshold: 2, cooldownMs: 30_000 });
  options = { baseUrl: POSTCODES_IO_URL, embedded: NOTHING_EMBEDDED, breaker };
});
afterEach(async () => {
  resetPostcodesIoMock();
  await db.destroy();
});

describe("lookupPostcode through postcodes.io", () => {
  it("finds a postcode however it is typed, then answers from the cache without asking again", async () => {
    const first = await lookupPostcode(db, "me14 1le", options);
    expect(first).toEqual({
      kind: "found",
      lat: 51.2764,
      lon: 0.5218,
      outwardCode: "ME14",
      adminDistrict: "Maidstone",
      precision: "postcode",
      source: "api",
    });
    expect(postcodesIoRequests).toEqual(["/postcodes/ME14 1LE"]);

    const second = await lookupPostcode(db, "ME141LE", options);
    expect(second).toMatchObject({ kind: "found", lat: 51.2764, source: "cache" });
    expect(postcodesIoRequests).toHaveLength(1);
  });

  it("asks again about a postcode found over a year ago, and uses the old answer if postcodes.io is down", async () => {
    await lookupPostcode(db, "ME14 1LE", { ...options, now: new Date("2025-01-01T00:00:00Z") });
    setPostcodesIoReachable(false);
    const later = await lookupPostcode(db, "ME14 1LE", { ...options, now: new Date("2026-03-01T00:00:00Z") });
    expect(later).toMatchObject({ kind: "found", lat: 51.2764, source: "cache" });
    expect(postcodesIoRequests).toEqual(["/postcodes/ME14 1LE", "/postcodes/ME14 1LE"]);
  });

  it("rejects a malformed postcode without a network call", async () => {
    expect(await lookupPostcode(db, "not a postcode", options)).toEqual({ kind: "invalid", message: INVALID_POSTCODE_MESSAGE });
    expect(postcodesIoRequests).toEqual([]);
  });

  it("says when a well-formed postcode does not exist, and remembers it for a month", async () => {
    const answer = await lookupPostcode(db, "ME14 9ZZ", { ...options, now: new Date("2026-01-01T00:00:00Z") });
    expect(answer).toEqual({ kind: "not-found", message: "We could not find the postcode ME14 9ZZ. Check it and try again." });
    expect((await lookupPostcode(db, "ME14 9ZZ", { ...options, now: new Date("2026-01-20T00:00:00Z") })).kind).toBe("not-found");
    expect(postcodesIoRequests).toHaveLength(1);
    expect((await lookupPostcode(db, "ME14 9ZZ", { ...options, now: new Date("2026-02-15T00:00:00Z") })).kind).toBe("not-found");
    expect(postcodesIoRequests).toHaveLength(2);
  });

  it("looks up an outward code on its own as the district's centre", async () => {
    expect(await lookupPostcode(db, "ct9", options)).toMatchObject({ kind: "found", lat: 51.3848, lon: 1.3877, outwardCode: "CT9", adminDistrict: "Thanet", precision: "outcode", source: "api" });
    expect(await lookupPostcode(db, "ME99", options)).toEqual({ kind: "not-found", message: "We could not find the area ME99. Check the postcode and try again." });
  });

  it("falls back to the cached centre of the district when postcodes.io is unreachable", async () => {
    await lookupPostcode(db, "ME14", options);
    setPostcodesIoReachable(false);
    const answer = await lookupPostcode(db, "ME14 1LE", options);
    expect(answer).toEqual({
      kind: "approximate",
      lat: 51.2815,
      lon: 0.5376,
      outwardCode: "ME14",
      adminDistrict: "Maidstone",
      message: "postcodes.io could not be reached; distances are measured from the centre of ME14",
    });
  });

  it("uses other cached postcodes in the district when its centre was never looked up", async () => {
    await lookupPostcode(db, "ME15 6JQ", options);
    setPostcodesIoReachable(false);
    expect(await lookupPostcode(db, "ME15 7AA", options)).toMatchObject({ kind: "approximate", lat: 51.2688, lon: 0.5252, outwardCode: "ME15" });
  });

  it("answers unavailable, without throwing, when unreachable with nothing cached", async () => {
    setPostcodesIoReachable(false);
    expect(await lookupPostcode(db, "TN1 1AA", options)).toEqual({ kind: "unavailable", message: UNAVAILABLE_MESSAGE });
    expect(await lookupPostcode(db, "TN1", options)).toEqual({ kind: "unavailable", message: UNAVAILABLE_MESSAGE });
  });

  it("treats a server error or a slow answer like an outage", async () => {
    const failing: typeof fetch = async () => new Response("Bad gateway", { status: 502 });
    expect((await lookupPostcode(db, "CT11 9AA", { ...options, fetch: failing })).kind).toBe("unavailable");
    breaker.reset();
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal!.reason)));
    expect((await lookupPostcode(db, "CT11 9AA", { ...options, fetch: hanging, timeoutMs: 20 })).kind).toBe("unavailable");
  });
});

describe("lookupPostcode during an outage", () => {
  it("stops asking after two failures, so later searches do not wait for a timeout", async () => {
    setPostcodesIoReachable(false);
    for (const postcode of ["TN1 1AA", "TN2 3AA", "TN4 8AA", "CT11 9AA", "ME15 7AA"]) await lookupPostcode(db, postcode, options);
    expect(postcodesIoRequests).toEqual(["/postcodes/TN1 1AA", "/postcodes/TN2 3AA"]);
    expect(breaker.state).toBe("open");
  });

  it("sends one request for the same postcode searched at the same moment", async () => {
    const answers = await Promise.all([1, 2, 3].map(() => lookupPostcode(db, "CT9 1XX", options)));
    expect(answers.map((a) => a.kind)).toEqual(["found", "found", "found"]);
    expect(postcodesIoRequests).toEqual(["/postcodes/CT9 1XX"]);
  });
});

describe("lookupPostcode with the embedded data", () => {
  const embedded: EmbeddedPostcodes = {
    postcodes: new Map([["ME14 1LQ", { lat: 51.28003, lon: 0.51674 }]]),
    outwardCodes: new Map([
      ["ME14", { lat: 51.2787, lon: 0.5426 }],
      ["ME15", { lat: 51.2548, lon: 0.5354 }],
    ]),
  };

  it("finds a partnership postcode and any outward code without a network call", async () => {
    expect(await lookupPostcode(db, "me14 1lq", { ...options, embedded })).toEqual({
      kind: "found",
      lat: 51.28003,
      lon: 0.51674,
      outwardCode: "ME14",
      adminDistrict: null,
      precision: "postcode",
      source: "embedded",
    });
    expect(await lookupPostcode(db, "ME15", { ...options, embedded })).toMatchObject({ kind: "found", lat: 51.2548, precision: "outcode", source: "embedded" });
    expect(postcodesIoRequests).toEqual([]);
  });

  it("asks postcodes.io about a postcode it does not hold, and falls back to the embedded district centre", async () => {
    expect(await lookupPostcode(db, "ME14 1LE", { ...options, embedded })).toMatchObject({ kind: "found", source: "api" });
    setPostcodesIoReachable(false);
    expect(await lookupPostcode(db, "ME14 2AB", { ...options, embedded })).toMatchObject({ kind: "approximate", lat: 51.2787, lon: 0.5426, outwardCode: "ME14" });
  });

  it("says a postcode in a district that does not exist is not found, even while postcodes.io is down", async () => {
    setPostcodesIoReachable(false);
    expect(await lookupPostcode(db, "ME98 1AA", { ...options, embedded })).toEqual({
      kind: "not-found",
      message: "We could not find the postcode ME98 1AA. Check it and try again.",
    });
    // Northern Ireland is not embedded, so only postcodes.io could say.
    expect(await lookupPostcode(db, "BT1 1AA", { ...options, embedded })).toEqual({ kind: "unavailable", message: UNAVAILABLE_MESSAGE });
  });
});
