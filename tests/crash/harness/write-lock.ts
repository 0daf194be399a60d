/**
 * Tells from outside when another process is inside a write transaction on an SQLite file, so a
 * crash test can kill it there rather than at a guessed moment: a second connection that never
 * waits asks for the write lock and is refused (SQLITE_BUSY) while a writer holds it.
 */
import SQLite from "better-sqlite3";

export interface WriteLockProbe {
  /** Resolves once a writer has held the lock for `ms` without a break (0: as soon as it is seen held). */
  heldFor(ms: number, timeoutMs: number): Promise<void>;
  close(): void;
}

export function probeWriteLock(databasePath: string): WriteLockProbe {
  const connection = new SQLite(databasePath, { timeout: 0 });
  const held = (): boolean => {
    try {
      connection.exec("BEGIN IMMEDIATE");
      connection.exec("ROLLBACK");
      return false;
    } catch (error) {
      if ((error as { code?: string }).code === "SQLITE_BUSY") return true;
      throw error;
    }
  };
  return {
    async heldFor(ms, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      let since: number | null = null;
      for (;;) {
        const now = Date.now();
        if (held()) {
          since ??= now;
          if (now - since >= ms) return;
        } else {
          since = null;
        }
        if (now > deadline) throw new Error(`no write transaction of ${ms} ms was seen within ${timeoutMs} ms`);
        // A timer, not a busy loop: the test's own loopback servers must keep answering meanwhile.
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    },
    close: () => connection.close(),
  };
}
