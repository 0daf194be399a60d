/**
 * Crash safety of the CSV import of listings: a coordinator imports a file of 500 listings
 * through the built server, which is killed with SIGKILL while it is writing them. The import is
 * all or nothing, so after a restart none of the file's listings may be there (and no audit
 * entry for them), or all of them had the commit won the race with the signal; importing the
 * same file again then leaves each listing there exactly once.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { hashPassword } from "~/accounts/password.server";
import { createDatabase } from "~/lib/db.server";
import { addAccount, Client, PASSWORD, type RunningServer, startServer, stopServer } from "../../scripts/lib/referral-journey";
import { probeWriteLock } from "./harness/write-lock";

const ROWS = 500;
const HEADER = "name,organisation,description,categories,url,free,attending,area";
const csv = [
  HEADER,
  ...Array.from({ length: ROWS }, (_, i) => `Crash test club ${i},Connect Kent CIC,Learn to use a laptop online with a tutor.,skills-course,https://example.org/club-${i},yes,online,Maidstone`),
].join("\n");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-crash-csv-"));
const databasePath = path.join(dir, "waymark.db");
let server: RunningServer | undefined;

afterAll(async () => {
  await stopServer(server);
  fs.rmSync(dir, { recursive: true, force: true });
});

async function stored(): Promise<{ listings: number; names: number; audited: number }> {
  const db = createDatabase(databasePath);
  try {
    const rows = await db.selectFrom("services").select("name").where("name", "like", "Crash test club %").execute();
    const audit = await db.selectFrom("audit_log").select("id").where("action", "=", "listing.created").where("detail", "like", '%"csv-import"%').execute();
    return { listings: rows.length, names: new Set(rows.map((r) => r.name)).size, audited: audit.length };
  } finally {
    await db.destroy();
  }
}

async function signedInAdmin(): Promise<Client> {
  const client = new Client(server!.base);
  await client.signIn("bench-admin-0@bench.waymark.example");
  return client;
}

it("writes all of a CSV import or none of it when the server is killed mid-import", { timeout: 300_000 }, async () => {
  server = await startServer(databasePath);
  const db = createDatabase(databasePath);
  await addAccount(db, "admin", "connect-kent-cic", 0, await hashPassword(PASSWORD));
  await db.destroy();

  const admin = await signedInAdmin();
  const probe = probeWriteLock(databasePath);
  let answered = false;
  const importing = admin.request("import", "/directory/import", 302, { intent: "import", csv }).then(
    () => (answered = true),
    (error: unknown) => error,
  );
  try {
    // A writer holding the lock this long is the import's transaction, not a session or the outbox.
    await probe.heldFor(100, 120_000);
  } finally {
    probe.close();
  }
  const crashed = server;
  await stopServer(crashed, "SIGKILL");
  expect(crashed.child.signalCode).toBe("SIGKILL");
  const failure = await importing;
  expect(answered).toBe(false);
  expect(String(failure)).toMatch(/fetch failed|socket|ECONNRESET/i);

  server = await startServer(databasePath);
  const afterCrash = await stored();

  const again = await signedInAdmin();
  const done = await again.request("import again", "/directory/import", 302, { intent: "import", csv });
  const location = done.headers.get("Location") ?? "";
  // React separates the figures from the words with empty comments.
  const page = (await (await again.request("result", location, 200)).text()).replaceAll("<!-- -->", "");
  const afterRerun = await stored();

  console.log(
    `CSV import of ${ROWS} listings killed with SIGKILL inside its transaction: ${afterCrash.listings} listings and ${afterCrash.audited} audit entries left behind; ` +
      `imported again: ${afterRerun.listings} listings (${afterRerun.names} names, so ${afterRerun.listings - afterRerun.names} duplicated), ${afterRerun.audited} audit entries`,
  );
  // Nothing, almost always; the whole file only if the commit slipped in before the signal landed.
  expect([0, ROWS]).toContain(afterCrash.listings);
  expect(afterCrash.audited).toBe(afterCrash.listings);
  const added = ROWS - afterCrash.listings;
  expect(location).toBe(`/directory/import?created=${added}&updated=0&unchanged=${afterCrash.listings}`);
  expect(page).toContain(`${added} added, 0 updated, ${afterCrash.listings} unchanged`);
  expect(afterRerun).toEqual({ listings: ROWS, names: ROWS, audited: ROWS });
});
