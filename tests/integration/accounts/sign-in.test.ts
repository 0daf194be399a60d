import { beforeAll, describe, expect, it } from "vitest";
import { signIn } from "~/accounts/sign-in.server";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, THROTTLE_WINDOW_MS } from "~/accounts/throttle";
import { getDb } from "~/lib/db.server";
import { action as loginAction } from "~/routes/login";
import { createTestUser, formBody, type TestUser } from "../../helpers/auth";
import { args } from "./support";

const PASSWORD = "the right password";
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  const db = getDb();
  alice = await createTestUser(db, { role: "staff", password: PASSWORD });
  bob = await createTestUser(db, { role: "staff", password: PASSWORD });
});

const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);

// Every attempt runs a real password hash, on purpose, so these take seconds on a busy machine:
// one went past 30 s under a load of 20 on 2 cores. The limit is a hang guard.
describe("sign-in throttling", { timeout: 120_000 }, () => {
  it("refuses an account after too many failures, even with the right password and from another connection", async () => {
    const db = getDb();
    const t0 = new Date("2030-01-01T10:00:00.000Z");
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect(await signIn(db, { email: alice.email, password: "wrong", ip: `198.51.100.${i + 1}` }, minutes(t0, 0))).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await signIn(db, { email: alice.email, password: PASSWORD, ip: "198.51.100.200" }, minutes(t0, 1))).toEqual({ ok: false, reason: "throttled", minutes: 14 });
    expect(await signIn(db, { email: alice.email.toUpperCase(), password: PASSWORD, ip: "198.51.100.201" }, minutes(t0, 14))).toMatchObject({ reason: "throttled", minutes: 1 });
    // Another account on the same connections is unaffected.
    expect(await signIn(db, { email: bob.email, password: PASSWORD, ip: "198.51.100.1" }, minutes(t0, 1))).toEqual({ ok: true, userId: bob.id });

    const afterWindow = new Date(t0.getTime() + THROTTLE_WINDOW_MS + 1000);
    expect(await signIn(db, { email: alice.email, password: PASSWORD, ip: "198.51.100.200" }, afterWindow)).toEqual({ ok: true, userId: alice.id });

    // The success starts the count again: as many failures again as just under the limit still leave the right password working.
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) {
      await signIn(db, { email: alice.email, password: "wrong", ip: "198.51.100.202" }, minutes(afterWindow, 1));
    }
    expect(await signIn(db, { email: alice.email, password: PASSWORD, ip: "198.51.100.202" }, minutes(afterWindow, 2))).toEqual({ ok: true, userId: alice.id });
  });

  it("refuses a connection after too many failures across accounts, even for a right password", async () => {
    const db = getDb();
    const t0 = new Date("2030-02-01T10:00:00.000Z");
    const ip = "198.51.100.77";
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      await signIn(db, { email: `guess-${i}@example.org`, password: "wrong", ip }, minutes(t0, 0));
    }
    expect(await signIn(db, { email: bob.email, password: PASSWORD, ip }, minutes(t0, 2))).toMatchObject({ ok: false, reason: "throttled" });
    expect(await signIn(db, { email: bob.email, password: PASSWORD, ip: "198.51.100.78" }, minutes(t0, 2))).toEqual({ ok: true, userId: bob.id });
    expect(await signIn(db, { email: bob.email, password: PASSWORD, ip }, minutes(t0, 16))).toEqual({ ok: true, userId: bob.id });
  });

  it("tells the person how long to wait, on the sign-in page", async () => {
    const db = getDb();
    const carol = await createTestUser(db, { role: "champion", password: PASSWORD });
    const post = (password: string) =>
      loginAction(args(new Request("http://localhost/login", { method: "POST", body: formBody({ email: carol.email, password }) }), {}, "198.51.100.90"));
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) expect((await post("wrong")).status).toBe(400);
    const refused = await post(PASSWORD);
    expect(refused.status).toBe(429);
    expect((await refused.json()).errors.email).toBe("Too many attempts to sign in. Try again in 15 minutes.");
    expect(refused.headers.get("Set-Cookie")).toBeNull();
  });
});

describe("sign-in messages", () => {
  it("gives the same answer for an unknown email as for a wrong password", async () => {
    const post = (email: string, ip: string) =>
      loginAction(args(new Request("http://localhost/login", { method: "POST", body: formBody({ email, password: "not the password" }) }), {}, ip));
    const unknown = await post("no-such-person@example.org", "198.51.100.120");
    const wrong = await post(bob.email, "198.51.100.121");
    expect(unknown.status).toBe(400);
    expect(wrong.status).toBe(400);
    const [a, b] = [await unknown.json(), await wrong.json()];
    expect(a.errors).toEqual(b.errors);
    expect(a.errors.email).toBe("Email address or password is not right. Check them and try again.");
  });

  it("does not let an invited person sign in before they have set a password", async () => {
    const db = getDb();
    const invited = await createTestUser(db, { role: "staff" });
    expect(await signIn(db, { email: invited.email, password: "", ip: "198.51.100.130" })).toEqual({ ok: false, reason: "invalid" });
  });
});
