import { beforeAll, describe, expect, it } from "vitest";
import { seedDirectory } from "~/directory/seed.server";
import { todayInUk } from "~/knowledge/people-helped";
import { getDb } from "~/lib/db.server";
import type { FigureView } from "~/reports/figure-view";
import type { KeyFigure } from "~/reports/figure";
import { addMonths } from "~/reports/period";
import { loader } from "~/routes/reports._index";
import { createTestUser, signedInRequest, type TestUser } from "../../helpers/auth";
import { IDS, insertListing, insertPersonHelped, insertQuizAttempt, insertReferral, respond, saveTriage, unpublishAllListings } from "./fixtures";

// The first quarter of 2026, in UK time: 1 January 00:00 GMT to 31 March 24:00 BST.
const Q1 = "/reports?period=custom&from=2026-01-01&to=2026-03-31";

let coordinator: TestUser;
let admin: TestUser;

interface Body {
  report: { keyFigures: KeyFigure[]; figures: FigureView[]; area: string; period: string };
  errors: Record<string, string>;
}

async function report(user: TestUser, url: string): Promise<Body["report"]> {
  const response = await respond(loader, await signedInRequest(url, user));
  expect(response.status).toBe(200);
  return ((await response.json()) as Body).report;
}

/** A figure's table as label → cells, the numbers as the page shows them. */
function table(r: Body["report"], id: string): Record<string, string[]> {
  const view = r.figures.find((f) => f.id === id)!;
  return Object.fromEntries([...view.rows.map((row) => [row.label, row.cells]), ...(view.totalRow ? [["Total", view.totalRow]] : [])]);
}

function key(r: Body["report"], id: string): string {
  return r.keyFigures.find((k) => k.id === id)!.value;
}

