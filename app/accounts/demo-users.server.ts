import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { parse } from "yaml";
import { z } from "zod";
import { areaIdFor, organisationIdFor } from "~/directory/stable-id";
import { contentPath } from "~/lib/content-path.server";
import type { Db } from "~/lib/db.server";
import { ROLES } from "./policy";
import { hashPassword } from "./password.server";

const file = contentPath("accounts", "demo-users.yaml");

const demoUsersSchema = z.object({
  password: z.string().min(12),
  users: z.array(
    z.object({
      email: z.string().email(),
      name: z.string().min(1),
      role: z.enum(ROLES),
      organisation: z.string().min(1),
      areas: z.array(z.string()),
    }),
  ),
});
export type DemoUsers = z.infer<typeof demoUsersSchema>;

export function loadDemoUsers(): DemoUsers {
  const result = demoUsersSchema.safeParse(parse(fs.readFileSync(file, "utf8")));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${file}: ${issue.path.join(".")}: ${issue.message}`);
  }
  return result.data;
}

/**
 * Creates the demo accounts that are missing; existing accounts (and their passwords) are left
 * alone. Organisations and areas are named by their slugs in content/directory/partnership.yaml.
 */
export async function seedDemoUsers(db: Db): Promise<DemoUsers> {
  const demo = loadDemoUsers();
  for (const user of demo.users) {
    const existing = await db.selectFrom("users").select("id").where("email", "=", user.email).executeTakeFirst();
    if (existing) continue;
    const id = randomUUID();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("users")
        .values({
          id,
          email: user.email,
          name: user.name,
          role: user.role,
          organisation_id: organisationIdFor(user.organisation),
          password_hash: await hashPassword(demo.password),
          password_changed_at: new Date().toISOString(),
        })
        .execute();
      if (user.areas.length > 0) {
        await trx.insertInto("user_areas").values(user.areas.map((area) => ({ user_id: id, area_id: areaIdFor(area) }))).execute();
      }
    });
  }
  return demo;
}
