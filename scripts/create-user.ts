/**
 * Creates an account and prints a one-time link to set its password, for the first admin on a
 * new deployment. No password is typed, so none ends up in shell history.
 *
 *   npm run user:create -- --email ops@example.org --role admin [--name "Ops Team"] [--organisation <id>] [--areas a,b]
 *
 * Without --name, the name is the part of the email address before "@" (here "ops").
 */
import { migrateToLatest } from "~db/migrator";
import { parseCreateUserArgs } from "~/accounts/create-user-args";
import { createInvitedUser } from "~/accounts/invitations.server";
import { publicBaseUrl } from "~/accounts/tokens.server";
import { createDatabase, databaseLocation, type Db } from "~/lib/db.server";

const ADMIN_ORGANISATION = "Waymark administrators";

async function adminOrganisation(db: Db): Promise<string> {
  const existing = await db.selectFrom("organisations").select("id").where("name", "=", ADMIN_ORGANISATION).executeTakeFirst();
  if (existing) return existing.id;
  const id = crypto.randomUUID();
  await db.insertInto("organisations").values({ id, name: ADMIN_ORGANISATION, kind: "council", description: "Accounts that run this Waymark deployment." }).execute();
  return id;
}

async function main(): Promise<number> {
  const parsed = parseCreateUserArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(parsed.message);
    return 1;
  }
  const { args } = parsed;
  const db = createDatabase(databaseLocation());
  try {
    await migrateToLatest(db);
    const organisationId = args.organisation ?? (await adminOrganisation(db));
    const created = await createInvitedUser(
      db,
      null,
      { userId: null, label: "npm run user:create" },
      { name: args.name, email: args.email, role: args.role, organisationId, areaIds: args.areas },
    );
    if (!created.ok) {
      const flags: Record<string, string> = { name: "--name", email: "--email", role: "--role", organisationId: "--organisation", areaIds: "--areas" };
      console.error(Object.entries(created.errors).map(([field, message]) => `${flags[field] ?? field}: ${message}`).join("\n"));
      return 1;
    }
    console.log(`Created ${args.role} ${args.email.toLowerCase()}. Open this link to set the password (it works once, until ${created.expiresAt.toISOString()}):`);
    console.log(`${publicBaseUrl()}/accept-invite/${created.token}`);
    return 0;
  } finally {
    await db.destroy();
  }
}

process.exitCode = await main();
