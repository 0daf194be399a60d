/**
 * Crash safety of an outreach campaign: the built server sends an email campaign to 400
 * opted-in people through the Notify stand-in, is killed with SIGKILL half-way and restarted on
 * the same file. Counting what the stand-in received per person, nobody may be missed and
 * nobody sent the message twice, including those whose send was in flight at the kill.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { createDatabase } from "~/lib/db.server";
import { seedOutreachAudience } from "../../scripts/lib/outreach-audience";
import { type RunningServer, startServer, stopServer } from "../../scripts/lib/referral-journey";
import { type StandIn, startNotifyStandIn } from "../../scripts/notify-stand-in";
import { until } from "./harness/wait";

const PEOPLE = 400;
const RATE = 3_000;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-crash-outreach-"));
const databasePath = path.join(dir, "waymark.db");
let server: RunningServer | undefined;
let standIn: StandIn | undefined;

afterAll(async () => {
  await stopServer(server);
  await standIn?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it("sends a campaign to everyone exactly once when the server is killed half-way", { timeout: 300_000 }, async () => {
  // Slow answers keep sends in flight, so the kill always catches some that Notify already has.
  standIn = await startNotifyStandIn({ perMinute: RATE, replyDelayMs: 300 });
  const notify = {
    NOTIFY_API_KEY: "crash-4a8b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d-9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",
    NOTIFY_BASE_URL: standIn.url,
    NOTIFY_EMAIL_TEMPLATE_ID: "f33517ff-2a88-4f6e-b855-c550268ce08a",
    NOTIFY_SMS_TEMPLATE_ID: "b6a4f8a2-6b73-4c36-8d86-2d3a4f1c9e07",
    NOTIFY_RATE_LIMIT_PER_MINUTE: String(RATE),
    // The campaign brings its own area and organisation; the demo directory would only slow the start.
    SEED_DEMO_DATA: "false",
  };
  server = await startServer(databasePath, notify);
  const db = createDatabase(databasePath);
  try {
    // Email, so quiet hours for texts never hold the run.
    const { campaignId, contacts } = await seedOutreachAudience(db, PEOPLE, "email");
    const reached = () => contacts.filter((c) => standIn!.perRecipient.has(c)).length;

    await until(() => reached() >= PEOPLE / 2, 120_000, "half the campaign to reach Notify");
    const crashed = server;
    await stopServer(crashed, "SIGKILL");
    expect(crashed.child.signalCode).toBe("SIGKILL");
    const reachedAtKill = reached();

    const inFlight = await db.selectFrom("messages").select(["id"]).where("purpose", "=", "outreach").where("status", "=", "sending").execute();
    const acceptedUnrecorded = inFlight.filter((m) => standIn!.accepted.has(m.id)).length;
    // A send left in flight is taken up again once its lease (two minutes) has run out; the test
    // spends that wait by ending the leases the killed server held.
    await db.updateTable("messages").set({ next_attempt_at: new Date().toISOString() }).where("status", "=", "sending").execute();

    server = await startServer(databasePath, notify);
    const open = async () => {
      const recipients = await db.selectFrom("outreach_recipients").select(["status"]).where("campaign_id", "=", campaignId).execute();
      const waiting = await db.selectFrom("messages").select("id").where("purpose", "=", "outreach").where("status", "in", ["queued", "sending"]).execute();
      return recipients.length < PEOPLE || waiting.length > 0 || recipients.some((r) => r.status === "queued" || r.status === "sending");
    };
    await until(async () => !(await open()), 120_000, "the campaign to finish after the restart");

    const received = contacts.map((c) => standIn!.perRecipient.get(c) ?? 0);
    const lost = received.filter((n) => n === 0).length;
    const duplicated = received.filter((n) => n > 1).length;
    const duplicateReferences = [...standIn.accepted.values()].filter((n) => n > 1).length;
    const statuses = await db.selectFrom("outreach_recipients").select(["status"]).where("campaign_id", "=", campaignId).execute();
    const campaign = await db.selectFrom("outreach_campaigns").select("status").where("id", "=", campaignId).executeTakeFirstOrThrow();

    console.log(
      `Outreach campaign to ${PEOPLE} people, server killed with SIGKILL after ${reachedAtKill} had been sent to, ${inFlight.length} sends in flight ` +
        `(${acceptedUnrecorded} of them already accepted by Notify), restarted: lost ${lost}, sent twice ${duplicated}, duplicate references ${duplicateReferences}, 429s ${standIn.refused}`,
    );
    expect(reachedAtKill).toBeLessThan(PEOPLE);
    expect(acceptedUnrecorded).toBeGreaterThan(0);
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    expect(duplicateReferences).toBe(0);
    expect(statuses.filter((s) => s.status !== "sent")).toEqual([]);
    expect(campaign.status).toBe("sent");
  } finally {
    await db.destroy();
  }
});
