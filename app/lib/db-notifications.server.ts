import pg from "pg";
import { type Db, postgresHandleOf } from "./db.server";

export interface Subscription {
  /** Counts connections made: it moves after a reconnect, when notifications may have been missed. */
  readonly generation: number;
  /** Settles once the first LISTEN is in place (or failed), so a reader can stamp after it. */
  readonly ready: Promise<void>;
  /** True once the database is closed; nothing more will arrive. */
  readonly closed: boolean;
}

const RECONNECT_MS = 1_000;

/**
 * Listens on a PostgreSQL NOTIFY channel for as long as `db` is open, reconnecting after a lost
 * connection. Each payload goes to `onMessage`; `onReconnect` runs after every connection but
 * the first, since anything sent while disconnected was lost. Returns undefined on SQLite,
 * which has one server and nothing to listen to.
 */
export function listen(db: Db, channel: string, onMessage: (payload: string) => void, onReconnect: () => void): Subscription | undefined {
  const handle = postgresHandleOf(db);
  if (!handle) return undefined;
  let settle = () => {};
  const subscription = { generation: 0, ready: new Promise<void>((resolve) => (settle = resolve)), closed: false };
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | undefined;

  const connect = async () => {
    const next = new pg.Client(handle.clientConfig);
    next.on("notification", (message) => {
      if (message.channel === channel && message.payload !== undefined) onMessage(message.payload);
    });
    next.on("error", () => retry(next));
    next.on("end", () => retry(next));
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      subscription.generation += 1;
      if (subscription.generation > 1) onReconnect();
    } catch {
      retry(next);
    } finally {
      settle();
    }
  };
  const retry = (failed: pg.Client) => {
    if (subscription.closed || client !== failed) return;
    client = null;
    failed.end().catch(() => undefined);
    timer = setTimeout(() => void connect(), RECONNECT_MS);
    timer.unref();
  };
  handle.closers.add(async () => {
    subscription.closed = true;
    clearTimeout(timer);
    await client?.end().catch(() => undefined);
  });
  void connect();
  return subscription;
}
