import type SQLite from "better-sqlite3";
import { type DatabaseConnection, type Driver, SqliteDialect } from "kysely";

/**
 * Kysely's SQLite dialect, except that a transaction SQLite has already rolled back itself is not
 * rolled back again. On a full disk or an I/O error SQLite ends the transaction on its own; Kysely's
 * second ROLLBACK then fails with "no transaction is active", and that error would replace the one
 * that says what happened (SQLITE_FULL), which the storage-fault page needs.
 */
export function sqliteDialect(sqlite: SQLite.Database): SqliteDialect {
  return new (class extends SqliteDialect {
    createDriver(): Driver {
      const driver = super.createDriver();
      const rollback = driver.rollbackTransaction.bind(driver);
      driver.rollbackTransaction = async (connection: DatabaseConnection) => {
        if (sqlite.inTransaction) await rollback(connection);
      };
      return driver;
    }
  })({ database: sqlite });
}
