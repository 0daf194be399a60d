/**
 * Crash safety and bad feeds for `npm run import:oruk`: the import runs in its own process
 * against a feed on a loopback port. Killed with SIGKILL inside a write, it must leave every
 * service whole (the previous version or the new one, never a mix) and a second run must finish
 * the job with each service once. A feed that fails or sends garbage part-way must make the
 * import exit non-zero, say which page, and leave the services it could not read as they were.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- builds ORUK records from the spec's example */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "~db/migrator";
import { createDatabase, type Db } from "~/lib/db.server";
import { exampleServices } from "../mocks/oruk-feed";
import { type FeedBehaviour, type OrukFeedServer, startOrukFeed } from "./harness/oruk-feed-server";
import { expectedShape, type ServiceShape, storedShape } from "./harness/oruk-shape";
import { runScript } from "./harness/script";
import { probeWriteLock } from "./harness/write-lock";

const PER_PAGE = 10;
const AFTER = 90;
/** The previous run had every third service, so a kill half-way leaves some of each kind. */
const BEFORE = AFTER / 3;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-crash-oruk-"));
const databasePath = path.join(dir, "waymark.db");
const env = {
  NODE_ENV: "production",
  DATABASE_PATH: databasePath,
  BASE_URL: "http://127.0.0.1:9",
  SESSION_SECRET: "oruk-crash-session-secret-0123456789abcdef",
  POSTCODES_API_URL: "http://127.0.0.1:9",
};
let feed: OrukFeedServer;
let db: Db;

