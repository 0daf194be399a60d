import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { ReferralStatus } from "~db/schema/referrals";
import { seedDirectory } from "~/directory/seed.server";
import { getDb } from "~/lib/db.server";
import { recordTriageFacts } from "~/reports/triage-facts.server";
import { loader as directoryCsvLoader } from "~/routes/knowledge.data.directory[.]csv";
import { loader as directoryJsonLoader } from "~/routes/knowledge.data.directory[.]json";
import { loader as referralLoader } from "~/routes/knowledge.data.referral-statistics[.]csv";
import { loader as triageLoader } from "~/routes/knowledge.data.triage-statistics[.]csv";
import { createTestArea, createTestOrganisation } from "../../helpers/auth";

function parse(csv: string): Record<string, string>[] {
  // The fixtures below hold no quoted commas in the statistics files, so a plain split is enough there.
  const [header, ...rows] = csv.trimEnd().split("\r\n").map((line) => line.split(","));
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
}

let area: string;
let serviceId: string;
const AREA_NAME = `Open data area ${randomUUID().slice(0, 6)}`;

async function addTriages(count: number, completedAt: string, barriers: Record<string, string>) {
  const rows = Array.from({ length: count }, () => ({
    id: randomUUID(),
    reference: randomUUID().slice(0, 8).toUpperCase(),
    mode: "self" as const,
    bank_version: "test",
    outward_postcode: null,
    area_id: area,
    answers: "{}",
    result: JSON.stringify({
      format: 1,
      result: { barriers: Object.fromEntries(Object.entries(barriers).map(([id, severity]) => [id, { severity, because: [] }])), skills: { level: "foundation" }, goals: [] },
    }),
    observations: null,
    created_by_user_id: null,
    organisation_id: null,
    completed_at: completedAt,
  }));
  await getDb().insertInto("triage_results").values(rows).execute();
  // As saveTriageResult does: the statistics are read from the counts made when a triage is saved.
  for (const row of rows) await recordTriageFacts(getDb(), row.id);
}

async function addReferrals(count: number, status: ReferralStatus, extra: { outcome?: "got-online"; decline_reason?: "not-eligible"; closedFrom?: ReferralStatus; createdAt?: string } = {}) {
  const db = getDb();
  const organisationId = (await db.selectFrom("services").select("organisation_id").where("id", "=", serviceId).executeTakeFirstOrThrow()).organisation_id;
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    await db
      .insertInto("referrals")
      .values({
        id,
        reference: randomUUID().slice(0, 8).toUpperCase(),
        kind: "live",
        status,
        service_id: serviceId,
        organisation_id: organisationId,
        area_id: area,
        reasons: JSON.stringify({ barriers: [], goals: [] }),
        person_name: "Private Person",
        contact_detail: "private@example.org",
        outcome: extra.outcome ?? null,
        decline_reason: extra.decline_reason ?? null,
        created_at: extra.createdAt ?? "2026-05-12 09:00:00",
      })
      .execute();
    if (extra.closedFrom) {
      await db
        .insertInto("referral_events")
        .values({ id: randomUUID(), referral_id: id, from_status: extra.closedFrom, to_status: "closed", actor_user_id: null, actor_label: "Test", note: null, at: "2026-05-20T09:00:00.000Z" })
        .execute();
    }
  }
}

beforeAll(async () => {
  const db = getDb();
  await seedDirectory(db);
  area = await createTestArea(db, AREA_NAME);
  // A service with a name that would run as a formula in a spreadsheet.
  const organisationId = await createTestOrganisation(db, "Formula Org, Ltd");
  serviceId = randomUUID();
  await db
    .insertInto("services")
    .values({ id: serviceId, organisation_id: organisationId, area_id: area, name: "=HYPERLINK(\"http://evil.example\")", published: 1, assured_date: "2026-10-01" })
    .execute();
  const term = await db.selectFrom("taxonomy_terms").select("id").where("code", "=", "free-data").executeTakeFirstOrThrow();
  await db.insertInto("attributes").values({ id: randomUUID(), link_id: serviceId, link_type: "service", link_entity: "service", taxonomy_term_id: term.id, value: null, label: null }).execute();
});

