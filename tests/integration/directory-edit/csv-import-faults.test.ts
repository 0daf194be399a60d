import { sql } from "kysely";
import { afterEach, beforeAll, expect, it, vi } from "vitest";
import { getDb } from "~/lib/db.server";
import * as route from "~/routes/directory.import";
import { withStorageFaultPage } from "~/server/storage-faults";
import { formBody, signedInRequest } from "../../helpers/auth";
import { onPostgres } from "../../setup/integration";
import { args, seedPeople, type People } from "./support";

let people: People;
beforeAll(async () => {
  people = await seedPeople(getDb());
});
afterEach(async () => {
  await sql`pragma max_page_count = 1073741823`.execute(getDb());
});

const HEADER = "name,organisation,description,categories,address,postcode,phone,email,url,free,attending,opening hours";
const rows = Array.from(
  { length: 60 },
  (_, i) => `Fault test club ${i},Connect Kent CIC,"${"Learn to use a laptop in a small, friendly group. ".repeat(18)}",skills-course,"Park Wood Community Hub, Bicknor Road, Maidstone",ME15 6JQ,01632 960711,,,yes,in-person,Tue 10:00-12:00`,
);
const count = async (table: "services" | "audit_log") => Number((await getDb().selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

// SQLite only: the full disk is SQLite's max_page_count, which a PostgreSQL server has no equivalent of.
it.skipIf(onPostgres)("writes none of an import whose disk fills part-way, and says so on a clear page", { timeout: 60_000 }, async () => {
  const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
  const before = { services: await count("services"), audit: await count("audit_log") };
  // The file may not grow: the first rows fit in its free pages, a later one does not.
  const { rows: pages } = await sql<{ page_count: number }>`pragma page_count`.execute(getDb());
  await sql.raw(`pragma max_page_count = ${pages[0].page_count}`).execute(getDb());

  const request = await signedInRequest("/directory/import", people.coordinator, { method: "POST", body: formBody({ intent: "import", csv: [HEADER, ...rows].join("\n") }) });
  let answer: Response | undefined;
  try {
    await withStorageFaultPage(route).action!(args(request));
  } catch (thrown) {
    if (thrown instanceof Response) answer = thrown;
    else throw thrown;
  }
  expect(answer?.status).toBe(503);
  expect(await answer!.text()).toBe("The server's disk is full, so Waymark cannot save anything at the moment.");
  expect(logged).toHaveBeenCalledOnce();

  await sql`pragma max_page_count = 1073741823`.execute(getDb());
  expect(await count("services")).toBe(before.services);
  expect(await count("audit_log")).toBe(before.audit);
});
