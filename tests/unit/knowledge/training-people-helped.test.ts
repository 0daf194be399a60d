import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/lib/db.server";
import { migrateToLatest } from "~db/migrator";
import { personHelpedSchema, todayInUk } from "~/knowledge/people-helped";
import { listPeopleHelped, logPersonHelped } from "~/knowledge/people-helped.server";

const TODAY = "2026-06-15";
const schema = personHelpedSchema(TODAY);
const valid = { date: "2026-06-15", place: "Central Library", barriers: ["device", "confidence"], whatHelped: "Set up the NHS App", minutes: "20" };

function errorsFor(input: Record<string, unknown>) {
  const result = schema.safeParse(input);
  return result.success ? {} : result.error.flatten().fieldErrors;
}

describe("personHelpedSchema", () => {
  it("accepts a typical entry and turns form strings into values", () => {
    expect(schema.parse({ ...valid, outwardCode: " pr1 " })).toEqual({
      date: "2026-06-15",
      place: "Central Library",
      outwardCode: "PR1",
      barriers: ["device", "confidence"],
      whatHelped: "Set up the NHS App",
      minutes: 20,
    });
  });

  it("accepts today and exactly one year ago, and rejects tomorrow and the day before a year ago", () => {
    expect(errorsFor({ ...valid, date: "2025-06-15" })).toEqual({});
    expect(errorsFor({ ...valid, date: "2026-06-16" }).date).toEqual(["The date must be today or in the past"]);
    expect(errorsFor({ ...valid, date: "2025-06-14" }).date).toEqual(["The date must be within the last year"]);
  });

  it("rejects missing and impossible dates", () => {
    expect(errorsFor({ ...valid, date: "" }).date).toEqual(["Enter the date you helped"]);
    expect(errorsFor({ ...valid, date: "2026-02-30" }).date).toEqual(["Enter a real date"]);
    expect(errorsFor({ ...valid, date: "15/06/2026" }).date?.[0]).toBe("Enter the date as day, month and year");
  });

  it("limits place to 120 characters and requires it", () => {
    expect(errorsFor({ ...valid, place: "x".repeat(120) })).toEqual({});
    expect(errorsFor({ ...valid, place: "x".repeat(121) }).place).toEqual(["Place must be 120 characters or fewer"]);
    expect(errorsFor({ ...valid, place: "   " }).place?.[0]).toMatch(/^Enter where you helped/);
  });

  it("accepts no barriers, one barrier or several, and rejects ids outside the list", () => {
    expect(schema.parse({ ...valid, barriers: undefined }).barriers).toEqual([]);
    expect(schema.parse({ ...valid, barriers: "skills" }).barriers).toEqual(["skills"]);
    expect(schema.parse({ ...valid, barriers: ["skills", "skills"] }).barriers).toEqual(["skills"]);
    expect(errorsFor({ ...valid, barriers: ["skills", "wifi-password"] }).barriers).toEqual(["Select barriers from the list"]);
  });

  it("limits what helped to 500 characters and lets it be left out", () => {
    expect(schema.parse({ ...valid, whatHelped: undefined }).whatHelped).toBe("");
    expect(errorsFor({ ...valid, whatHelped: "y".repeat(500) })).toEqual({});
    expect(errorsFor({ ...valid, whatHelped: "y".repeat(501) }).whatHelped).toEqual(["What helped must be 500 characters or fewer"]);
  });

  it("takes 1 to 480 whole minutes", () => {
    expect(schema.parse({ ...valid, minutes: "1" }).minutes).toBe(1);
    expect(schema.parse({ ...valid, minutes: "480" }).minutes).toBe(480);
    expect(errorsFor({ ...valid, minutes: "0" }).minutes).toEqual(["Time spent must be between 1 and 480 minutes"]);
    expect(errorsFor({ ...valid, minutes: "481" }).minutes).toEqual(["Time spent must be between 1 and 480 minutes"]);
    expect(errorsFor({ ...valid, minutes: "12.5" }).minutes).toEqual(["Enter the time as a whole number of minutes"]);
    expect(errorsFor({ ...valid, minutes: "ten" }).minutes).toEqual(["Enter the time you spent as a number of minutes"]);
    expect(errorsFor({ ...valid, minutes: "" }).minutes).toEqual(["Enter the time you spent, in minutes"]);
  });

  it("accepts only the outward part of a postcode", () => {
    expect(errorsFor({ ...valid, outwardCode: "" })).toEqual({});
    expect(errorsFor({ ...valid, outwardCode: "PR1 2HE" }).outwardCode).toEqual(["Enter the first part of a postcode only, like PR1"]);
  });
});

