import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateToLatest } from "~db/migrator";
import { createDatabase } from "~/lib/db.server";

/**
 * Migrates one template database for the whole run; each integration test file then copies it
 * (tests/setup/integration.ts), so every file starts from a fresh, fully migrated database.
 */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-test-"));
  const template = path.join(dir, "template.db");
  const db = createDatabase(template);
  await migrateToLatest(db);
  await db.destroy();
  project.provide("templateDatabase", template);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
