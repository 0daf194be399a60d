import { loadDemoUsers, seedDemoUsers } from "~/accounts/demo-users.server";
import type { Db } from "~/lib/db.server";
import { seedDemoCourses } from "~/courses/demo-courses.server";
import { seedDirectory } from "~/directory/seed.server";

const FLAG = "demo_seeded_at";

export interface DemoSeedSummary {
  seededNow: boolean;
  password: string;
  users: { email: string; role: string }[];
}

/** Every capability's demo data, in dependency order. Each step is idempotent. */
export async function seedDemoData(db: Db): Promise<DemoSeedSummary> {
  await seedDirectory(db);
  const demo = await seedDemoUsers(db);
  await seedDemoCourses(db);
  await db
    .insertInto("app_meta")
    .values({ key: FLAG, value: new Date().toISOString() })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  return { seededNow: true, password: demo.password, users: demo.users };
}

/** Seeds on first start only, so later edits to demo records are not undone at every restart. */
export async function ensureDemoData(db: Db): Promise<DemoSeedSummary> {
  const seeded = await db.selectFrom("app_meta").select("value").where("key", "=", FLAG).executeTakeFirst();
  if (!seeded) return seedDemoData(db);
  // Courses came after the first demo data: an existing demo database gets them once.
  await seedDemoCourses(db);
  const demo = loadDemoUsers();
  return { seededNow: false, password: demo.password, users: demo.users };
}
