import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrateToLatest } from "~db/migrator";
import { INVALID_POSTCODE_MESSAGE, UNAVAILABLE_MESSAGE, lookupPostcode } from "~/directory/postcodes.server";
import { type Db, createDatabase } from "~/lib/db.server";
import { POSTCODES_IO_URL, postcodesIoRequests, resetPostcodesIoMock, setPostcodesIoReachable } from "../../mocks/postcodes-io";

// postcodes.io is answered by the shared msw server (tests/mocks/server.ts, started by tests/setup/msw.ts).
const options = { baseUrl: POSTCODES_IO_URL };
let db: Db;

beforeEach(async () => {
  db = createDatabase(":memory:");
  await migrateToLatest(db);
});
afterEach(async () => {
  resetPostcodesIoMock();
  await db.destroy();
});

describe("lookupPostcode", () => {
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

  it("rejects a malformed postcode without a network call", async () => {
    expect(await lookupPostcode(db, "not a postcode", options)).toEqual({ kind: "invalid", message: INVALID_POSTCODE_MESSAGE });
    expect(postcodesIoRequests).toEqual([]);
  });

  it("says when a well-formed postcode does not exist, and remembers it", async () => {
    const answer = await lookupPostcode(db, "ME14 9ZZ", options);
    expect(answer).toEqual({ kind: "not-found", message: "We could not find the postcode ME14 9ZZ. Check it and try again." });
    expect((await lookupPostcode(db, "ME14 9ZZ", options)).kind).toBe("not-found");
    expect(postcodesIoRequests).toHaveLength(1);
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
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal!.reason)));
    expect((await lookupPostcode(db, "CT11 9AA", { ...options, fetch: hanging, timeoutMs: 20 })).kind).toBe("unavailable");
  });
});
