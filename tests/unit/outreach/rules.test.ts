import { describe, expect, it } from "vitest";
import { ukLocalTimeToDate } from "~/outreach/campaign-form";
import { personalMessage, SAMPLE_LINKS } from "~/outreach/campaign-message";
import { audienceCountText, consentWords } from "~/outreach/outreach";
import { inQuietHours, nextTextAllowedAt, parseQuietHours } from "~/outreach/quiet-hours";
import { publishResults } from "~/outreach/results";
import { smsCostPence, smsLength } from "~/outreach/sms-length";
import { isStopReply } from "~/outreach/subscriptions.server";

describe("smsLength", () => {
  it("counts GSM-7 up to 160 in one part and 153 a part after", () => {
    expect(smsLength("a".repeat(160))).toMatchObject({ encoding: "GSM-7", length: 160, fragments: 1 });
    expect(smsLength("a".repeat(161))).toMatchObject({ fragments: 2 });
    expect(smsLength("a".repeat(306))).toMatchObject({ fragments: 2 });
    expect(smsLength("a".repeat(307))).toMatchObject({ fragments: 3 });
  });

  it("counts extension characters such as € and [ twice", () => {
    expect(smsLength("€[]")).toMatchObject({ encoding: "GSM-7", length: 6 });
  });

  it("turns the whole message Unicode for one curly quote or emoji, at 70 and 67", () => {
    const curly = smsLength(`It’s ${"a".repeat(65)}`);
    expect(curly).toMatchObject({ encoding: "Unicode", length: 70, fragments: 1, unicodeCharacters: ["’"] });
    expect(smsLength(`It’s ${"a".repeat(66)}`).fragments).toBe(2);
    expect(smsLength("😀".repeat(36)).fragments).toBe(2); // 72 UTF-16 units
  });

  it("costs fragments times people", () => {
    expect(smsCostPence(2, 1000, 2.4)).toBe(4800);
  });
});

describe("quiet hours", () => {
  it("holds texts from 20:00 to 09:00 UK time, summer and winter", () => {
    expect(inQuietHours(new Date("2026-01-10T19:59:00Z"))).toBe(false);
    expect(inQuietHours(new Date("2026-01-10T20:00:00Z"))).toBe(true);
    expect(inQuietHours(new Date("2026-01-11T08:59:00Z"))).toBe(true);
    // 19:30 UTC in July is 20:30 in London.
    expect(inQuietHours(new Date("2026-07-10T19:30:00Z"))).toBe(true);
    expect(nextTextAllowedAt(new Date("2026-07-10T19:30:00Z")).toISOString()).toBe("2026-07-11T08:00:00.000Z");
  });
});

describe("audience and results", () => {
  it("never shows a count of one to four", () => {
    expect(audienceCountText(0)).toBe("No one");
    expect(audienceCountText(3)).toBe("Fewer than 5 people");
    expect(audienceCountText(1234)).toBe("1,234 people");
  });

  it("hides a small outcome and the cell that would give it away", () => {
    const published = publishResults({ counts: { queued: 0, sending: 0, sent: 0, delivered: 40, failed: 2, "opted-out": 8, skipped: 0 }, clicked: 3, followedUp: 0 });
    expect(published.rows.map((r) => r.value)).toEqual([40, 0, "<5", "[c]", 0, 0]);
    expect(published.total).toBe("[c]");
    expect(published.clicked).toBe("<5");
  });
});

describe("messages and replies", () => {
  it("puts a way to stop in every message", () => {
    const sms = personalMessage({ channel: "sms", subject: "", body: "Free laptops", serviceName: "Park Wood hub" }, { baseUrl: "https://w.test", ...SAMPLE_LINKS, replyStop: false });
    expect(sms.body).toContain("To stop these texts go to https://w.test/outreach/stop/");
    expect(sms.body).toContain("Find out more about Park Wood hub: https://w.test/outreach/go/");
    const email = personalMessage({ channel: "email", subject: "Laptops", body: "Free laptops", serviceName: null }, { baseUrl: "https://w.test", ...SAMPLE_LINKS, replyStop: false });
    expect(email.body).toContain("To stop these emails, go to https://w.test/outreach/stop/");
    expect(consentWords("sms")).toContain("reply STOP");
  });

  it("knows a STOP reply however it is typed", () => {
    for (const reply of ["STOP", "stop", " Stop. ", "unsubscribe", "Stop all"]) expect(isStopReply(reply), reply).toBe(true);
    for (const reply of ["Stop sending me the bus times? No, keep them", "thanks", "top"]) expect(isStopReply(reply), reply).toBe(false);
  });

  it("reads a UK date and time across the clock change", () => {
    expect(ukLocalTimeToDate("2026-01-15", "10:30")?.toISOString()).toBe("2026-01-15T10:30:00.000Z");
    expect(ukLocalTimeToDate("2026-07-15", "10:30")?.toISOString()).toBe("2026-07-15T09:30:00.000Z");
    expect(ukLocalTimeToDate("2026-02-30", "10:30")).toBeNull();
  });
});

describe("a partnership's own quiet hours", () => {
  it("reads hours across midnight, within a day, or none, and refuses anything else", () => {
    expect(parseQuietHours("21-8")).toEqual({ from: 21, until: 8 });
    expect(parseQuietHours(" 12 - 14 ")).toEqual({ from: 12, until: 14 });
    expect(parseQuietHours("none")).toBeNull();
    for (const bad of ["", "20", "20-9pm", "25-9", "9-9", "evening"]) expect(parseQuietHours(bad)).toBeUndefined();
  });

  it("holds texts only inside the hours given", () => {
    // 21:30 and 07:30 UK time in January (GMT).
    expect(inQuietHours(new Date("2026-01-10T21:30:00Z"), { from: 21, until: 8 })).toBe(true);
    expect(inQuietHours(new Date("2026-01-10T07:30:00Z"), { from: 21, until: 8 })).toBe(true);
    expect(inQuietHours(new Date("2026-01-10T20:30:00Z"), { from: 21, until: 8 })).toBe(false);
    expect(inQuietHours(new Date("2026-01-10T12:30:00Z"), { from: 12, until: 14 })).toBe(true);
    expect(inQuietHours(new Date("2026-01-10T14:00:00Z"), { from: 12, until: 14 })).toBe(false);
    expect(inQuietHours(new Date("2026-01-10T23:00:00Z"), null)).toBe(false);
  });
});

