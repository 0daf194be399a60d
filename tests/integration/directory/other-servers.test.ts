/**
 * PostgreSQL only: another app server on the same database changes a listing, and this
 * server's in-memory search index hears of it by NOTIFY within moments, with no rebuild.
 * (On SQLite other processes are noticed by PRAGMA data_version: outside-changes.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDirectoryIndex } from "~/directory/directory-index.server";
import { seedDirectory } from "~/directory/seed.server";
import { serviceIdFor } from "~/directory/stable-id";
import { createDatabase, getDb, type Db } from "~/lib/db.server";
import { loader as servicesLoader } from "~/routes/services._index";
import { onPostgres } from "../../setup/integration";

type Loader = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<Response>;

async function found(q: string): Promise<string[]> {
  const request = new Request(`http://localhost/services?q=${encodeURIComponent(q)}`);
  const response = await (servicesLoader as Loader)({ request, params: {}, context: { cspNonce: "", clientIp: "127.0.0.1" } });
  return ((await response.json()) as { services: { id: string }[] }).services.map((s) => s.id);
}

/** The other server's own pool on the same database. */
let otherServer: Db;

describe.runIf(onPostgres)("the search index and other servers' writes", () => {
  beforeAll(async () => {
    await seedDirectory(getDb());
    otherServer = createDatabase(process.env.DATABASE_URL!);
  });
  afterAll(async () => {
    await otherServer?.destroy();
  });

  it("finds a listing another server renamed, and loses one it unpublished, without reading everything again", async () => {
    const index = await getDirectoryIndex(getDb());
    const id = serviceIdFor("maidstone-library-get-online-drop-in");
    await otherServer.updateTable("services").set({ name: "Maidstone library zebra club", updated_at: new Date().toISOString() }).where("id", "=", id).execute();
    await vi.waitFor(async () => expect(await found("zebra")).toEqual([id]), { timeout: 5_000, interval: 50 });

    await otherServer.updateTable("services").set({ published: 0, updated_at: new Date().toISOString() }).where("id", "=", id).execute();
    await vi.waitFor(async () => expect(await found("zebra")).toEqual([]), { timeout: 5_000, interval: 50 });
    expect(await getDirectoryIndex(getDb())).toBe(index);
  });
});
