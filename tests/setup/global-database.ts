import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateToLatest } from "~db/migrator";
import { createDatabase } from "~/lib/db.server";
import { createFreshDatabase, dropDatabase } from "../../scripts/lib/postgres-databases";

/**
 * Migrates one template database for the whole run; each integration test file then copies it
 * (tests/setup/integration.ts), so every file starts from a fresh, fully migrated database.
 * The integration-pg project does the same on the PostgreSQL server in TEST_DATABASE_URL: a
 * template database, which each file clones with CREATE DATABASE … TEMPLATE.
 */
export default async function setup(project: TestProject) {
  const server = project.config.provide?.postgresServer as string | undefined;
  if (server) return setupPostgres(project, server);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-test-"));
  const template = path.join(dir, "template.db");
  const db = createDatabase(template);
  await migrateToLatest(db);
  await db.destroy();
  project.provide("templateDatabase", template);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

async function setupPostgres(project: TestProject, server: string) {
  const template = await createFreshDatabase(server, `waymark_template_${process.pid}`);
  const db = createDatabase(template);
  await migrateToLatest(db);
  await db.destroy();
  project.provide("templateDatabase", template);
  return () => dropDatabase(template);
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
    postgresServer?: string;
  }
}
