import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "~/lib/db.server";
import { createNotifyMessageClient } from "~/messaging/notify-client.server";
import { deliverDueMessages } from "~/messaging/sender.server";
import { coordinatorDeskFor } from "~/referrals/coordinator-desk.server";
import { createReferral, type NewReferralInput } from "~/referrals/create.server";
import { runReferralJobs } from "~/referrals/jobs.server";
import { PERSONAL_DATA_COLUMNS } from "~/referrals/retention";
import { startJobsTimer } from "~/server/background.server";
import {
  failNextNotifyRequests,
  NOTIFY_BASE_URL,
  notifyRequests,
  resetNotifyMock,
  TEST_EMAIL_TEMPLATE_ID,
  TEST_NOTIFY_API_KEY,
  TEST_SMS_TEMPLATE_ID,
} from "../../mocks/notify";
import { createTestUser } from "../../helpers/auth";
import { IDS, seedCast, type Cast } from "./support";

const BASE = "https://waymark.example";
let cast: Cast;

beforeAll(async () => {
  cast = await seedCast(getDb());
});
beforeEach(() => resetNotifyMock());

function input(overrides: Partial<NewReferralInput> = {}): NewReferralInput {
  return {
    service: { id: IDS.parkWood, name: "Laptop scheme", organisationId: IDS.connectKent, organisationName: "Connect Kent CIC" },
    referrer: { userId: cast.champion.id, organisationId: IDS.champions, label: "Priya Shah, Champions" },
    areaId: IDS.maidstone,
    triageResultId: null,
    barriers: ["device"],
    goals: [],
    outwardCode: "ME14",
    person: {
      personName: "Ana",
      contactMethod: "text",
      contactDetail: "07700900982",
      bestTimes: "Evenings",
      accessNeeds: "Wheelchair user",
      language: null,
      safeguarding: false,
      safeguardingNote: null,
      reasonNote: "Needs a laptop for college",
      consentMethod: "in-person",
      consentConfirmedBy: "Priya Shah",
      consentAt: "2026-04-02T09:00:00.000Z",
    },
    ...overrides,
  };
}