describe("todayInUk", () => {
  it("uses the UK calendar, not UTC", () => {
    // 23:30 UTC on 30 June is already 1 July in British Summer Time.
    expect(todayInUk(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(todayInUk(new Date("2026-12-31T23:30:00Z"))).toBe("2026-12-31");
  });
});

describe("people helped log", () => {
  let db: Db;

  beforeEach(async () => {
    db = createDatabase(":memory:");
    await migrateToLatest(db);
    await db.insertInto("organisations").values({ id: "org", name: "Library", kind: "library" }).execute();
    await db.insertInto("areas").values([{ id: "preston", name: "Preston" }, { id: "thanet", name: "Thanet" }]).execute();
    await db.insertInto("area_districts").values({ area_id: "preston", outward_code: "PR1" }).execute();
    await db
      .insertInto("users")
      .values(["ana", "ben"].map((id) => ({ id, email: `${id}@example.org`, name: id, role: "champion" as const, organisation_id: "org" })))
      .execute();
  });

  afterEach(async () => {
    await db.destroy();
  });

  const entry = (date: string, extra: Record<string, unknown> = {}) => schema.parse({ ...valid, date, ...extra });

  it("stores an entry and places it in an area from its outward code", async () => {
    await logPersonHelped(db, { ...entry("2026-06-10", { outwardCode: "PR1" }), userId: "ana", organisationId: "org" });
    const [saved] = await listPeopleHelped(db, { areaIds: ["preston"] });
    expect(saved).toMatchObject({ userId: "ana", areaId: "preston", helpedOn: "2026-06-10", outwardCode: "PR1", barriers: ["device", "confidence"], minutes: 20 });
  });

  it("prefers an explicit area and leaves the area empty for an unknown district", async () => {
    await logPersonHelped(db, { ...entry("2026-06-10", { outwardCode: "PR1" }), userId: "ana", organisationId: "org", areaId: "thanet" });
    await logPersonHelped(db, { ...entry("2026-06-11", { outwardCode: "ZZ9" }), userId: "ana", organisationId: "org" });
    const rows = await listPeopleHelped(db, { userId: "ana" });
    expect(rows.map((r) => [r.helpedOn, r.areaId])).toEqual([
      ["2026-06-11", null],
      ["2026-06-10", "thanet"],
    ]);
  });

  it("filters by user or areas and by an inclusive date range, newest first", async () => {
    await logPersonHelped(db, { ...entry("2026-06-01"), userId: "ana", organisationId: "org", areaId: "preston" });
    await logPersonHelped(db, { ...entry("2026-06-05"), userId: "ana", organisationId: "org", areaId: "thanet" });
    await logPersonHelped(db, { ...entry("2026-06-09"), userId: "ben", organisationId: "org", areaId: "preston" });
    await logPersonHelped(db, { ...entry("2026-06-12"), userId: "ben", organisationId: "org", areaId: "preston" });

    const dates = (rows: { helpedOn: string }[]) => rows.map((r) => r.helpedOn);
    expect(dates(await listPeopleHelped(db, { userId: "ana" }))).toEqual(["2026-06-05", "2026-06-01"]);
    expect(dates(await listPeopleHelped(db, { areaIds: ["preston"], from: "2026-06-01", to: "2026-06-09" }))).toEqual(["2026-06-09", "2026-06-01"]);
    expect(dates(await listPeopleHelped(db, { areaIds: ["preston", "thanet"], from: "2026-06-05" }))).toEqual(["2026-06-12", "2026-06-09", "2026-06-05"]);
    expect(dates(await listPeopleHelped(db, { areaIds: ["preston"], limit: 1 }))).toEqual(["2026-06-12"]);
    expect(await listPeopleHelped(db, { areaIds: [] })).toEqual([]);
  });

  it("keeps entries, without the champion, when the champion's account is deleted", async () => {
    await logPersonHelped(db, { ...entry("2026-06-01"), userId: "ben", organisationId: "org", areaId: "preston" });
    await db.deleteFrom("users").where("id", "=", "ben").execute();
    const rows = await listPeopleHelped(db, { areaIds: ["preston"] });
    expect(rows).toHaveLength(1);
    expect(rows[0].userId).toBeNull();
  });
});
