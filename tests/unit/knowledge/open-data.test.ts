import { describe, expect, it } from "vitest";
import {
  directoryCsv,
  monthInUk,
  REFERRAL_STATISTICS_HEADER,
  referralResult,
  referralStatisticsCsv,
  TRIAGE_STATISTICS_HEADER,
  triageStatisticsCsv,
  type DirectoryRecord,
  type ReferralRecord,
  type TriageCount,
  ukMonthOfBucket,
} from "~/knowledge/open-data";
import type { BarrierId } from "~/lib/frameworks";

const lines = (csv: string) => csv.trimEnd().split("\r\n").map((line) => line.split(","));

/** `count` triages in one month and area, each finding these barriers, as the daily counts hold them. */
function triages(count: number, month: string, areaName: string | null, barriers: Partial<Record<BarrierId, "some" | "high">> = {}): TriageCount[] {
  return [
    { month, areaName, measure: "mode", key: "self", count },
    ...Object.entries(barriers).map(([id, severity]) => ({ month, areaName, measure: "barrier" as const, key: `${id}:${severity}`, count })),
  ];
}

describe("monthInUk", () => {
  it("counts by the UK calendar, reading SQLite's zone-less timestamps as UTC", () => {
    expect(monthInUk("2026-03-31T23:30:00.000Z")).toBe("2026-04"); // 00:30 BST on 1 April
    expect(monthInUk("2026-03-31 23:30:00")).toBe("2026-04");
    expect(monthInUk("2026-01-31 23:30:00")).toBe("2026-01"); // GMT: still January
    expect(() => monthInUk("yesterday")).toThrow(RangeError);
  });

  it("reads the groups the database makes: a UTC month, or a UTC day for the hour before midnight", () => {
    expect(ukMonthOfBucket("2026-03")).toBe("2026-03");
    expect(ukMonthOfBucket("2026-03-31")).toBe("2026-04"); // 23:xx UTC is 00:xx BST on 1 April
    expect(ukMonthOfBucket("2026-01-31")).toBe("2026-01"); // 23:xx GMT
    expect(ukMonthOfBucket("2026-03-30")).toBe("2026-03");
    expect(() => ukMonthOfBucket("")).toThrow(RangeError);
  });
});

describe("triageStatisticsCsv", () => {
  it("counts checks and barriers found at some or high, by month and area", () => {
    const records = [
      ...triages(6, "2026-02", "Thanet", { device: "high", skills: "some" }),
      ...triages(6, "2026-02", "Thanet", { device: "some", skills: "some" }),
      ...triages(7, "2026-02", "Maidstone", { skills: "high" }),
    ];
    const [header, maidstone, thanet] = lines(triageStatisticsCsv(records));
    expect(header).toEqual(TRIAGE_STATISTICS_HEADER);
    const column = (name: string) => header.indexOf(name);
    expect(maidstone.slice(0, 3)).toEqual(["2026-02", "Maidstone", "7"]);
    expect(maidstone[column("barrier_skills")]).toBe("7");
    expect(maidstone[column("barrier_device")]).toBe("0");
    expect(thanet[column("triages")]).toBe("12");
    expect(thanet[column("barrier_device")]).toBe("12");
    expect(thanet[column("barrier_skills")]).toBe("12");
    expect(thanet[column("barrier_support")]).toBe("0");
  });

  it("hides small counts, and a second count in a row with only one", () => {
    // Thanet: 9 checks, 3 of them found a device barrier and 6 a skills one.
    const records = [
      ...triages(3, "2026-02", "Thanet", { device: "high", skills: "some" }),
      ...triages(3, "2026-02", "Thanet", { skills: "some" }),
      ...triages(3, "2026-02", "Thanet", {}),
      ...triages(20, "2026-02", "Maidstone", { device: "some", skills: "high" }),
    ];
    const [header, maidstone, thanet] = lines(triageStatisticsCsv(records));
    const column = (name: string) => header.indexOf(name);
    expect(thanet[column("barrier_device")]).toBe("<5");
    // The only other non-zero cell in Thanet's row that is smallest: skills (6) before triages (9).
    expect(thanet[column("barrier_skills")]).toBe("[c]");
    expect(thanet[column("triages")]).toBe("9");
    // The device column now has one hidden cell (Thanet's), so Maidstone's is hidden too.
    expect(maidstone[column("barrier_device")]).toBe("[c]");
    expect(thanet.filter((cell) => cell === "<5" || cell === "[c]").length).not.toBe(1);
  });

  it("hides a barrier count that leaves 1 to 4 triages without it, and protects it like a small count", () => {
    // Thanet: 20 checks, 17 with a device barrier, so 3 without; Maidstone: 30 checks, 12 with one.
    const records = [
      ...triages(17, "2026-02", "Thanet", { device: "high", skills: "some" }),
      ...triages(3, "2026-02", "Thanet", { skills: "some" }),
      ...triages(12, "2026-02", "Maidstone", { device: "some" }),
      ...triages(18, "2026-02", "Maidstone", { skills: "high" }),
    ];
    const [header, maidstone, thanet] = lines(triageStatisticsCsv(records));
    const column = (name: string) => header.indexOf(name);
    expect(thanet[column("triages")]).not.toMatch(/^\d+$/);
    expect(thanet[column("barrier_device")]).toBe("[c]");
    // The device column's total for February would give the 17 back, so Maidstone's 12 goes too.
    expect(maidstone[column("barrier_device")]).toBe("[c]");
    // 20 − 20 with a skills barrier is 0: nothing to give away.
    expect(thanet[column("barrier_skills")]).toBe("20");
    // No row can be subtracted from its triages to leave 1 to 4.
    for (const row of [maidstone, thanet]) {
      for (const name of header.filter((h) => h.startsWith("barrier_"))) {
        if (/^\d+$/.test(row[column("triages")]) && /^\d+$/.test(row[column(name)])) expect(Number(row[column("triages")]) - Number(row[column(name)])).not.toSatisfy((n: number) => n > 0 && n < 5);
      }
    }
  });

  it("writes an area it cannot place as not known", () => {
    const [, row] = lines(triageStatisticsCsv(triages(5, "2026-03", null)));
    expect(row.slice(0, 3)).toEqual(["2026-03", "Area not known", "5"]);
  });
});

