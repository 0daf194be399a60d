import { beforeAll, describe, expect, it } from "vitest";
import { seedDirectory } from "~/directory/seed.server";
import { getDb } from "~/lib/db.server";
import { runReferralJobs } from "~/referrals/jobs.server";
import { countsFor } from "~/reports/figures.server";
import type { Period } from "~/reports/period";
import { rebuildReferralCounts, recountReferralDays, refreshReferralCounts } from "~/reports/referral-counts.server";
import { IDS, insertReferral, saveTriage } from "./fixtures";

/**
 * The monthly roll-up must always hold exactly its days' counts added up: the reports read whole
 * months from it and the rest from the days, so any drift would show as wrong figures.
 */
async function dailyRows() {
  return getDb().selectFrom("report_counts_daily").select(["day", "area_id", "measure", "key", "count"]).execute();
}

/** The daily counts added up by month, and the roll-up, each as month|area|measure|key → count. */
async function rollUpAndDays(): Promise<{ rollUp: Record<string, number>; days: Record<string, number> }> {
  const days: Record<string, number> = {};
  for (const r of await dailyRows()) {
    const id = [r.day.slice(0, 7), r.area_id, r.measure, r.key].join("|");
    days[id] = (days[id] ?? 0) + Number(r.count);
  }
  const monthly = await getDb().selectFrom("report_counts_monthly").select(["month", "area_id", "measure", "key", "count"]).execute();
  const rollUp = Object.fromEntries(monthly.map((r) => [[r.month, r.area_id, r.measure, r.key].join("|"), Number(r.count)]));
  return { rollUp, days };
}

async function expectRollUpToMatchDays(): Promise<void> {
  const { rollUp, days } = await rollUpAndDays();
  expect(Object.keys(days).length).toBeGreaterThan(0);
  expect(rollUp).toEqual(days);
}

/** What the period's counts are, added up from the daily rows alone. */
async function fromDaysAlone(period: Period, areaIds: readonly string[] | "all") {
  const totals = new Map<string, number>();
  for (const r of await dailyRows()) {
    if (r.day < period.from || r.day > period.to) continue;
    if (areaIds !== "all" && !areaIds.includes(r.area_id)) continue;
    const id = `${r.measure}|${r.key}`;
    totals.set(id, (totals.get(id) ?? 0) + Number(r.count));
  }
  return Object.fromEntries([...totals].sort());
}

async function fromReport(period: Period, areaIds: readonly string[] | "all") {
  const rows = await countsFor(getDb(), { period, areaIds, today: "2026-06-01" });
  return Object.fromEntries(rows.map((r) => [`${r.measure}|${r.key}`, r.count]).sort());
}

let changing: string;
let toClose: string;

beforeAll(async () => {
  const db = getDb();
  await seedDirectory(db);
  const m = IDS.maidstone;
  // Triages either side of month ends in UK time, in two areas and none.
  await saveTriage(db, { at: "2026-01-10T11:00:00.000Z", mode: "assisted", postcode: "ME14 1LE", barriers: { device: "high", skills: "some" }, level: "below-foundation", goals: ["job-search", "health"] });
  await saveTriage(db, { at: "2026-01-31T23:50:00.000Z", mode: "self", postcode: "ME15", barriers: { device: "some" }, level: "foundation", goals: ["health"] });
  await saveTriage(db, { at: "2026-02-01T00:10:00.000Z", mode: "self", postcode: "ME15", barriers: { device: "some" }, level: "foundation" });
  await saveTriage(db, { at: "2026-02-17T09:00:00.000Z", mode: "assisted", postcode: "CT9", barriers: { device: "high" }, level: "life", goals: ["save-money"] });
  await saveTriage(db, { at: "2026-03-31T23:30:00.000Z", mode: "self", postcode: "ME14", barriers: { accessibility: "high" }, level: "foundation" }); // 1 April, 00:30 BST
  await saveTriage(db, { at: "2026-03-15T10:00:00.000Z", mode: "self", barriers: { skills: "high" }, level: "below-foundation" });

  await insertReferral(db, { createdAt: "2026-01-12T10:00:00.000Z", serviceId: IDS.parkWood, areaId: m, status: "closed", firstActionAt: "2026-01-13T09:00:00.000Z", outcome: "got-online" });
  changing = await insertReferral(db, { createdAt: "2026-01-31T23:30:00.000Z", serviceId: IDS.parkWood, areaId: m, status: "sent" });
  toClose = await insertReferral(db, { createdAt: "2026-02-02T10:00:00.000Z", serviceId: IDS.sightAndSound, areaId: m, status: "contacted", firstActionAt: "2026-02-06T09:00:00.000Z" });
  await insertReferral(db, { createdAt: "2026-02-20T10:00:00.000Z", serviceId: IDS.cliftonville, areaId: IDS.thanet, status: "outcome", firstActionAt: "2026-02-23T10:00:00.000Z", outcome: "received-data" });
  await insertReferral(db, { createdAt: "2026-03-05T10:00:00.000Z", serviceId: IDS.sightAndSound, areaId: m, kind: "logged", status: "closed" });
  await refreshReferralCounts(db);
});