beforeAll(async () => {
  const db = getDb();
  await seedDirectory(db);
  coordinator = await createTestUser(db, { role: "coordinator", organisationId: IDS.council, areaIds: [IDS.maidstone] });
  admin = await createTestUser(db, { role: "admin", organisationId: IDS.council, areaIds: [] });
  const champion = await createTestUser(db, { role: "champion", organisationId: IDS.champions, areaIds: [IDS.maidstone] });
  const thanetChampion = await createTestUser(db, { role: "champion", organisationId: IDS.champions, areaIds: [IDS.thanet] });

  // Triages in Maidstone: three in the quarter, two just outside it.
  await saveTriage(db, { at: "2026-01-10T11:00:00.000Z", mode: "assisted", postcode: "ME14 1LE", barriers: { device: "high", skills: "some" }, level: "below-foundation", goals: ["job-search", "health"] });
  await saveTriage(db, { at: "2026-02-03T15:00:00.000Z", mode: "self", postcode: "ME15", barriers: { device: "some" }, level: "foundation", goals: ["health"] });
  await saveTriage(db, { at: "2026-01-01T00:10:00.000Z", mode: "assisted", postcode: "ME14", barriers: { accessibility: "high" }, level: "life" });
  await saveTriage(db, { at: "2026-03-31T23:30:00.000Z", mode: "self", postcode: "ME14", barriers: { device: "high" }, level: "foundation" }); // 1 April, 00:30 BST
  await saveTriage(db, { at: "2025-12-31T23:50:00.000Z", mode: "self", postcode: "ME14", level: "foundation" });
  // Thanet, and one with no postcode (no area): only an admin's "all areas" counts them.
  await saveTriage(db, { at: "2026-02-10T10:00:00.000Z", mode: "assisted", postcode: "CT9", barriers: { device: "high" }, level: "below-foundation", goals: ["save-money"] });
  await saveTriage(db, { at: "2026-02-11T10:00:00.000Z", mode: "self", barriers: { skills: "high" }, level: "below-foundation" });

  // Referrals in Maidstone made in the quarter, and one after it; one in Thanet.
  const m = IDS.maidstone;
  await insertReferral(db, { createdAt: "2026-01-12T10:00:00.000Z", serviceId: IDS.parkWood, areaId: m, status: "closed", firstActionAt: "2026-01-13T09:00:00.000Z", outcome: "got-online" });
  await insertReferral(db, { createdAt: "2026-01-20T10:00:00.000Z", serviceId: IDS.parkWood, areaId: m, status: "declined", firstActionAt: "2026-01-20T16:00:00.000Z", declineReason: "no-capacity" });
  await insertReferral(db, { createdAt: "2026-02-02T10:00:00.000Z", serviceId: IDS.sightAndSound, areaId: m, status: "contacted", firstActionAt: "2026-02-06T09:00:00.000Z" });
  await insertReferral(db, { createdAt: "2026-03-01T10:00:00.000Z", serviceId: IDS.sightAndSound, areaId: m, status: "sent" });
  await insertReferral(db, { createdAt: "2026-03-05T10:00:00.000Z", serviceId: IDS.sightAndSound, areaId: m, kind: "logged", status: "closed" });
  await insertReferral(db, { createdAt: "2026-02-14T10:00:00.000Z", serviceId: IDS.sightAndSound, areaId: m, status: "withdrawn" });
  await insertReferral(db, { createdAt: "2026-04-02T10:00:00.000Z", serviceId: IDS.parkWood, areaId: m, status: "sent" });
  await insertReferral(db, { createdAt: "2026-02-20T10:00:00.000Z", serviceId: IDS.cliftonville, areaId: IDS.thanet, status: "outcome", firstActionAt: "2026-02-23T10:00:00.000Z", outcome: "received-data" });

  await insertPersonHelped(db, { on: "2026-01-05", minutes: 30, areaId: m, userId: champion.id });
  await insertPersonHelped(db, { on: "2026-01-06", minutes: 45, areaId: m, userId: champion.id });
  await insertPersonHelped(db, { on: "2026-03-10", minutes: 60, areaId: m, userId: champion.id });
  await insertPersonHelped(db, { on: "2026-04-01", minutes: 90, areaId: m, userId: champion.id });
  await insertPersonHelped(db, { on: "2026-02-01", minutes: 20, areaId: IDS.thanet, userId: thanetChampion.id });

  // First passes: one in the quarter in Maidstone (then a retake), one before it; one in Thanet.
  await insertQuizAttempt(db, { userId: champion.id, moduleId: "being-a-digital-champion", at: "2026-01-30T10:00:00.000Z", passed: false });
  await insertQuizAttempt(db, { userId: champion.id, moduleId: "being-a-digital-champion", at: "2026-02-01T10:00:00.000Z", passed: true });
  await insertQuizAttempt(db, { userId: champion.id, moduleId: "being-a-digital-champion", at: "2026-02-10T10:00:00.000Z", passed: true });
  await insertQuizAttempt(db, { userId: champion.id, moduleId: "online-safety", at: "2025-12-01T10:00:00.000Z", passed: true });
  await insertQuizAttempt(db, { userId: thanetChampion.id, moduleId: "being-a-digital-champion", at: "2026-02-05T10:00:00.000Z", passed: true });

  // Directory health is how the directory stands today: only these listings are published,
  // checked a known number of months before today.
  await unpublishAllListings(db);
  const ago = (months: number) => addMonths(todayInUk(), -months);
  // Maidstone: five counted — checked 1 month ago (2 open problem reports, 1 dealt with), exactly
  // 6 months ago (still within 6), 8 months ago (inactive, still listed), 20 months ago, never
  // (1 open report) — and, not counted, one closed for good and one unpublished, each with an open report.
  await insertListing(db, { areaId: m, assuredDate: ago(1), openReports: 2, resolvedReports: 1 });
  await insertListing(db, { areaId: m, assuredDate: ago(6) });
  await insertListing(db, { areaId: m, assuredDate: ago(8), status: "inactive" });
  await insertListing(db, { areaId: m, assuredDate: ago(20) });
  await insertListing(db, { areaId: m, assuredDate: null, openReports: 1 });
  await insertListing(db, { areaId: m, assuredDate: ago(1), status: "defunct", openReports: 1 });
  await insertListing(db, { areaId: m, assuredDate: ago(1), published: false, openReports: 1 });
  // Thanet: 3 months (1 open report), exactly 12 months (still within 12) and 13 months ago.
  await insertListing(db, { areaId: IDS.thanet, assuredDate: ago(3), openReports: 1 });
  await insertListing(db, { areaId: IDS.thanet, assuredDate: ago(12) });
  await insertListing(db, { areaId: IDS.thanet, assuredDate: ago(13) });
  // National, in no area: only "all areas" counts it.
  await insertListing(db, { areaId: null, assuredDate: ago(2), openReports: 1 });
});