beforeAll(async () => {
  db = createDatabase(databasePath);
  await migrateToLatest(db);
  feed = await startOrukFeed({ services: [], perPage: PER_PAGE });
});
afterAll(async () => {
  await feed?.close();
  await db?.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A uuid of its own for the `k`th extra row of copy `n`. */
const extraId = (n: number, k: number) => `${n.toString(16).padStart(8, "0")}-0000-4000-8000-${k.toString(16).padStart(12, "0")}`;

/**
 * Version `v` of the feed: the example's copies, each changed in its own row and in rows beside
 * it (a contact replaced, a phone added), so a service caught half-way would show a mix.
 */
function version(v: number, count: number): Array<Record<string, any>> {
  return exampleServices(count).map((s, i) =>
    v === 1
      ? s
      : {
          ...s,
          description: `${s.description} (version ${v})`,
          contacts: [{ id: extraId(i + 1, v * 10), name: `Contact for version ${v}` }],
          phones: [{ id: extraId(i + 1, v * 10 + 1), number: `01632 96${String(i).padStart(4, "0")}` }],
        },
  );
}

function importFeed(behaviour: FeedBehaviour) {
  feed.serve(behaviour);
  return runScript("scripts/import-oruk.ts", [feed.url], env);
}

/** Which of the given versions each service is stored as, whole; "absent" or "half-written" otherwise. */
async function classify(versions: Record<string, Array<Record<string, any>>>, ids: string[]): Promise<Map<string, string>> {
  const expected = Object.entries(versions).map(([name, records]) => ({ name, shapes: new Map(records.map((r) => [r.id as string, expectedShape(r)])) }));
  const same = (a: ServiceShape, b: ServiceShape | undefined) => JSON.stringify(a) === JSON.stringify(b);
  const result = new Map<string, string>();
  for (const id of ids) {
    const stored = await storedShape(db, id);
    result.set(id, stored ? (expected.find((e) => same(stored, e.shapes.get(id)))?.name ?? "half-written") : "absent");
  }
  return result;
}

const tally = (classes: Map<string, string>) => {
  const counts: Record<string, number> = {};
  for (const c of classes.values()) counts[c] = (counts[c] ?? 0) + 1;
  return counts;
};

const storedServices = async () => db.selectFrom("services").select(["id", "name"]).where("source", "=", feed.url).execute();

describe("ORUK import", () => {
  const v1 = version(1, AFTER).filter((_, i) => i % 3 === 0);
  const v2 = version(2, AFTER);
  const ids = v2.map((s) => s.id as string);

  it("leaves every service whole when killed mid-write, and a second run finishes with each service once", async () => {
    const first = await importFeed({ services: v1, perPage: PER_PAGE }).finished;
    expect(first.code, first.stderr).toBe(0);
    expect(tally(await classify({ v1 }, v1.map((s) => s.id)))).toEqual({ v1: BEFORE });

    // Slow enough that the run is still going when half the records have been sent.
    const killed = importFeed({ services: v2, perPage: PER_PAGE, delayMs: 5 });
    const probe = probeWriteLock(databasePath);
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setInterval(() => {
          if (feed.recordsServed >= BEFORE + AFTER / 2) {
            clearInterval(timer);
            resolve();
          }
        }, 5);
        void killed.finished.then(() => reject(new Error("the import finished before it could be killed")));
      });
      // Killed while it holds the write lock, so inside a service's transaction.
      await probe.heldFor(0, 30_000);
      killed.child.kill("SIGKILL");
    } finally {
      probe.close();
    }
    const crash = await killed.finished;
    expect(crash.signal).toBe("SIGKILL");

    const afterKill = tally(await classify({ v1, v2 }, ids));
    const second = await importFeed({ services: v2, perPage: PER_PAGE }).finished;
    expect(second.code, second.stderr).toBe(0);
    const afterRerun = tally(await classify({ v2 }, ids));
    const stored = await storedServices();
    const duplicated = stored.length - new Set(stored.map((s) => s.name)).size;
    const lost = ids.filter((id) => !stored.some((s) => s.id === id)).length;

    console.log(
      `ORUK import killed with SIGKILL inside a write after ${BEFORE + AFTER / 2} of ${BEFORE + AFTER} records were fetched: ` +
        `${afterKill.v2 ?? 0} services stored in the new version, ${afterKill.v1 ?? 0} still in the previous one, ${afterKill.absent ?? 0} not yet imported, ` +
        `${afterKill["half-written"] ?? 0} half-written. Second run: "${second.stdout.match(/Created .*/)?.[0]}"; ${stored.length} services, ${lost} lost, ${duplicated} duplicated, ${afterRerun["half-written"] ?? 0} half-written`,
    );
    expect(afterKill["half-written"] ?? 0).toBe(0);
    // The kill landed part-way: some of the new version in, some not.
    expect(afterKill.v2).toBeGreaterThan(0);
    expect((afterKill.v1 ?? 0) + (afterKill.absent ?? 0)).toBeGreaterThan(0);
    expect(second.stdout).toContain(`Created ${afterKill.absent ?? 0}, updated ${afterKill.v1 ?? 0}, unchanged ${afterKill.v2}`);
    expect(afterRerun).toEqual({ v2: AFTER });
    expect(stored).toHaveLength(AFTER);
    expect(duplicated).toBe(0);
  });

  it("stops with a clear message when a page fails, changing only the services it read", async () => {
    const v3 = version(3, AFTER);
    const run = await importFeed({ services: v3, perPage: PER_PAGE, failingPages: [3] }).finished;
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`page 3 failed: HTTP 500 from ${feed.url}/services?page=3`);
    expect(run.stderr).toContain("Run again to retry");

    const classes = await classify({ v2, v3 }, ids);
    const onPage3 = new Set(ids.slice(2 * PER_PAGE, 3 * PER_PAGE));
    const wrong = ids.filter((id) => classes.get(id) !== (onPage3.has(id) ? "v2" : "v3"));
    console.log(`ORUK feed answering 500 on page 3: exit code ${run.code}, ${tally(classes).v3 ?? 0} services updated, ${tally(classes).v2 ?? 0} left as they were, ${wrong.length} changed wrongly`);
    expect(wrong).toEqual([]);
    expect(await storedServices()).toHaveLength(AFTER);
  });

  it("stops with a clear message on garbage, leaving what it could not read alone", async () => {
    const snapshot = async () => new Map(await Promise.all(ids.map(async (id) => [id, JSON.stringify(await storedShape(db, id))] as const)));
    const before = await snapshot();
    const changedSince = (now: Map<string, string>) => ids.filter((id) => now.get(id) !== before.get(id));

    // Garbage from the first page: nothing to go on, so nothing is written.
    const v4 = version(4, AFTER);
    const fromStart = await importFeed({ services: v4, perPage: PER_PAGE, garbledPages: [1] }).finished;
    expect(fromStart.code).toBe(1);
    expect(fromStart.stderr).toContain(`page 1 failed: ${feed.url}/services?page=1 did not answer with JSON`);
    // The feed's bytes are not echoed, so a hostile feed cannot write to the operator's terminal.
    expect(fromStart.stderr).not.toContain("\u001b");
    const changedFromStart = changedSince(await snapshot());

    // Garbage part-way, and one record that is not a service at all.
    const broken: Record<string, any> = { ...v4[5], name: 42, status: "open", service_at_locations: "nowhere" };
    const midway = await importFeed({ services: v4.map((s, i) => (i === 5 ? broken : s)), perPage: PER_PAGE, garbledPages: [2] }).finished;
    expect(midway.code).toBe(1);
    expect(midway.stderr).toContain(`page 2 failed: ${feed.url}/services?page=2 did not answer with JSON`);
    expect(midway.stdout).toContain(`invalid ${broken.id}: `);
    const unread = new Set([...ids.slice(PER_PAGE, 2 * PER_PAGE), broken.id]);
    const classes = await classify({ v4 }, ids);
    const now = await snapshot();
    const wrong = ids.filter((id) => (unread.has(id) ? now.get(id) !== before.get(id) : classes.get(id) !== "v4"));
    console.log(
      `ORUK feed sending garbage: from page 1, exit code ${fromStart.code} and ${changedFromStart.length} services changed; ` +
        `on page 2 and in one record, exit code ${midway.code}, ${tally(classes).v4 ?? 0} services updated, ${unread.size} left as they were, ${wrong.length} changed wrongly`,
    );
    expect(changedFromStart).toEqual([]);
    expect(wrong).toEqual([]);
    expect(await storedServices()).toHaveLength(AFTER);
  });
});
