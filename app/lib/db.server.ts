import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, type KyselyConfig, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "~db/schema";
import { getConfig } from "./config.server";
import { sqliteDialect } from "./sqlite-dialect.server";

export type Db = Kysely<Database>;

/** True for a postgres:// (or postgresql://) address, which selects PostgreSQL over SQLite. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * Opens the database at `location`: a postgres:// URL opens a PostgreSQL pool, anything else is an
 * SQLite file (or ":memory:"). `log` is Kysely's, for a benchmark that wants to see each query.
 */
export function createDatabase(location: string, log?: KyselyConfig["log"]): Db {
  return isPostgresUrl(location) ? createPostgresDatabase(location, log) : createSqliteDatabase(location, log);
}

/**
 * The embedded database, with the settings every connection needs: WAL so readers never wait
 * for the writer, foreign keys enforced, and a busy timeout so a brief write lock is a short
 * wait rather than an error.
 */
function createSqliteDatabase(filename: string, log?: KyselyConfig["log"]): Db {
  if (filename !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(filename)), { recursive: true });
  const sqlite = new SQLite(filename);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return new Kysely<Database>({ dialect: sqliteDialect(sqlite), log });
}

/**
 * Counts and sums come back from PostgreSQL as bigint or numeric, which pg hands over as strings
 * to avoid losing precision; every such number here is far below 2^53, so they are read as
 * numbers, as SQLite gives them.
 */
const numericTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** How a PostgreSQL database's pool connects, and what must close before the pool does. */
interface PostgresHandle {
  clientConfig: pg.ClientConfig;
  closers: Set<() => Promise<void>>;
}

declare global {
  // On globalThis because the Remix server bundle carries its own copy of this module, while the
  // database it is handed (setDb) was opened by scripts/start.ts's copy.
  var __waymarkPostgresHandles: WeakMap<Db, PostgresHandle> | undefined;
}
const postgresHandles = (globalThis.__waymarkPostgresHandles ??= new WeakMap<Db, PostgresHandle>());

function createPostgresDatabase(url: string, log?: KyselyConfig["log"]): Db {
  const clientConfig: pg.ClientConfig = {
    connectionString: url,
    types: numericTypes,
    // Every connection works in UTC, so text timestamps written by the database match the app's.
    options: "-c timezone=UTC",
  };
  const pool = new pg.Pool({ ...clientConfig, max: 10 });
  // An idle connection the server closes (a restart, a failover) is replaced on next use; without
  // a listener its error would end the process.
  pool.on("error", (error) => console.error("A PostgreSQL connection was lost; it will be replaced", error.message));
  const handle: PostgresHandle = { clientConfig, closers: new Set() };
  // Long-lived clients (LISTEN) are closed first, or the pool's end would wait for them forever.
  const end = pool.end.bind(pool);
  pool.end = (async () => {
    for (const close of handle.closers) await close();
    return end();
  }) as typeof pool.end;
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
  postgresHandles.set(db, handle);
  return db;
}

/**
 * For PostgreSQL databases: the settings a separate long-lived client needs (to LISTEN), and a
 * place to register its closing so `db.destroy()` ends it too. Undefined for SQLite.
 */
export function postgresHandleOf(db: Db): PostgresHandle | undefined {
  return postgresHandles.get(db);
}

/** Where the configured database is: DATABASE_URL when set, otherwise the SQLite file. */
export function databaseLocation(config = getConfig()): string {
  return config.DATABASE_URL ?? config.DATABASE_PATH;
}

declare global {
  // Kept on globalThis so a development rebuild reuses the open connection.
  var __waymarkDb: Db | undefined;
}

/** The application's shared database, opened on first use from DATABASE_URL or DATABASE_PATH. */
export function getDb(): Db {
  globalThis.__waymarkDb ??= createDatabase(databaseLocation());
  return globalThis.__waymarkDb;
}

/** Lets tests and scripts point the app at a database they opened themselves. */
export function setDb(db: Db): void {
  globalThis.__waymarkDb = db;
}
