/**
 * Outreach send benchmark: one text campaign to N opted-in people (default 10,000) through the
 * Notify stand-in, sent by a separate process running the server's own outreach and outbox
 * workers. Run twice: straight through, and with the sending process killed (SIGKILL) half-way
 * and started again. Each run reports the time taken against the time the rate limit allows,
 * and counts people never reached (lost), references Notify got twice (duplicates) and 429s.
 *
 * Run: npx tsx scripts/bench/outreach-send.ts [people] [per-minute] [--only=straight|killed]
 * The default rate, 60,000 a minute, is 20 times Notify's 3,000 so a run takes seconds; the
 * pacing is the same code at any rate. Texts are held in quiet hours, so run it 09:00–20:00 UK.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrateToLatest } from "~db/migrator";
import { createDatabase } from "~/lib/db.server";
import { inQuietHours } from "~/outreach/quiet-hours";
import { seedOutreachAudience } from "../lib/outreach-audience";
import { startNotifyStandIn } from "../notify-stand-in";

const positional = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const PEOPLE = Number(positional[0] ?? 10_000);
const RATE = Number(positional[1] ?? 60_000);
// Five times the client's 2-second timeout, so a send under load ends well inside its lease, and short enough
// that a killed run's messages are taken up again within seconds.
const LEASE_MS = 10_000;
const root = fileURLToPath(new URL("../..", import.meta.url));

if (inQuietHours(new Date())) {
  console.error("It is quiet hours in the UK (20:00–09:00): texts would be held. Run between 09:00 and 20:00 UK time.");
  process.exit(1);
}

function startSender(dbPath: string, notifyUrl: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "scripts/bench/outreach-sender.ts"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", SESSION_SECRET: "x".repeat(40), BASE_URL: "https://waymark.example", DATABASE_PATH: dbPath, NOTIFY_BASE_URL: notifyUrl, RATE: String(RATE), LEASE_MS: String(LEASE_MS) },
    stdio: ["ignore", "inherit", "inherit"],
  });
}

const stopProcess = (child: ChildProcess, signal: NodeJS.Signals) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once("exit", () => resolve()), child.kill(signal))));

async function run(label: string, killHalfWay: boolean) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-outreach-bench-"));
  const dbPath = path.join(dir, "bench.db");
  const db = createDatabase(dbPath);
  await migrateToLatest(db);
  const { campaignId } = await seedOutreachAudience(db, PEOPLE, "sms");
  const standIn = await startNotifyStandIn({ perMinute: RATE });
  const started = performance.now();
  let sender = startSender(dbPath, standIn.url);
  let killedAt: number | null = null;
  // Generous, for a shared machine: a run that has not finished by then says so rather than hanging.
  const deadline = started + 20 * 60_000;
  let lastProgress = started;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (performance.now() - lastProgress >= 30_000) {
      lastProgress = performance.now();
      console.log(`  ${label}: ${((lastProgress - started) / 1000).toFixed(0)} s, ${standIn.accepted.size} accepted by the stand-in`);
    }
    if (killHalfWay && killedAt === null && standIn.accepted.size >= PEOPLE / 2) {
      killedAt = standIn.accepted.size;
      await stopProcess(sender, "SIGKILL");
      sender = startSender(dbPath, standIn.url);
    }
    const left = await db.selectFrom("outreach_recipients").select((eb) => eb.fn.countAll<number>().as("n")).where("campaign_id", "=", campaignId).where("status", "in", ["queued", "sending"]).executeTakeFirstOrThrow();
    const total = await db.selectFrom("outreach_recipients").select((eb) => eb.fn.countAll<number>().as("n")).where("campaign_id", "=", campaignId).executeTakeFirstOrThrow();
    if (Number(total.n) === PEOPLE && Number(left.n) === 0) break;
    if (performance.now() > deadline) break;
  }
  const seconds = (performance.now() - started) / 1000;
  await stopProcess(sender, "SIGTERM");
  const sent = await db.selectFrom("outreach_recipients").select((eb) => eb.fn.countAll<number>().as("n")).where("campaign_id", "=", campaignId).where("status", "=", "sent").executeTakeFirstOrThrow();
  const duplicates = [...standIn.accepted.values()].filter((n) => n > 1).length;
  const doubleTexted = [...standIn.perRecipient.values()].filter((n) => n > 1).length;
  const unfinished = await db.selectFrom("outreach_recipients").select((eb) => eb.fn.countAll<number>().as("n")).where("campaign_id", "=", campaignId).where("status", "in", ["queued", "sending"]).executeTakeFirstOrThrow();
  // Lost: finished, yet never reached Notify. Still waiting at the deadline is reported apart.
  const lost = PEOPLE - standIn.perRecipient.size - Number(unfinished.n);
  const floor = (PEOPLE / RATE) * 60;
  console.log(
    `${label}: ${PEOPLE} people in ${seconds.toFixed(1)} s (rate limit allows ${floor.toFixed(1)} s at ${RATE}/min; ${(PEOPLE / seconds).toFixed(0)}/s achieved)` +
      `${killedAt !== null ? `, killed after ${killedAt} accepted and restarted` : ""}; recipients sent ${Number(sent.n)}, unfinished ${Number(unfinished.n)}, lost ${lost}, duplicate references ${duplicates}, numbers texted twice ${doubleTexted}, 429s ${standIn.refused}`,
  );
  await standIn.close();
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
  return { lost, duplicates, doubleTexted };
}

const only = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
const results = [];
if (only !== "killed") results.push(await run("straight through", false));
if (only !== "straight") results.push(await run("killed half-way", true));
if (results.some((r) => r.lost > 0 || r.duplicates > 0 || r.doubleTexted > 0)) process.exit(1);