describe("/reports for a coordinator of Maidstone, first quarter of 2026", () => {
  let r: Body["report"];
  beforeAll(async () => {
    r = await report(coordinator, Q1);
  });

  it("names the area and period", () => {
    expect(r.area).toBe("Maidstone");
    expect(r.period).toBe("1 January 2026 to 31 March 2026");
  });

  it("counts triages by mode, within the UK days of the period", () => {
    expect(key(r, "triages")).toBe("3");
    expect(table(r, "triage-modes")).toEqual({ "With a champion or staff": ["2"], "Self-check by the resident": ["1"], Total: ["3"] });
  });

  it("counts barriers by severity with shares of all triages", () => {
    const barriers = table(r, "barriers");
    expect(barriers["Access to a device"]).toEqual(["1", "1", "2", "67%"]);
    expect(barriers["Digital skills"]).toEqual(["1", "0", "1", "33%"]);
    expect(barriers["Accessibility and disability"]).toEqual(["0", "1", "1", "33%"]);
    expect(barriers["Motivation"]).toEqual(["0", "0", "0", "0%"]);
  });

  it("counts Essential Digital Skills levels and goals", () => {
    expect(table(r, "skills-levels")).toEqual({
      "Not yet at Foundation level": ["1", "33%"],
      Foundation: ["1", "33%"],
      "Essential skills for life": ["1", "33%"],
      "Essential skills for life and work": ["0", "0%"],
      Total: ["3", "100%"],
    });
    const goals = table(r, "goals");
    expect(goals["Health: appointments, prescriptions, NHS App"]).toEqual(["2", "67%"]);
    expect(goals["Look and apply for jobs"]).toEqual(["1", "33%"]);
    expect(goals["Save money on bills and shopping"]).toEqual(["0", "0%"]);
  });

  it("counts referrals made, where they are, by kind of help and by outcome", () => {
    expect(key(r, "referrals")).toBe("6");
    expect(table(r, "referrals-made")).toEqual({ "Referrals with consent": ["5"], "Signposts logged": ["1"], Total: ["6"] });
    const statuses = table(r, "referral-statuses");
    expect(statuses["Closed"]).toEqual(["1", "20%"]);
    expect(statuses["Declined"]).toEqual(["1", "20%"]);
    expect(statuses["Person contacted"]).toEqual(["1", "20%"]);
    expect(statuses["Sent to the service"]).toEqual(["1", "20%"]);
    expect(statuses["Withdrawn"]).toEqual(["1", "20%"]);
    expect(statuses["Outcome recorded"]).toEqual(["0", "0%"]);
    const categories = table(r, "referral-categories");
    expect(categories["Accessibility and assistive technology"]).toEqual(["4", "67%"]);
    expect(categories["Device loan or gift"]).toEqual(["2", "33%"]);
    expect(categories["Free SIM card or mobile data"]).toEqual(["2", "33%"]);
    expect(categories["Money and debt advice"]).toEqual(["0", "0%"]);
    expect(table(r, "referral-outcomes")["Got online"]).toEqual(["1", "100%"]);
    expect(table(r, "referral-outcomes")["Received data or a SIM"]).toEqual(["0", "0%"]);
  });

  it("gives the median days to first action and the share reaching an outcome", () => {
    // First actions after 1, 0 and 4 days.
    expect(key(r, "median-first-action")).toBe("1 day");
    expect(table(r, "first-action")).toMatchObject({ "Same day": ["1", "33%"], "Next day": ["1", "33%"], "3 to 5 days": ["1", "33%"], "More than 10 days": ["0", "0%"] });
    expect(key(r, "reached-outcome")).toBe("20%");
    expect(table(r, "referral-results")).toEqual({
      "Reached an outcome": ["1", "20%"],
      "Still in progress": ["2", "40%"],
      "Declined by the service": ["1", "20%"],
      "Closed or withdrawn without an outcome": ["1", "20%"],
      Total: ["5", "100%"],
    });
  });

  it("counts people helped by month with hours, and first passes of core modules", () => {
    expect(key(r, "people-helped")).toBe("3");
    expect(key(r, "hours")).toBe("2.3");
    expect(table(r, "people-helped")).toEqual({ "Jan 2026": ["2", "1.3"], "Feb 2026": ["0", "0"], "Mar 2026": ["1", "1"], Total: ["3", "2.3"] });
    const training = table(r, "training");
    expect(training["Being a Digital Champion"]).toEqual(["1"]);
    expect(training["Online safety"]).toEqual(["0"]);
  });
});

