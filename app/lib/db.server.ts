import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { getConfig } from "./config.server";
import { sqliteDialect } from "./sqlite-dialect.server";

export type Db = Kysely<Database>;

/**
 * Opens the embedded database with the settings every connection needs: WAL so readers never
 * wait for the writer, foreign keys enforced, and a busy timeout so a brief write lock is a
 * short wait rather than an error.
 */
export function createDatabase(filename: string): Db {
  if (filename !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(filename)), { recursive: true });
  const sqlite = new SQLite(filename);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return new Kysely<Database>({ dialect: sqliteDialect(sqlite) });
}

declare global {
  // Kept on globalThis so a development rebuild reuses the open connection.
  var __waymarkDb: Db | undefined;
}

/** The application's shared database, opened on first use from DATABASE_PATH. */
export function getDb(): Db {
  globalThis.__waymarkDb ??= createDatabase(getConfig().DATABASE_PATH);
  return globalThis.__waymarkDb;
}

/** Lets tests and scripts point the app at a database they opened themselves. */
export function setDb(db: Db): void {
  globalThis.__waymarkDb = db;
}
