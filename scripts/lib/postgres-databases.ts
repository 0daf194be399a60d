import { sql } from "kysely";
import { createDatabase } from "~/lib/db.server";

/** The same server as `url`, another database on it. */
export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Runs one statement that cannot run inside a transaction (CREATE or DROP DATABASE) on the server's own database. */
export async function onServer(url: string, statement: string): Promise<void> {
  const admin = createDatabase(databaseUrl(url, "postgres"));
  try {
    await sql.raw(statement).execute(admin);
  } finally {
    await admin.destroy();
  }
}

/** A new database cloned from `template` (which nobody may be connected to), named after `name`. */
export async function cloneDatabase(templateUrl: string, name: string): Promise<string> {
  const template = new URL(templateUrl).pathname.slice(1);
  await onServer(templateUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  return databaseUrl(templateUrl, name);
}

export async function dropDatabase(url: string): Promise<void> {
  await onServer(url, `DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
}

/** An empty database called `name` on `server` (an earlier one of that name is dropped first). */
export async function createFreshDatabase(server: string, name: string): Promise<string> {
  const url = databaseUrl(server, name);
  await dropDatabase(url);
  await onServer(server, `CREATE DATABASE ${name}`);
  return url;
}

export async function databaseExists(url: string): Promise<boolean> {
  const admin = createDatabase(databaseUrl(url, "postgres"));
  try {
    const { rows } = await sql<{ n: number }>`select count(*) as n from pg_database where datname = ${new URL(url).pathname.slice(1)}`.execute(admin);
    return Number(rows[0]?.n) > 0;
  } finally {
    await admin.destroy();
  }
}