describe("/knowledge/data/triage-statistics.csv", () => {
  it("counts by month and area, hiding counts under 5 and a second count where one would stand alone", async () => {
    // April: 12 checks; 3 with a device barrier (small), 8 with skills, 12 with support.
    await addTriages(3, "2026-04-10T10:00:00.000Z", { device: "high", skills: "some", support: "some" });
    await addTriages(5, "2026-04-11T10:00:00.000Z", { skills: "high", support: "high", language: "none" });
    await addTriages(4, "2026-04-12T10:00:00.000Z", { support: "some" });
    // May: 2 checks in all, so even the total is small.
    await addTriages(2, "2026-05-01T10:00:00.000Z", { device: "some" });
    // June: 20 checks, 17 with a device barrier: 20 − 17 would say 3 had none.
    await addTriages(17, "2026-06-03T10:00:00.000Z", { device: "high" });
    await addTriages(3, "2026-06-04T10:00:00.000Z", { skills: "some" });
    // 00:30 BST on 1 July counts in July.
    await addTriages(5, "2026-06-30T23:30:00.000Z", { skills: "high" });

    const response = await triageLoader();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toContain("triage-statistics.csv");
    const csv = await response.text();
    expect(csv.split("\r\n")[0]).toBe(
      "month,area,triages,barrier_device,barrier_connectivity,barrier_affordability,barrier_skills,barrier_confidence,barrier_motivation,barrier_accessibility,barrier_language,barrier_support",
    );
    const mine = parse(csv).filter((row) => row.area === AREA_NAME);
    const april = mine.find((row) => row.month === "2026-04")!;
    expect(april.barrier_device).toBe("<5");
    expect(april.barrier_skills).toBe("[c]");
    expect(april.triages).toBe("12");
    expect(april.barrier_support).toBe("12");
    expect(april.barrier_language).toBe("0");
    const may = mine.find((row) => row.month === "2026-05")!;
    expect(may.triages).toBe("<5");
    expect(may.barrier_device).toBe("<5");
    const june = mine.find((row) => row.month === "2026-06")!;
    expect(june.barrier_device).toBe("[c]");
    expect(mine.find((row) => row.month === "2026-07")).toMatchObject({ triages: "5", barrier_skills: "5" });
    // No cell anywhere shows a count from 1 to 4.
    for (const row of parse(csv)) for (const [name, value] of Object.entries(row)) if (name !== "month" && name !== "area") expect(value).not.toMatch(/^[1-4]$/);
  });
});

describe("/knowledge/data/referral-statistics.csv", () => {
  it("counts referrals and outcomes by month, area and category, suppressed, with nothing personal", async () => {
    await addReferrals(9, "closed", { outcome: "got-online", closedFrom: "outcome" });
    await addReferrals(6, "sent");
    await addReferrals(2, "closed", { closedFrom: "couldnt-contact" });
    // 00:30 BST on 1 July, and 23:30 GMT on 31 January: July, and January.
    await addReferrals(5, "sent", { createdAt: "2026-06-30T23:30:00.000Z" });
    await addReferrals(6, "sent", { createdAt: "2026-01-31T23:30:00.000Z" });
    const response = await referralLoader();
    expect(response.status).toBe(200);
    const csv = await response.text();
    expect(csv).not.toContain("Private Person");
    expect(csv).not.toContain("private@example.org");
    expect(csv.split("\r\n")[0]).toBe(
      "month,area,category,referrals,signposted,in_progress,got_help,no_longer_needed,declined_not_eligible,declined_no_capacity,declined_other,could_not_contact,did_not_attend,withdrawn",
    );
    const mine = parse(csv).filter((r) => r.area === AREA_NAME);
    expect(mine.map((r) => r.month)).toEqual(["2026-01", "2026-05", "2026-07"]);
    expect(mine[1]).toMatchObject({ month: "2026-05", category: "Free SIM card or mobile data", referrals: "17", got_help: "9", could_not_contact: "<5", in_progress: "[c]", withdrawn: "0" });
    expect(mine[0]).toMatchObject({ referrals: "6", in_progress: "6" });
    expect(mine[2]).toMatchObject({ referrals: "5", in_progress: "5" });
  });
});

describe("/knowledge/data/directory.csv", () => {
  it("lists each published service once, with a header, and guards cells a spreadsheet would run", async () => {
    const response = await directoryCsvLoader();
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const csv = await response.text();
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,name,organisation,categories,area,postcode_district,free,attending_modes,phone,email,url,last_verified");
    const published = await getDb().selectFrom("services").select("id").where("published", "=", 1).where("status", "=", "active").execute();
    expect(lines).toHaveLength(published.length + 1);
    const mine = lines.find((line) => line.startsWith(`${serviceId},`))!;
    expect(mine).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(mine).toContain('"Formula Org, Ltd"');
    expect(mine).toContain(`Free SIM card or mobile data,${AREA_NAME},,yes,,,,,2026-10-01`);
    expect(lines.some((line) => /^[^,]+,[=+\-@]/.test(line))).toBe(false);
  });
});

describe("/knowledge/data/directory.json", () => {
  it("is an array of every published service in full ORUK form", async () => {
    const response = await directoryJsonLoader();
    expect(response.headers.get("content-type")).toContain("application/json");
    const services = (await response.json()) as Record<string, unknown>[];
    const published = await getDb().selectFrom("services").select("id").where("published", "=", 1).where("status", "=", "active").execute();
    expect(services.map((s) => s.id).sort()).toEqual(published.map((s) => s.id).sort());
    const mine = services.find((s) => s.id === serviceId)!;
    expect(mine).toMatchObject({ name: "=HYPERLINK(\"http://evil.example\")" });
    expect(Array.isArray(mine.attributes)).toBe(true);
    expect(services.every((s) => Array.isArray(s.service_at_locations) && typeof s.organization === "object")).toBe(true);
  });
});
