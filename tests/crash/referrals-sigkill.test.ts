/**
 * Crash safety of referrals: 20 champions make referrals through the built server's form pages,
 * the server is killed with SIGKILL while they are mid-journey, and restarted on the same file.
 * Every reference a confirmation page showed must be in the database, and every referral there
 * (confirmed or not) must be whole: its first timeline entry, the entry that moved it to its
 * status, and the message to the service that a "sent" referral promises.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { createDatabase } from "~/lib/db.server";
import { Client, createAccounts, makeReferral, type RunningServer, startServer, stopServer } from "../../scripts/lib/referral-journey";
import { until } from "./harness/wait";

const CLIENTS = 20;
/** Killed once this many referrals are confirmed, so the crash lands mid-run with every client busy. */
const CONFIRMED_BEFORE_KILL = 30;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-crash-"));
const databasePath = path.join(dir, "waymark.db");
let server: RunningServer | undefined;

afterAll(async () => {
  await stopServer(server);
  fs.rmSync(dir, { recursive: true, force: true });
});

it("loses no confirmed referral and leaves none half-written when the server is killed", { timeout: 300_000 }, async () => {
  server = await startServer(databasePath);
  const { champions } = await createAccounts(databasePath, CLIENTS);
  const clients = champions.map(() => new Client(server!.base));
  await Promise.all(clients.map((client, i) => client.signIn(champions[i].email)));

  const confirmed: string[] = [];
  const madeBy = new Map<string, number>();
  let killed = false;
  let cutOff = 0;
  const running = clients.map(async (client, i) => {
    while (!killed) {
      try {
        const reference = await makeReferral(client);
        confirmed.push(reference);
        madeBy.set(reference, i);
      } catch (error) {
        // Only the kill may stop a journey; anything before it is a fault of its own.
        if (!killed) throw error;
        cutOff++;
      }
    }
  });
  await until(() => confirmed.length >= CONFIRMED_BEFORE_KILL, 240_000);
  killed = true;
  const crashed = server;
  await stopServer(crashed, "SIGKILL");
  expect(crashed.child.signalCode).toBe("SIGKILL");
  await Promise.all(running);

  server = await startServer(databasePath);
  const health = await fetch(new URL("/healthz", server.base));
  expect(health.status).toBe(200);

  const db = createDatabase(databasePath);
  try {
    // The run's own referrals, confirmed or cut off; the demo data's are made another way.
    const referrals = await db
      .selectFrom("referrals")
      .innerJoin("users", "users.id", "referrals.referrer_user_id")
      .select(["referrals.id", "referrals.reference", "referrals.status"])
      .where("users.email", "like", "bench-%")
      .execute();
    const stored = new Set(referrals.map((r) => r.reference));
    const lost = confirmed.filter((reference) => !stored.has(reference));

    const events = await db.selectFrom("referral_events").select(["referral_id", "from_status", "to_status"]).execute();
    const messages = await db.selectFrom("messages").select(["related_id"]).where("related_type", "=", "referral").execute();
    const withMessage = new Set(messages.map((m) => m.related_id));
    const halfWritten = referrals.filter((referral) => {
      const timeline = events.filter((e) => e.referral_id === referral.id);
      const opened = timeline.some((e) => e.from_status === null && e.to_status === "new");
      const reachedStatus = timeline.some((e) => e.to_status === referral.status);
      return !opened || !reachedStatus || (referral.status === "sent" && !withMessage.has(referral.id));
    });

    console.log(
      `SIGKILL with ${CLIENTS} clients: ${confirmed.length} referrals confirmed before the kill, ${cutOff} journeys cut off, ` +
        `${referrals.length} in the database; lost ${lost.length}, half-written ${halfWritten.length}`,
    );
    expect(lost).toEqual([]);
    expect(halfWritten.map((r) => r.reference)).toEqual([]);
    expect(cutOff).toBeGreaterThan(0);
  } finally {
    await db.destroy();
  }

  // The restarted server shows a confirmed referral to the champion who made it.
  const [reference] = confirmed;
  const again = new Client(server.base);
  await again.signIn(champions[madeBy.get(reference)!].email);
  const page = await again.request("referral page", `/referrals/${reference}`, 200);
  expect(await page.text()).toContain(`${reference.slice(0, 4)} ${reference.slice(4)}`);
});