const base: ReferralRecord = {
  kind: "live",
  status: "new",
  outcome: null,
  declineReason: null,
  closedFrom: null,
  month: "2026-02",
  areaName: "Thanet",
  categoryNames: ["Free SIM card or mobile data"],
  count: 1,
};

describe("referralResult", () => {
  it.each([
    [{ kind: "logged" as const, status: "closed" as const }, "signposted"],
    [{ status: "sent" as const }, "in_progress"],
    [{ status: "withdrawn" as const }, "withdrawn"],
    [{ status: "closed" as const, outcome: "got-online" as const }, "got_help"],
    [{ status: "outcome" as const, outcome: "no-longer-needed" as const }, "no_longer_needed"],
    [{ status: "declined" as const, declineReason: "not-eligible" as const }, "declined_not_eligible"],
    [{ status: "closed" as const, declineReason: "no-capacity" as const }, "declined_no_capacity"],
    [{ status: "declined" as const, declineReason: "duplicate" as const }, "declined_other"],
    [{ status: "couldnt-contact" as const }, "could_not_contact"],
    [{ status: "closed" as const, closedFrom: "couldnt-contact" as const }, "could_not_contact"],
    [{ status: "closed" as const, closedFrom: "did-not-attend" as const }, "did_not_attend"],
  ])("%o is %s", (facts, expected) => {
    expect(referralResult({ ...base, ...facts })).toBe(expected);
  });
});

describe("referralStatisticsCsv", () => {
  it("puts each referral in one result column, so the columns add up to the referrals", () => {
    const records: ReferralRecord[] = [
      ...Array.from({ length: 10 }, () => ({ ...base, status: "closed" as const, outcome: "received-data" as const })),
      ...Array.from({ length: 6 }, () => ({ ...base, status: "sent" as const })),
      ...Array.from({ length: 5 }, () => ({ ...base, kind: "logged" as const, status: "closed" as const })),
    ];
    const [header, row] = lines(referralStatisticsCsv(records));
    expect(header).toEqual(REFERRAL_STATISTICS_HEADER);
    const value = (name: string) => row[header.indexOf(name)];
    expect(row.slice(0, 3)).toEqual(["2026-02", "Thanet", "Free SIM card or mobile data"]);
    expect(value("referrals")).toBe("21");
    expect(value("got_help")).toBe("10");
    expect(value("in_progress")).toBe("6");
    expect(value("signposted")).toBe("5");
    expect(value("withdrawn")).toBe("0");
  });

  it("counts a referral under each of its service's categories, and one without under No category", () => {
    const csv = referralStatisticsCsv([
      ...Array.from({ length: 5 }, () => ({ ...base, categoryNames: ["A", "B"] })),
      ...Array.from({ length: 5 }, () => ({ ...base, categoryNames: [] })),
    ]);
    expect(lines(csv).slice(1).map((row) => [row[2], row[3]])).toEqual([
      ["A", "5"],
      ["B", "5"],
      ["No category", "5"],
    ]);
  });

  it("hides a lone small outcome and the next smallest in its row", () => {
    const records: ReferralRecord[] = [
      ...Array.from({ length: 2 }, () => ({ ...base, status: "declined" as const, declineReason: "no-capacity" as const })),
      ...Array.from({ length: 7 }, () => ({ ...base, status: "sent" as const })),
      ...Array.from({ length: 9 }, () => ({ ...base, status: "outcome" as const, outcome: "got-online" as const })),
    ];
    const [header, row] = lines(referralStatisticsCsv(records));
    const value = (name: string) => row[header.indexOf(name)];
    expect(value("declined_no_capacity")).toBe("<5");
    expect(value("in_progress")).toBe("[c]");
    expect(value("got_help")).toBe("9");
    expect(value("referrals")).toBe("18");
  });
});

describe("directoryCsv", () => {
  const service: DirectoryRecord = {
    id: "svc-1",
    name: "=HYPERLINK(\"http://evil.example\",\"Click\")",
    organisation: "Thanet Libraries, Margate",
    categoryNames: ["Drop-in help", "Free SIM card or mobile data"],
    areaName: "Thanet",
    postcodeDistricts: ["CT9", "CT11", "CT9"],
    free: true,
    attendingModes: ["in-person", "phone"],
    phone: "+44 1843 000000",
    email: "help@example.org",
    url: "https://example.org",
    lastVerified: "2026-10-01",
  };

  it("writes one row per service, quoting and guarding cells a spreadsheet would misread", () => {
    const csv = directoryCsv([service]);
    const [header, row] = csv.split("\r\n");
    expect(header).toBe("id,name,organisation,categories,area,postcode_district,free,attending_modes,phone,email,url,last_verified");
    expect(row).toBe(
      [
        "svc-1",
        "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"",
        '"Thanet Libraries, Margate"',
        "Drop-in help; Free SIM card or mobile data",
        "Thanet",
        "CT11; CT9",
        "yes",
        "in person; phone",
        "'+44 1843 000000",
        "help@example.org",
        "https://example.org",
        "2026-10-01",
      ].join(","),
    );
  });
});
