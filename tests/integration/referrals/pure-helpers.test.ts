// Plain functions behind the referral pages; kept with the referral tests this work may touch.
import { describe, expect, it } from "vitest";
import { buildReferralExport, referralExportCsv } from "~/referrals/data-export";
import { afterStep, firstUnansweredStep, redirectForStep, type ReferralDraft } from "~/referrals/draft";
import { stuckCutoff } from "~/referrals/inbox.server";
import * as messages from "~/referrals/messages";
import type { Referral } from "~db/schema/referrals";

const reasons = { barriers: ["device" as const], goals: [], reasonNote: null };
const person = { personName: "Sam", contactMethod: "phone" as const, contactDetail: "01632960001", bestTimes: null, outwardCode: "ME14" };
const needs = { accessNeeds: null, language: null, safeguarding: false, safeguardingNote: null };

describe("the referral draft", () => {
  it("finds the first step to answer and refuses later pages until then", () => {
    expect(firstUnansweredStep({})).toBe("service");
    const draft: ReferralDraft = { serviceId: "s", reasons, person };
    expect(firstUnansweredStep(draft)).toBe("needs");
    expect(redirectForStep(draft, "consent")).toBe("/referrals/new/needs");
    expect(redirectForStep(draft, "needs")).toBeNull();
    expect(redirectForStep({ ...draft, needs, consent: { consentGiven: false, consentMethod: null, at: "" } }, "check")).toBe("/referrals/new/signpost");
  });

  it("goes on to the next step, or back to check answers once everything is answered", () => {
    const complete: ReferralDraft = { serviceId: "s", reasons, person, needs, consent: { consentGiven: true, consentMethod: "phone", at: "" } };
    expect(afterStep(complete, "person", true)).toBe("/referrals/new/check");
    expect(afterStep(complete, "person", false)).toBe("/referrals/new/needs");
    // Changing the service from check answers of an unfinished draft goes to what is missing.
    expect(afterStep({ serviceId: "s", reasons }, "service", true)).toBe("/referrals/new/reasons");
  });
});

describe("the export", () => {
  it("writes CSV a spreadsheet cannot run as formulas, with quotes and line breaks kept", () => {
    const referral = { id: "r1", reference: "ABCD2345", person_name: "=HYPERLINK(\"x\")", reason_note: "line one\nline, two", outcome: null } as unknown as Referral;
    const data = buildReferralExport(
      {
        referral,
        serviceName: "Help",
        organisationName: "Org",
        areaName: null,
        events: [],
        messagesToPerson: [
          { created_at: "2026-01-01T00:00:00Z", channel: "sms", recipient: "07700900982", subject: "", body: "Your reference is ABCD 2345.\n\nBye", status: "sent", sent_at: null },
        ],
      },
      new Date("2026-01-01T00:00:00Z"),
    );
    const csv = referralExportCsv(data);
    expect(csv).toContain("message_created_at,channel,recipient,subject,body,status,sent_at\r\n");
    expect(csv).toContain(`2026-01-01T00:00:00Z,sms,07700900982,,"Your reference is ABCD 2345.\n\nBye",sent,\r\n`);
    expect(csv).toContain(`referral,person_name,"'=HYPERLINK(""x"")"`);
    expect(csv).toContain(`referral,reason_note,"line one\nline, two"`);
    expect(csv).toContain("referral,outcome,\r\n");
  });
});

describe("the stuck filter", () => {
  it("counts 10 working days back across weekends and bank holidays, to the end of that London day", () => {
    // Monday 20 April 2026 minus 10 working days (Easter Monday 6 April skipped) is Thursday 2 April.
    expect(stuckCutoff(new Date("2026-04-20T09:00:00Z"))).toBe("2026-04-02T23:00:00.000Z");
    // In winter London is on UTC.
    expect(stuckCutoff(new Date("2026-01-19T09:00:00Z"))).toBe("2026-01-06T00:00:00.000Z");
  });
});

describe("staff messages", () => {
  it("carry a link but nothing about the person", () => {
    const link = "https://waymark.example/referrals/ABCD2345";
    for (const message of [
      messages.newReferralMessage("Laptop scheme", link),
      messages.selfReferralMessage("Maidstone", link),
      messages.safeguardingMessage("Laptop scheme", link),
      messages.unsentReferralMessage("Laptop scheme", link),
      messages.statusChangeMessage("ABCD2345", "accepted", link),
      messages.providerReminderMessage("Laptop scheme", 5, link),
      messages.coordinatorFlagMessage("Laptop scheme", 10, link),
    ]) {
      expect(message.body).toContain(link);
      expect(message.body).toContain("does not include the person's details");
      expect(message.subject).not.toMatch(/\n/);
    }
  });
});
