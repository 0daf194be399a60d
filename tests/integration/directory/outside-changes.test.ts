/**
 * `npm run import:oruk` and `npm run db:seed` write to the database from their own process, so
 * this server's in-memory search index cannot be told about their changes. Each test writes
 * through a second connection, as such a process would, and checks what search then finds.
 * SQLite only: on PostgreSQL other processes' changes arrive by NOTIFY instead
 * (other-servers.test.ts).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { catchUpWithOutsideChanges, getDirectoryIndex, OUTSIDE_CHECK_INTERVAL_MS } from "~/directory/directory-index.server";
import { importOrukFeed } from "~/directory/import-oruk.server";
import { seedDirectory } from "~/directory/seed.server";
import { serviceIdFor } from "~/directory/stable-id";
import { createDatabase, getDb, type Db } from "~/lib/db.server";
import { loader as servicesLoader } from "~/routes/services._index";
import { loader as orukServicesLoader } from "~/routes/api.oruk.services._index";
import { exampleServices, ORUK_FEED_URL, orukFeedHandlers } from "../../mocks/oruk-feed";
import { server } from "../../mocks/server";
import { onPostgres } from "../../setup/integration";

type Loader = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<Response>;
const context = { cspNonce: "", clientIp: "127.0.0.1" };

async function foundOnServicesPage(q: string): Promise<string[]> {
  const response = await (servicesLoader as Loader)({ request: new Request(`http://localhost/services?q=${encodeURIComponent(q)}`), params: {}, context });
  return ((await response.json()) as { services: { id: string }[] }).services.map((s) => s.id);
}

async function foundByOrukApi(search: string): Promise<string[]> {
  const response = await (orukServicesLoader as Loader)({
    request: new Request(`http://localhost/api/oruk/services?search=${encodeURIComponent(search)}&per_page=50`),
    params: {},
    context,
  });
  return ((await response.json()) as { contents: { id: string }[] }).contents.map((s) => s.id);
}

/** Another process's connection to the same database file. */
let otherProcess: Db;
const START = new Date("2026-06-02T09:00:00Z").getTime();

beforeAll(async () => {
  if (onPostgres) return;
  await seedDirectory(getDb());
  otherProcess = createDatabase(process.env.DATABASE_PATH!);
});

afterAll(async () => {
  await otherProcess?.destroy();
});

afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});

/** An updated_at later than any yet written, as a process writing now would set. */
const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

/** Sets the clock and lets any look for outside changes it prompts finish, so each test starts settled. */
async function settleAt(time: number) {
  vi.setSystemTime(time);
  await getDirectoryIndex(getDb());
  await catchUpWithOutsideChanges(getDb());
}

describe.skipIf(onPostgres)("the search index and other processes' writes", () => {
  it("finds listings an import added within 30 seconds, without a restart, and checks no more often", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    await settleAt(START);
    expect(await foundOnServicesPage("counselling")).toEqual([]);

    server.use(...orukFeedHandlers());
    const report = await importOrukFeed(otherProcess, ORUK_FEED_URL);
    expect(report.created).toBe(7);
    const imported = exampleServices(7).map((s) => s.id as string);

    // Searches in between cost only a look at the clock, so they still answer from the old index.
    vi.setSystemTime(START + OUTSIDE_CHECK_INTERVAL_MS - 1_000);
    expect(await foundOnServicesPage("counselling")).toEqual([]);

    vi.setSystemTime(START + OUTSIDE_CHECK_INTERVAL_MS);
    await vi.waitFor(async () => expect((await foundOnServicesPage("counselling")).sort()).toEqual([...imported].sort()));
    expect((await foundByOrukApi("counselling")).sort()).toEqual([...imported].sort());
  });

  it("sees a listing another process renamed or unpublished", async () => {
    const db = getDb();
    await catchUpWithOutsideChanges(db);
    const id = serviceIdFor("maidstone-library-get-online-drop-in");
    await otherProcess
      .updateTable("services")
      .set({ name: "Maidstone library zebra club", updated_at: minutesFromNow(1) })
      .where("id", "=", id)
      .execute();
    expect(await catchUpWithOutsideChanges(db)).toBe(true);
    expect(await foundOnServicesPage("zebra")).toEqual([id]);

    await otherProcess.updateTable("services").set({ published: 0, updated_at: minutesFromNow(2) }).where("id", "=", id).execute();
    expect(await catchUpWithOutsideChanges(db)).toBe(true);
    expect(await foundOnServicesPage("zebra")).toEqual([]);
  });

  it("sees a batch that stamps every listing it writes with the same time", async () => {
    const db = getDb();
    const stamp = minutesFromNow(60);
    const first = serviceIdFor("maidstone-library-get-online-drop-in");
    const second = serviceIdFor("community-data-network-free-data");
    await otherProcess.updateTable("services").set({ published: 1, updated_at: stamp }).where("id", "=", first).execute();
    expect(await catchUpWithOutsideChanges(db)).toBe(true);
    // Same count and the same latest time as when the index was read: only this row moved.
    await otherProcess.updateTable("services").set({ name: "Yak free data scheme", updated_at: stamp }).where("id", "=", second).execute();
    expect(await catchUpWithOutsideChanges(db)).toBe(true);
    expect(await foundOnServicesPage("yak")).toEqual([second]);
  });

  it("does not read the listings again for another process's other writes, or for this process's own", async () => {
    const db = getDb();
    await catchUpWithOutsideChanges(db);
    const before = await getDirectoryIndex(db);

    await otherProcess
      .insertInto("postcode_cache")
      .values({ postcode: "ME14 9ZZ", outward_code: "ME14", latitude: 51.28, longitude: 0.52, admin_district: "Maidstone", looked_up_at: new Date().toISOString() })
      .execute();
    expect(await catchUpWithOutsideChanges(db)).toBe(false);

    // Pages that change a listing here refresh its entry themselves (refreshServiceInIndex).
    await db.updateTable("services").set({ updated_at: new Date().toISOString() }).where("id", "=", serviceIdFor("maidstone-library-get-online-drop-in")).execute();
    expect(await catchUpWithOutsideChanges(db)).toBe(false);
    expect(await getDirectoryIndex(db)).toBe(before);
  });
});
