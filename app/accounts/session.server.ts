import { randomBytes } from "node:crypto";
import { createCookie, createSessionStorage, redirect, type Session } from "@remix-run/node";
import { getConfig } from "~/lib/config.server";
import { getDb } from "~/lib/db.server";

/** Sessions end after this long without a request, for residents and staff alike. */
export const IDLE_TIMEOUT_MS = 4 * 60 * 60 * 1000;
/** Sliding expiry is written at most this often, so most requests do not write. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export interface SessionData {
  userId?: string;
  [key: string]: unknown;
}

const nowIso = () => new Date().toISOString();
const expiryFromNow = () => new Date(Date.now() + IDLE_TIMEOUT_MS).toISOString();

function buildStorage() {
  const config = getConfig();
  const cookie = createCookie("waymark_session", {
    httpOnly: true,
    sameSite: "lax",
    secure: config.NODE_ENV === "production",
    path: "/",
    secrets: [config.SESSION_SECRET],
  });

  return createSessionStorage<SessionData>({
    cookie,
    async createData(data) {
      const id = randomBytes(24).toString("base64url");
      await getDb()
        .insertInto("sessions")
        .values({ id, user_id: data.userId ?? null, data: JSON.stringify(data), expires_at: expiryFromNow() })
        .execute();
      return id;
    },
    async readData(id) {
      const db = getDb();
      const row = await db
        .selectFrom("sessions")
        .select(["data", "last_seen_at", "expires_at"])
        .where("id", "=", id)
        .executeTakeFirst();
      if (!row) return null;
      if (row.expires_at <= nowIso()) {
        await db.deleteFrom("sessions").where("id", "=", id).execute();
        return null;
      }
      if (Date.now() - Date.parse(row.last_seen_at) > TOUCH_INTERVAL_MS) {
        await db.updateTable("sessions").set({ last_seen_at: nowIso(), expires_at: expiryFromNow() }).where("id", "=", id).execute();
      }
      return JSON.parse(row.data) as SessionData;
    },
    async updateData(id, data) {
      await getDb()
        .updateTable("sessions")
        .set({ data: JSON.stringify(data), user_id: data.userId ?? null, last_seen_at: nowIso(), expires_at: expiryFromNow() })
        .where("id", "=", id)
        .execute();
    },
    async deleteData(id) {
      await getDb().deleteFrom("sessions").where("id", "=", id).execute();
    },
  });
}

let storage: ReturnType<typeof buildStorage> | undefined;
function sessionStorage() {
  storage ??= buildStorage();
  return storage;
}

export function getSession(request: Request): Promise<Session<SessionData>> {
  return sessionStorage().getSession(request.headers.get("Cookie"));
}

export function commitSession(session: Session<SessionData>): Promise<string> {
  return sessionStorage().commitSession(session);
}

export function destroySession(session: Session<SessionData>): Promise<string> {
  return sessionStorage().destroySession(session);
}

/** Saves a change to the session and redirects, the usual end of a form step. */
export async function redirectWithSession(session: Session<SessionData>, to: string): Promise<Response> {
  return redirect(to, { headers: { "Set-Cookie": await commitSession(session) } });
}

/** Ends every session a user has: at sign-out everywhere, deactivation and password change. */
export async function revokeUserSessions(userId: string): Promise<void> {
  await getDb().deleteFrom("sessions").where("user_id", "=", userId).execute();
}