async function referral(id: string) {
  return getDb().selectFrom("referrals").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

async function chaserMessages(id: string) {
  return getDb().selectFrom("messages").selectAll().where("related_id", "=", id).where("purpose", "=", "referral-chaser").orderBy("created_at").execute();
}

describe("chasers", () => {
  it("remind the provider on the 5th working day and flag the coordinator on the 10th, skipping Easter and weekends", async () => {
    const db = getDb();
    // Sent on the Thursday before Easter 2026: Good Friday (3 April) and Easter Monday (6 April) are bank holidays.
    const created = await createReferral(db, input(), { now: new Date("2026-04-02T09:00:00Z"), baseUrl: BASE });
    const accepted = await createReferral(db, input(), { now: new Date("2026-04-02T09:00:00Z"), baseUrl: BASE });
    await db.updateTable("referrals").set({ status: "accepted" }).where("id", "=", accepted.id).execute();
    const run = (at: string) => runReferralJobs(db, new Date(at), { baseUrl: BASE, retentionMonths: 6 });

    // Tue 7, Wed 8, Thu 9, Fri 10 April are working days 1–4; the weekend adds none.
    for (const at of ["2026-04-06T12:00:00Z", "2026-04-10T18:00:00Z", "2026-04-11T12:00:00Z", "2026-04-12T22:00:00Z"]) {
      expect(await run(at), at).toMatchObject({ remindersSent: 0, coordinatorsFlagged: 0 });
    }
    expect((await referral(created.id)).reminder_sent_at).toBeNull();

    // Monday 13 April, just after midnight in London (still Sunday in UTC): working day 5.
    expect(await run("2026-04-12T23:30:00Z")).toMatchObject({ remindersSent: 1, coordinatorsFlagged: 0 });
    expect((await referral(created.id)).reminder_sent_at).toBe("2026-04-12T23:30:00.000Z");
    const reminders = await chaserMessages(created.id);
    expect(reminders.map((m) => m.recipient).sort()).toEqual(["hello@connectkent.example.org", cast.provider.email].sort());
    expect(reminders[0].body).not.toContain("Ana");
    expect(await chaserMessages(accepted.id)).toHaveLength(0);

    // Once only, however often the job runs.
    expect(await run("2026-04-13T15:00:00Z")).toMatchObject({ remindersSent: 0, coordinatorsFlagged: 0 });

    // Working days 6–9 are Tue 14 to Fri 17; the weekend of 18–19 adds none; Monday 20 is the 10th.
    for (const at of ["2026-04-17T16:00:00Z", "2026-04-19T20:00:00Z"]) expect(await run(at), at).toMatchObject({ coordinatorsFlagged: 0 });
    expect(await run("2026-04-20T08:00:00Z")).toMatchObject({ remindersSent: 0, coordinatorsFlagged: 1 });
    expect((await referral(created.id)).coordinator_flagged_at).toBe("2026-04-20T08:00:00.000Z");
    const flags = (await chaserMessages(created.id)).filter((m) => m.subject.startsWith("Stuck"));
    expect(flags.map((m) => m.recipient)).toEqual([cast.coordinator.email]);
    expect(await run("2026-04-21T08:00:00Z")).toMatchObject({ coordinatorsFlagged: 0 });
    // Chasers never move the referral.
    expect((await referral(created.id)).status).toBe("sent");
  });

  it("remind the coordinators, not the desk organisation's providers, about a request to a coordinator desk", async () => {
    const db = getDb();
    const deskOwner = await createTestUser(db, { role: "provider", name: "Pat Hall", organisationId: IDS.council, areaIds: [] });
    const desk = await coordinatorDeskFor(db, IDS.maidstone);
    if (!desk.ok) throw new Error(desk.reason);
    const created = await createReferral(db, input({ service: desk.service, referrer: null, areaName: "Maidstone" }), { now: new Date("2026-04-02T09:00:00Z"), baseUrl: BASE });
    expect((await referral(created.id)).status).toBe("sent");
    await runReferralJobs(db, new Date("2026-04-13T09:00:00Z"), { baseUrl: BASE, retentionMonths: 6 });
    const reminders = await chaserMessages(created.id);
    expect(reminders.map((m) => m.recipient)).toEqual([cast.coordinator.email]);
    const everything = await db.selectFrom("messages").select("recipient").where("related_id", "=", created.id).execute();
    expect(everything.map((m) => m.recipient)).not.toContain(deskOwner.email);
  });
});

describe("retention", () => {
  it("blanks exactly the referrals closed more than the retention period ago, and nothing else", async () => {
    const db = getDb();
    const now = new Date("2026-10-15T12:00:00Z");
    const make = async (closedAt: string | null) => {
      const made = await createReferral(db, input(), { now: new Date("2026-01-05T10:00:00Z"), baseUrl: BASE });
      // Open referrals are taken as accepted lately, so the chasers and auto-close leave them alone too.
      await db
        .updateTable("referrals")
        .set(closedAt ? { status: "closed", closed_at: closedAt } : { status: "accepted", status_changed_at: "2026-10-01T09:00:00.000Z" })
        .where("id", "=", made.id)
        .execute();
      await db.updateTable("referral_events").set({ note: "Spoke to Ana" }).where("referral_id", "=", made.id).execute();
      return made.id;
    };
    const expired = await make("2026-04-14T12:00:00Z");
    const exactlyDue = await make("2026-04-15T12:00:00Z");
    const notYet = await make("2026-04-15T12:00:01Z");
    const open = await make(null);
    const logged = await createReferral(db, input({ person: null }), { now: new Date("2025-01-05T10:00:00Z"), baseUrl: BASE });
    const already = await make("2025-01-01T00:00:00Z");
    await db.updateTable("referrals").set({ personal_data_erased_at: "2025-08-01T00:00:00.000Z", person_name: null }).where("id", "=", already).execute();

    const untouched = [notYet, open, already];
    const before = new Map(await Promise.all(untouched.map(async (id) => [id, await referral(id)] as const)));
    const report = await runReferralJobs(db, now, { baseUrl: BASE, retentionMonths: 6 });
    expect(report.erased).toBe(3);

    for (const id of [expired, exactlyDue]) {
      const row = await referral(id);
      for (const column of PERSONAL_DATA_COLUMNS) expect(row[column], column).toBeNull();
      expect(row.personal_data_erased_at).toBe(now.toISOString());
      // The anonymous record stays for reports.
      expect(row).toMatchObject({ status: "closed", service_id: IDS.parkWood, area_id: IDS.maidstone, outward_code: "ME14", contact_method: "text" });
      const notes = await db.selectFrom("referral_events").select("note").where("referral_id", "=", id).execute();
      expect(notes.every((n) => n.note === null)).toBe(true);
      const toPerson = await db.selectFrom("messages").select("recipient").where("related_type", "=", "referral-person").where("related_id", "=", id).execute();
      expect(toPerson.map((m) => m.recipient)).toEqual([""]);
    }
    expect((await referral(logged.id)).personal_data_erased_at).toBe(now.toISOString());
    for (const id of untouched) {
      expect(await referral(id)).toEqual(before.get(id));
      const notes = await db.selectFrom("referral_events").select("note").where("referral_id", "=", id).execute();
      if (id !== already) expect(notes.every((n) => n.note === "Spoke to Ana")).toBe(true);
    }
    expect((await runReferralJobs(db, now, { baseUrl: BASE, retentionMonths: 6 })).erased).toBe(0);
  });
});

describe("closing the referrals nobody closes", () => {
  it("closes settled referrals after 4 weeks and untouched ones after 13, as Waymark, so their details are then erased on time", async () => {
    const db = getDb();
    const make = async (status: "declined" | "outcome" | "couldnt-contact" | "sent" | "accepted", changedAt: string) => {
      const made = await createReferral(db, input(), { now: new Date("2027-01-04T09:00:00Z"), baseUrl: BASE });
      const settled = status === "declined" ? { decline_reason: "no-capacity" as const } : status === "outcome" ? { outcome: "got-online" as const } : {};
      await db.updateTable("referrals").set({ status, status_changed_at: changedAt, ...settled }).where("id", "=", made.id).execute();
      return made.id;
    };
    const now = new Date("2027-06-01T09:00:00.000Z");
    const declined = await make("declined", "2027-05-04T09:00:00.000Z"); // 28 days before
    const outcome = await make("outcome", "2027-05-04T09:00:00.000Z");
    const declinedLately = await make("declined", "2027-05-04T09:00:01.000Z");
    const couldntContact = await make("couldnt-contact", "2027-03-02T09:00:00.000Z"); // 91 days before
    const neverAnswered = await make("sent", "2027-03-02T09:00:00.000Z");
    const stillWorking = await make("accepted", "2027-03-02T09:00:01.000Z");

    await runReferralJobs(db, now, { baseUrl: BASE, retentionMonths: 6 });
    for (const id of [declined, outcome, couldntContact, neverAnswered]) {
      const row = await referral(id);
      expect(row, id).toMatchObject({ status: "closed", closed_at: now.toISOString(), personal_data_erased_at: null });
      const last = await db.selectFrom("referral_events").selectAll().where("referral_id", "=", id).orderBy("at", "desc").executeTakeFirstOrThrow();
      expect(last).toMatchObject({ to_status: "closed", actor_user_id: null, actor_label: "Waymark" });
      expect(last.note).toMatch(/^Closed by Waymark/);
    }
    expect((await referral(declined)).decline_reason).toBe("no-capacity");
    expect((await referral(outcome)).outcome).toBe("got-online");
    for (const id of [declinedLately, stillWorking]) expect((await referral(id)).closed_at, id).toBeNull();
    // The referrer hears of it as of any other change.
    const told = await db.selectFrom("messages").select("recipient").where("related_id", "=", declined).where("purpose", "=", "referral-status").execute();
    expect(told.map((m) => m.recipient)).toEqual([cast.champion.email]);
    // Once closed, it stays closed: a second run changes nothing.
    const before = await referral(declined);
    await runReferralJobs(db, new Date("2027-06-02T09:00:00.000Z"), { baseUrl: BASE, retentionMonths: 6 });
    expect(await referral(declined)).toEqual(before);

    // Six months after that close, the person's details go, as the privacy notice promises.
    await runReferralJobs(db, new Date("2027-11-30T09:00:00.000Z"), { baseUrl: BASE, retentionMonths: 6 });
    expect((await referral(declined)).person_name).toBe("Ana");
    await runReferralJobs(db, new Date("2027-12-01T09:00:00.000Z"), { baseUrl: BASE, retentionMonths: 6 });
    for (const id of [declined, outcome, couldntContact, neverAnswered]) {
      const row = await referral(id);
      expect(row.personal_data_erased_at, id).toBe("2027-12-01T09:00:00.000Z");
      expect(row.person_name).toBeNull();
    }
  });
});

describe("messages through Notify", () => {
  const client = createNotifyMessageClient({
    apiKey: TEST_NOTIFY_API_KEY,
    baseUrl: NOTIFY_BASE_URL,
    emailTemplateId: TEST_EMAIL_TEMPLATE_ID,
    smsTemplateId: TEST_SMS_TEMPLATE_ID,
  });

  async function queuedFor(id: string) {
    return getDb().selectFrom("messages").selectAll().where("related_id", "=", id).where("status", "in", ["queued", "sending"]).execute();
  }

  async function clearOtherMessages(keep: string) {
    await getDb().updateTable("messages").set({ status: "sent" }).where("related_id", "!=", keep).where("status", "=", "queued").execute();
  }

  it("a 429 then 201 sends each message once and leaves the referral as it was", async () => {
    const db = getDb();
    const made = await createReferral(db, input(), { now: new Date(), baseUrl: BASE });
    await clearOtherMessages(made.id);
    const row = await referral(made.id);
    const queued = await queuedFor(made.id);
    expect(queued.length).toBe(3); // the organisation, the provider user, and a text to the person

    failNextNotifyRequests("rate-limit", 1);
    const first = await deliverDueMessages(db, { now: new Date(), client, random: () => 0.5 });
    expect(first).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await referral(made.id)).toEqual(row);

    const later = new Date(Date.now() + 2 * 60_000);
    const second = await deliverDueMessages(db, { now: later, client, random: () => 0.5 });
    expect(second).toEqual({ sent: 3, retrying: 0, failed: 0 });
    const delivered = notifyRequests.filter((r) => r.answer === 201).map((r) => r.body.reference);
    expect(delivered.sort()).toEqual(queued.map((m) => m.id).sort());
    expect(notifyRequests.filter((r) => r.answer === 429)).toHaveLength(1);
    expect(await deliverDueMessages(db, { now: new Date(later.getTime() + 3_600_000), client })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await referral(made.id)).toEqual(row);
  });

  it("a 400 marks the message failed without touching the referral", async () => {
    const db = getDb();
    const made = await createReferral(db, input({ service: { id: IDS.moneyMaidstone, name: "Money advice", organisationId: IDS.moneyMatters, organisationName: "Money Matters Kent" } }), {
      now: new Date(),
      baseUrl: BASE,
    });
    await clearOtherMessages(made.id);
    const row = await referral(made.id);
    failNextNotifyRequests("validation", 1);
    const report = await deliverDueMessages(db, { now: new Date(), client });
    expect(report.failed).toBe(1);
    const messages = await db.selectFrom("messages").selectAll().where("related_id", "=", made.id).orderBy("created_at").execute();
    expect(messages.filter((m) => m.status === "failed").map((m) => m.last_error)).toEqual(["400 ValidationError"]);
    expect(messages.filter((m) => m.status === "sent").length).toBe(messages.length - 1);
    expect(await referral(made.id)).toEqual(row);
  });
});

describe("the development jobs timer", () => {
  it("makes its first run as the server starts, not an interval later", async () => {
    let stop!: () => Promise<void>;
    await new Promise<void>((resolve) => {
      stop = startJobsTimer(async () => resolve(), { intervalMs: 60 * 60_000 });
    });
    await stop();
  });

  it("runs at once, again after each run, never two at a time, and stops cleanly", async () => {
    const runs: number[] = [];
    let inFlight = 0;
    let overlapped = false;
    let third!: () => void;
    const thirdRun = new Promise<void>((resolve) => (third = resolve));
    const stop = startJobsTimer(
      async () => {
        overlapped ||= inFlight > 0;
        inFlight++;
        runs.push(runs.length);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        if (runs.length === 2) throw new Error("one bad run");
        if (runs.length === 3) third();
      },
      { intervalMs: 1, onError: () => {} },
    );
    await thirdRun;
    await stop();
    const stoppedAt = runs.length;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runs.length).toBe(stoppedAt);
    expect(stoppedAt).toBeGreaterThanOrEqual(3);
    expect(overlapped).toBe(false);
  });
});