describe("directory health: listings by when they were last checked, and open problem reports", () => {
  it("counts a coordinator's own area only", async () => {
    const r = await report(coordinator, Q1);
    expect(table(r, "directory-health")).toEqual({
      "In the last 6 months": ["2", "40%"],
      "6 to 12 months ago": ["1", "20%"],
      "More than 12 months ago": ["1", "20%"],
      "Never checked": ["1", "20%"],
      Total: ["5", "100%"],
    });
    expect(key(r, "verified")).toBe("40%");
    expect(key(r, "problem-reports")).toBe("3");
  });

  it("counts every area and national listings for all areas, and one area on its own", async () => {
    const all = await report(admin, Q1);
    expect(table(all, "directory-health")).toEqual({
      "In the last 6 months": ["4", "44%"],
      "6 to 12 months ago": ["2", "22%"],
      "More than 12 months ago": ["2", "22%"],
      "Never checked": ["1", "11%"],
      Total: ["9", "100%"],
    });
    expect(key(all, "verified")).toBe("44%");
    expect(key(all, "problem-reports")).toBe("5");

    const thanet = await report(admin, `${Q1}&area=${IDS.thanet}`);
    expect(table(thanet, "directory-health")).toMatchObject({ "In the last 6 months": ["1", "33%"], "6 to 12 months ago": ["1", "33%"], "More than 12 months ago": ["1", "33%"], "Never checked": ["0", "0%"] });
    expect(key(thanet, "verified")).toBe("33%");
    expect(key(thanet, "problem-reports")).toBe("1");
  });
});

describe("/reports for an admin across all areas", () => {
  it("adds Thanet and activity with no area to the same figures", async () => {
    const r = await report(admin, Q1);
    expect(r.area).toBe("All areas");
    expect(key(r, "triages")).toBe("5");
    expect(table(r, "triage-modes")).toEqual({ "With a champion or staff": ["3"], "Self-check by the resident": ["2"], Total: ["5"] });
    expect(table(r, "barriers")["Access to a device"]).toEqual(["1", "2", "3", "60%"]);
    expect(key(r, "referrals")).toBe("7");
    expect(table(r, "referral-outcomes")["Received data or a SIM"]).toEqual(["1", "50%"]);
    expect(key(r, "median-first-action")).toBe("2 days"); // 0, 1, 3, 4
    expect(key(r, "people-helped")).toBe("4");
    expect(table(r, "training")["Being a Digital Champion"]).toEqual(["2"]);
  });

  it("can look at one area", async () => {
    const r = await report(admin, `${Q1}&area=${IDS.thanet}`);
    expect(r.area).toBe("Thanet");
    expect(key(r, "triages")).toBe("1");
    expect(key(r, "referrals")).toBe("1");
  });
});

describe("keeping referral counts up to date", () => {
  it("counts a referral made or changed after the last report", async () => {
    const db = getDb();
    const before = await report(coordinator, Q1);
    expect(key(before, "referrals")).toBe("6");
    const id = await insertReferral(db, { createdAt: "2026-03-20T10:00:00.000Z", serviceId: IDS.parkWood, areaId: IDS.maidstone, status: "sent" });
    expect(key(await report(coordinator, Q1), "referrals")).toBe("7");
    await db.updateTable("referrals").set({ status: "declined", decline_reason: "no-capacity", first_action_at: "2026-03-20T12:00:00.000Z", updated_at: new Date().toISOString() }).where("id", "=", id).execute();
    const after = await report(coordinator, Q1);
    expect(table(after, "referral-statuses")["Declined"]).toEqual(["2", "33%"]);
    expect(table(after, "referral-statuses")["Sent to the service"]).toEqual(["1", "17%"]);
  });
});
