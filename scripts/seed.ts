import { migrateToLatest } from "~db/migrator";
import { createDatabase, databaseLocation } from "~/lib/db.server";
import { seedDemoData } from "~/lib/demo-seed.server";

const db = createDatabase(databaseLocation());
await migrateToLatest(db);
const summary = await seedDemoData(db);
console.log(`Demo data is in place. Demo sign-ins (password ${summary.password}): ${summary.users.map((u) => u.email).join(", ")}`);
await db.destroy();
