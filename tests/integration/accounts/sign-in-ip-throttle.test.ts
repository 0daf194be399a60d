import { beforeAll, describe, expect, it } from "vitest";
import { signIn } from "~/accounts/sign-in.server";
import { MAX_FAILURES_PER_IP } from "~/accounts/throttle";
import { getDb } from "~/lib/db.server";
import { createTestUser, type TestUser } from "../../helpers/auth";

const PASSWORD = "the attacker's own password";
let own: TestUser;
let victim: TestUser;

beforeAll(async () => {
  const db = getDb();
  own = await createTestUser(db, { role: "champion", password: PASSWORD });
  victim = await createTestUser(db, { role: "staff", password: "the victim's password" });
});

const seconds = (base: Date, n: number) => new Date(base.getTime() + n * 1000);

/**
 * Earlier attempts from one address, logged as signIn logs them. Each real attempt runs a slow
 * password hash on purpose, so the long runs are written directly.
 */
async function logAttempts(ip: string, from: Date, count: number, attempt: (i: number) => { email: string; succeeded: boolean }) {
  const rows = Array.from({ length: count }, (_, i) => {
    const { email, succeeded } = attempt(i);
    return { email, ip, succeeded: succeeded ? 1 : 0, created_at: seconds(from, i).toISOString() };
  });
  await getDb().insertInto("sign_in_attempts").values(rows).execute();
}

describe("per-IP sign-in throttling", { timeout: 120_000 }, () => {
  it("is not reset by signing in to an account the attacker holds", async () => {
    const db = getDb();
    const t0 = new Date("2031-01-01T10:00:00.000Z");
    const ip = "198.51.100.150";
    await logAttempts(ip, t0, MAX_FAILURES_PER_IP - 2, (i) => ({ email: `guess-${i}@example.org`, succeeded: false }));
    expect(await signIn(db, { email: victim.email, password: "a guess", ip }, seconds(t0, 30))).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(db, { email: own.email, password: PASSWORD, ip }, seconds(t0, 31))).toEqual({ ok: true, userId: own.id });
    expect(await signIn(db, { email: victim.email, password: "another guess", ip }, seconds(t0, 32))).toEqual({ ok: false, reason: "invalid" });

    // That was the twentieth failure in the window: the connection is refused, whatever the password.
    expect(await signIn(db, { email: victim.email, password: "the victim's password", ip }, seconds(t0, 33))).toMatchObject({ ok: false, reason: "throttled" });
    expect(await signIn(db, { email: own.email, password: PASSWORD, ip }, seconds(t0, 34))).toMatchObject({ ok: false, reason: "throttled" });
    // Another connection is unaffected.
    expect(await signIn(db, { email: own.email, password: PASSWORD, ip: "198.51.100.151" }, seconds(t0, 35))).toEqual({ ok: true, userId: own.id });
  });

  it("still counts failures hidden behind a long run of successes", async () => {
    const db = getDb();
    const t0 = new Date("2031-02-01T10:00:00.000Z");
    const ip = "198.51.100.160";
    await logAttempts(ip, t0, MAX_FAILURES_PER_IP - 1, (i) => ({ email: `guess-${i}@example.org`, succeeded: false }));
    await logAttempts(ip, seconds(t0, 30), MAX_FAILURES_PER_IP * 2, () => ({ email: own.email, succeeded: true }));
    expect(await signIn(db, { email: own.email, password: PASSWORD, ip }, seconds(t0, 90))).toEqual({ ok: true, userId: own.id });
    expect(await signIn(db, { email: victim.email, password: "a guess", ip }, seconds(t0, 91))).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(db, { email: own.email, password: PASSWORD, ip }, seconds(t0, 92))).toMatchObject({ ok: false, reason: "throttled" });
  });
});