describe("the monthly roll-up of the report counts", () => {
  it("holds each month's days added up once triages are saved and referrals counted", async () => {
    await expectRollUpToMatchDays();
    const { rollUp } = await rollUpAndDays();
    expect(rollUp[`2026-02|${IDS.maidstone}|mode|self`]).toBe(1);
    expect(rollUp[`2026-01|${IDS.maidstone}|mode|self`]).toBe(1);
    expect(rollUp[`2026-04|${IDS.maidstone}|mode|self`]).toBe(1);
    expect(rollUp[`2026-01|${IDS.maidstone}|referral-service|${IDS.parkWood}`]).toBe(2);
  });

  it("follows a referral whose status changes, taking its old count away from the month", async () => {
    const db = getDb();
    const oldKey = `2026-01|${IDS.maidstone}|referral|live|sent||0`;
    expect((await rollUpAndDays()).rollUp[oldKey]).toBe(1);
    await db.updateTable("referrals").set({ status: "declined", decline_reason: "no-capacity", first_action_at: "2026-02-01T12:00:00.000Z", updated_at: new Date().toISOString() }).where("id", "=", changing).execute();
    await refreshReferralCounts(db);
    const { rollUp } = await rollUpAndDays();
    // 1 February 2026 is a GMT day, so 23:30 on 31 January is still January.
    expect(rollUp[oldKey]).toBeUndefined();
    expect(rollUp[`2026-01|${IDS.maidstone}|referral|live|declined||1`]).toBe(1);
    await expectRollUpToMatchDays();
  });

  it("stays equal to the days when the referral jobs close, and retention erases, referrals", async () => {
    const db = getDb();
    // A year on: the open referral is closed by Waymark, and closed ones are past retention.
    const report = await runReferralJobs(db, new Date("2027-06-01T09:00:00.000Z"), { baseUrl: "http://localhost", retentionMonths: 6 });
    expect(report.closed).toBeGreaterThan(0);
    await refreshReferralCounts(db);
    await expectRollUpToMatchDays();
    const closed = await db.selectFrom("referrals").select("status").where("id", "=", toClose).executeTakeFirstOrThrow();
    expect(closed.status).toBe("closed");
    const erased = await runReferralJobs(db, new Date("2028-06-01T09:00:00.000Z"), { baseUrl: "http://localhost", retentionMonths: 6 });
    expect(erased.erased).toBeGreaterThan(0);
    await refreshReferralCounts(db);
    await expectRollUpToMatchDays();
  });

  it("stays equal when the same days are counted again at the same time (two servers at once)", async () => {
    const db = getDb();
    await db.updateTable("referrals").set({ status: "attended", updated_at: new Date().toISOString() }).where("id", "=", toClose).execute();
    const days = ["2026-01-12", "2026-01-31", "2026-02-02", "2026-02-20", "2026-03-05"];
    for (let round = 0; round < 5; round++) await Promise.all([recountReferralDays(db, days), recountReferralDays(db, [...days].reverse()), recountReferralDays(db, days)]);
    await expectRollUpToMatchDays();
    expect((await rollUpAndDays()).rollUp[`2026-02|${IDS.maidstone}|referral|live|attended||0`]).toBe(1);
  });

  it("is built again with the referral counts", async () => {
    await rebuildReferralCounts(getDb());
    await expectRollUpToMatchDays();
  });

  it("counts every one of several triages saved at the same time, in the month as in the day", async () => {
    const db = getDb();
    const before = (await rollUpAndDays()).rollUp[`2026-03|${IDS.maidstone}|goal|health`] ?? 0;
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        // Different modes and levels, and the same goals chosen in different orders.
        i % 2
          ? saveTriage(db, { at: "2026-03-10T12:00:00.000Z", mode: "self", postcode: "ME14", level: "foundation", goals: ["health", "job-search", "save-money"] })
          : saveTriage(db, { at: "2026-03-10T12:00:00.000Z", mode: "assisted", postcode: "ME14", level: "life", goals: ["save-money", "job-search", "health"] }),
      ),
    );
    await expectRollUpToMatchDays();
    expect((await rollUpAndDays()).rollUp[`2026-03|${IDS.maidstone}|goal|health`]).toBe(before + 12);
  });

  it("adds a triage saved later to its month", async () => {
    const db = getDb();
    await saveTriage(db, { at: "2026-02-28T12:00:00.000Z", mode: "self", postcode: "ME14", barriers: { device: "high" }, level: "foundation" });
    await expectRollUpToMatchDays();
    expect((await rollUpAndDays()).rollUp[`2026-02|${IDS.maidstone}|mode|self`]).toBe(2);
  });
});

describe("reading a period from months and days", () => {
  const periods: [string, Period][] = [
    ["whole months", { from: "2026-01-01", to: "2026-03-31" }],
    ["a part month at each end", { from: "2026-01-11", to: "2026-04-01" }],
    ["one day either side of whole months", { from: "2026-01-31", to: "2026-03-01" }],
    ["days inside one month", { from: "2026-02-02", to: "2026-02-27" }],
    ["one day", { from: "2026-02-01", to: "2026-02-01" }],
    ["across the turn of a year", { from: "2025-12-15", to: "2026-02-28" }],
  ];

  it.each(periods)("gives the same counts as the days alone: %s", async (_, period) => {
    const fromDays = await fromDaysAlone(period, "all");
    expect(Object.keys(fromDays).length).toBeGreaterThan(0);
    expect(await fromReport(period, "all")).toEqual(fromDays);
    expect(await fromReport(period, [IDS.maidstone])).toEqual(await fromDaysAlone(period, [IDS.maidstone]));
  });
});
