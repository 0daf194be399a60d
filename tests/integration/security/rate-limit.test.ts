import type { ServerBuild } from "@remix-run/node";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { commitSession, getSession } from "~/accounts/session.server";
import { isTooManyPosts, TooManyPostsPage } from "~/components/too-many-posts";
import { seedDirectory } from "~/directory/seed.server";
import { areaIdFor, organisationIdFor, serviceIdFor } from "~/directory/stable-id";
import { getDb } from "~/lib/db.server";
import { ADDRESS_LIMIT, checkAnonymousPost, PERSON_LIMIT, recordAnonymousPost, type TooManyPosts, withAnonymousPostLimits } from "~/lib/rate-limit.server";
import * as peopleHelped from "~/routes/people-helped.new";
import * as report from "~/routes/services.$id.report";
import { createTestUser, formBody, sessionCookieFor, testUrl } from "../../helpers/auth";

const serviceId = serviceIdFor("park-wood-device-and-data");
type Module = ServerBuild["routes"][string]["module"];
const limitedBuild = withAnonymousPostLimits({ routes: { report: { module: report }, helped: { module: peopleHelped } } } as unknown as ServerBuild);
const limited = (id: "report" | "helped") => limitedBuild.routes[id].module.action! as NonNullable<Module["action"]>;

/** A browser session with no one signed in, as a resident's browser has after its first page. */
async function anonymousCookie(): Promise<string> {
  const session = await getSession(new Request(testUrl("/")));
  session.set("visited", true);
  return (await commitSession(session)).split(";")[0];
}

async function outcome(run: () => unknown): Promise<Response> {
  try {
    return (await run()) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

function sendReport(ip: string, cookie: string | null, details = "The phone number has changed"): Promise<Response> {
  const headers = new Headers(cookie ? { Cookie: cookie } : {});
  const request = new Request(testUrl(`/services/${serviceId}/report`), { method: "POST", headers, body: formBody({ kind: "something-else", details, email: "" }) });
  return outcome(() => limited("report")({ request, params: { id: serviceId }, context: { cspNonce: "", clientIp: ip } }));
}

beforeAll(async () => {
  await seedDirectory(getDb());
});

describe("limits on anonymous form posts", () => {
  it(`lets one person send a form ${PERSON_LIMIT} times in the window, then answers 429 keeping what was typed`, async () => {
    const cookie = await anonymousCookie();
    for (let i = 0; i < PERSON_LIMIT; i++) expect((await sendReport("192.0.2.1", cookie)).status).toBe(302);
    const refused = await sendReport("192.0.2.1", cookie, "Typed once, and kept");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    const data = (await refused.json()) as TooManyPosts;
    expect(isTooManyPosts(data)).toBe(true);
    expect(data.action).toBe(`/services/${serviceId}/report`);
    expect(data.fields).toEqual([
      ["kind", "something-else"],
      ["details", "Typed once, and kept"],
      ["email", ""],
    ]);
    // The same person on another address is still the same person; someone else on the address is not limited.
    expect((await sendReport("192.0.2.99", cookie)).status).toBe(429);
    expect((await sendReport("192.0.2.1", await anonymousCookie())).status).toBe(302);
  });

  it("does not trip for a library: 30 people behind one address, each sending 6 posts", { timeout: 60_000 }, async () => {
    const statuses = new Set<number>();
    for (let person = 0; person < 30; person++) {
      const cookie = await anonymousCookie();
      for (let i = 0; i < 6; i++) statuses.add((await sendReport("198.51.100.7", cookie)).status);
    }
    expect([...statuses]).toEqual([302]);
  });

  it(`stops an address after ${ADDRESS_LIMIT} anonymous posts in the window, cookie or none, and stores only hashed keys`, async () => {
    const db = getDb();
    const now = new Date();
    for (let i = 0; i < ADDRESS_LIMIT; i++) await recordAnonymousPost(db, { ip: "203.0.113.5", sessionId: null, target: `/form-${i % 7}` }, now);
    expect(await checkAnonymousPost(db, { ip: "203.0.113.5", sessionId: "fresh", target: "/other" }, now)).toMatchObject({ ok: false, scope: "address" });
    expect(await checkAnonymousPost(db, { ip: "203.0.113.6", sessionId: null, target: "/other" }, now)).toEqual({ ok: true });
    expect((await sendReport("203.0.113.5", null)).status).toBe(429);
    const keys = await db.selectFrom("rate_limit_counts").select("key").execute();
    expect(keys.some((k) => k.key.includes("203.0.113.5"))).toBe(false);
    // The next window starts the count again, and the ended one is forgotten.
    const later = new Date(now.getTime() + 10 * 60_000);
    expect(await checkAnonymousPost(db, { ip: "203.0.113.5", sessionId: null, target: "/x" }, later)).toEqual({ ok: true });
    await recordAnonymousPost(db, { ip: "203.0.113.8", sessionId: null, target: "/x" }, later);
    expect(await db.selectFrom("rate_limit_counts").select("window_start").where("window_start", "<", later.toISOString().slice(0, 15)).execute()).toEqual([]);
  });

  it("does not limit people who are signed in", async () => {
    const db = getDb();
    const champion = await createTestUser(db, { role: "champion", organisationId: organisationIdFor("maidstone-digital-champions"), areaIds: [areaIdFor("maidstone")] });
    const cookie = await sessionCookieFor(champion);
    for (let i = 0; i < PERSON_LIMIT + 5; i++) expect((await sendReport("192.0.2.50", cookie)).status).toBe(302);
  });

  it("neither counts nor writes anything for a post that was refused", async () => {
    const cookie = await anonymousCookie();
    // Every row of every table, sorted: the same check on SQLite and PostgreSQL.
    const changes = async () => {
      const db = getDb();
      const tables: Record<string, string[]> = {};
      for (const { name } of await db.introspection.getTables()) {
        tables[name] = (await db.selectFrom(name as "users").selectAll().execute()).map((row) => JSON.stringify(row)).sort();
      }
      return tables;
    };
    const before = await changes();
    for (let i = 0; i < PERSON_LIMIT + 5; i++) {
      const request = new Request(testUrl("/people-helped/new"), { method: "POST", headers: { Cookie: cookie }, body: formBody({}) });
      const answer = await outcome(() => limited("helped")({ request, params: {}, context: { cspNonce: "", clientIp: "192.0.2.77" } }));
      expect(answer.status).toBe(302);
      expect(new URL(answer.headers.get("Location")!, "http://localhost").pathname).toBe("/login");
    }
    expect(await changes()).toEqual(before);
  });

  it("renders the 429 page with what was typed, escaped, in a form that sends it again", () => {
    const html = renderToStaticMarkup(
      TooManyPostsPage({ data: { rateLimited: true, minutes: 4, action: "/referrals/self/contact", fields: [["name", "Sam <b>Lee</b>"], ["phone", ""]] } }),
    );
    expect(html).toContain("Wait 4 minutes");
    expect(html).toContain('<form method="post" action="/referrals/self/contact"');
    expect(html).toContain('<input type="hidden" name="name" value="Sam &lt;b&gt;Lee&lt;/b&gt;"/>');
    expect(html).toContain("Sam &lt;b&gt;Lee&lt;/b&gt;</dd>");
  });
});
