import { describe, expect, it } from "vitest";
import { DEFAULT_RETENTION_MONTHS, erasePersonalData, isDueForErasure, PERSONAL_DATA_COLUMNS, retentionDeadline } from "~/referrals/retention";

describe("retentionDeadline", () => {
  it("is the same moment six months on by default", () => {
    expect(DEFAULT_RETENTION_MONTHS).toBe(6);
    expect(retentionDeadline("2026-03-02T10:15:00.000Z", 6)).toBe("2026-09-02T10:15:00.000Z");
  });

  it("ends on the last day of a shorter month rather than spilling into the next", () => {
    expect(retentionDeadline("2026-08-31T12:00:00.000Z", 6)).toBe("2027-02-28T12:00:00.000Z");
    expect(retentionDeadline("2027-08-31T12:00:00.000Z", 6)).toBe("2028-02-29T12:00:00.000Z");
  });

  it("crosses a year end and accepts other periods, including none", () => {
    expect(retentionDeadline(new Date("2026-11-15T09:00:00Z"), 3)).toBe("2027-02-15T09:00:00.000Z");
    expect(retentionDeadline("2026-11-15T09:00:00Z", 0)).toBe("2026-11-15T09:00:00.000Z");
  });

  it("refuses a period that is not a whole number of months, and a closing time that is not a time", () => {
    expect(() => retentionDeadline("2026-11-15T09:00:00Z", -1)).toThrow(RangeError);
    expect(() => retentionDeadline("2026-11-15T09:00:00Z", 1.5)).toThrow(RangeError);
    expect(() => retentionDeadline("soon", 6)).toThrow(RangeError);
  });
});

describe("isDueForErasure", () => {
  const closed = { closed_at: "2026-03-02T10:15:00.000Z", personal_data_erased_at: null };

  it("is due from the deadline, not a moment before", () => {
    expect(isDueForErasure(closed, "2026-09-02T10:14:59.999Z", 6)).toBe(false);
    expect(isDueForErasure(closed, "2026-09-02T10:15:00.000Z", 6)).toBe(true);
  });

  it("follows the configured period", () => {
    expect(isDueForErasure(closed, "2026-06-03T00:00:00.000Z", 3)).toBe(true);
    expect(isDueForErasure(closed, "2026-06-03T00:00:00.000Z", 12)).toBe(false);
  });

  it("is never due for an open referral or one already erased", () => {
    expect(isDueForErasure({ closed_at: null, personal_data_erased_at: null }, "2030-01-01T00:00:00Z", 6)).toBe(false);
    expect(isDueForErasure({ ...closed, personal_data_erased_at: "2026-09-03T00:00:00Z" }, "2030-01-01T00:00:00Z", 6)).toBe(false);
  });
});

describe("erasePersonalData", () => {
  it("blanks every personal column and records when", () => {
    const update = erasePersonalData("2026-09-02T10:15:00.000Z");
    for (const column of PERSONAL_DATA_COLUMNS) expect(update[column]).toBeNull();
    expect(update).toMatchObject({ personal_data_erased_at: "2026-09-02T10:15:00.000Z", updated_at: "2026-09-02T10:15:00.000Z" });
  });

  it("keeps what reports need", () => {
    const update = erasePersonalData("2026-09-02T10:15:00.000Z");
    for (const kept of ["status", "outcome", "outward_code", "reasons", "service_id", "area_id", "contact_method"]) {
      expect(update).not.toHaveProperty(kept);
    }
    expect(PERSONAL_DATA_COLUMNS).toEqual(expect.arrayContaining(["person_name", "contact_detail", "access_needs", "safeguarding_note"]));
  });
});
