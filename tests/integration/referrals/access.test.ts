import { type CompiledQuery, sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { dialectOf } from "~db/dialect";
import { getDb } from "~/lib/db.server";
import { inboxQuery, inboxScopingFor } from "~/referrals/inbox.server";
import * as erase from "~/routes/referrals.$reference_.erase";
import * as exportCsv from "~/routes/referrals.$reference_.export[.]csv";
import * as exportJson from "~/routes/referrals.$reference_.export[.]json";
import * as page from "~/routes/referrals.$reference";
import * as inbox from "~/routes/referrals._index";
import { makeReferral } from "./flow";
import { errorsOf, expectRedirect, IDS, seedCast, Visitor, type Cast } from "./support";

let cast: Cast;
/** Maidstone, to Connect Kent, by the champion. */
let mine: string;
/** Maidstone, to Money Matters, by the other champion. */
let theirs: string;
/** Thanet, to Connect Kent, by the Thanet champion. */
let thanet: string;

beforeAll(async () => {
  cast = await seedCast(getDb());
  mine = await makeReferral(await Visitor.signedIn(cast.champion), { serviceId: IDS.parkWood });
  theirs = await makeReferral(await Visitor.signedIn(cast.otherChampion), { serviceId: IDS.moneyMaidstone });
  thanet = await makeReferral(await Visitor.signedIn(cast.thanetChampion), { serviceId: IDS.cliftonville, person: { postcode: "CT9" } });
});

async function inboxReferences(user: { id: string }, query = ""): Promise<string[]> {
  const response = await (await Visitor.signedIn(user)).get(inbox.loader, `/referrals${query}`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { rows: { reference: string }[] };
  return body.rows.map((r) => r.reference);
}

async function status(reference: string) {
  return getDb().selectFrom("referrals").select(["id", "status", "decline_reason", "outcome"]).where("reference", "=", reference).executeTakeFirstOrThrow();
}

async function auditCount(action: string, reference: string): Promise<number> {
  const { id } = await status(reference);
  const rows = await getDb().selectFrom("audit_log").select("id").where("action", "=", action).where("record_id", "=", id).execute();
  return rows.length;
}

describe("who sees which referrals", () => {
  it("shows providers their organisation's referrals, champions their own, coordinators their areas, admins all", async () => {
    expect((await inboxReferences(cast.provider)).sort()).toEqual([mine, thanet].sort());
    expect(await inboxReferences(cast.otherProvider)).toEqual([theirs]);
    expect(await inboxReferences(cast.champion)).toEqual([mine]);
    expect((await inboxReferences(cast.coordinator)).sort()).toEqual([mine, theirs].sort());
    expect(await inboxReferences(cast.thanetCoordinator)).toEqual([thanet]);
    expect((await inboxReferences(cast.admin)).sort()).toEqual([mine, theirs, thanet].sort());
  });

  it("shows no personal details in the inbox", async () => {
    const response = await (await Visitor.signedIn(cast.coordinator)).get(inbox.loader, "/referrals");
    const text = await response.text();
    for (const secret of ["Sam", "sam.person@example.org", "Large print"]) expect(text).not.toContain(secret);
  });

  it("filters by status, service, age, stuck and safeguarding", async () => {
    expect(await inboxReferences(cast.coordinator, `?service=${IDS.moneyMaidstone}`)).toEqual([theirs]);
    expect(await inboxReferences(cast.coordinator, "?status=accepted")).toEqual([]);
    expect((await inboxReferences(cast.coordinator, "?status=sent")).length).toBe(2);
    expect(await inboxReferences(cast.coordinator, "?age=3")).toEqual([]);
    expect(await inboxReferences(cast.coordinator, "?stuck=yes")).toEqual([]);
    expect(await inboxReferences(cast.coordinator, "?safeguarding=yes")).toEqual([]);
    // A bad filter value is ignored, never an error.
    expect((await inboxReferences(cast.coordinator, "?status=<script>&age=-4&page=x")).length).toBe(2);
  });

  it("pages 25 at a time, needing action first", async () => {
    const db = getDb();
    const template = await db.selectFrom("referrals").selectAll().where("reference", "=", theirs).executeTakeFirstOrThrow();
    const at = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const rows = Array.from({ length: 30 }, (_, i) => ({
      ...template,
      id: `paged-${i}`,
      reference: `PAGE${"23456789ABCDEFGHJKMNPQRSTVWXYZ"[i]}222`,
      status: i < 20 ? ("closed" as const) : ("sent" as const),
      status_changed_at: at(i),
      referrer_user_id: cast.admin.id,
    }));
    await db.insertInto("referrals").values(rows).execute();
    const first = await inboxReferences(cast.admin);
    expect(first).toHaveLength(25);
    // The ten open ones come before the closed ones, longest waiting first.
    const open = rows.filter((r) => r.status === "sent").sort((a, b) => a.status_changed_at.localeCompare(b.status_changed_at));
    expect(first.slice(0, 10)).toEqual(open.map((r) => r.reference));
    const second = await inboxReferences(cast.admin, "?page=2");
    expect(second.length).toBe(33 - 25);
    expect(new Set([...first, ...second]).size).toBe(33);
    await db.deleteFrom("referrals").where("id", "like", "paged-%").execute();
  });

  it("runs the inbox query from the indexes", async () => {
    const db = getDb();
    const plans: Record<string, string> = {};
    for (const [name, user] of Object.entries({ provider: cast.provider, referrer: cast.champion, coordinator: cast.coordinator })) {
      const compiled = inboxQuery(db, user, await inboxScopingFor(db, user), { page: 1 }, new Date()).compile();
      plans[name] = await queryPlan(db, compiled);
    }
    expect(plans.provider).toMatch(/referrals_organisation_status/);
    expect(plans.referrer).toMatch(/referrals_referrer/);
    expect(plans.coordinator).toMatch(/referrals_area_status/);
    for (const plan of Object.values(plans)) expect(plan).not.toMatch(/SCAN referrals\b|Seq Scan on referrals\b/);
  });
});

/**
 * The plan the database would run. PostgreSQL's planner reads a test-sized table straight
 * through whatever indexes exist, so there sequential scans are priced out to show which index
 * it would use on a real-sized one.
 */
async function queryPlan(db: ReturnType<typeof getDb>, compiled: CompiledQuery): Promise<string> {
  if (dialectOf(db) === "sqlite") {
    const rows = await db.executeQuery<{ detail: string }>({ ...compiled, sql: `EXPLAIN QUERY PLAN ${compiled.sql}` });
    return rows.rows.map((r) => r.detail).join("\n");
  }
  return db.connection().execute(async (connection) => {
    await sql`SET enable_seqscan = off`.execute(connection);
    try {
      const rows = await connection.executeQuery<{ "QUERY PLAN": string }>({ ...compiled, sql: `EXPLAIN ${compiled.sql}` });
      return rows.rows.map((r) => r["QUERY PLAN"]).join("\n");
    } finally {
      await sql`RESET enable_seqscan`.execute(connection);
    }
  });
}

describe("the referral page", () => {
  it("is 404 for anyone not entitled, and shows the person only to those who are", async () => {
    const cases: [keyof Cast, string, number][] = [
      ["champion", mine, 200],
      ["champion", theirs, 404],
      ["otherChampion", mine, 404],
      ["provider", mine, 200],
      ["provider", theirs, 404],
      ["otherProvider", mine, 404],
      ["coordinator", mine, 200],
      ["coordinator", thanet, 404],
      ["thanetCoordinator", mine, 404],
      ["admin", thanet, 200],
    ];
    for (const [who, reference, expected] of cases) {
      const response = await (await Visitor.signedIn(cast[who])).get(page.loader, `/referrals/${reference}`, { reference });
      expect(response.status, `${who} viewing ${reference}`).toBe(expected);
      if (expected === 200) expect(await response.text()).toContain("sam.person@example.org");
      else expect(await response.text()).not.toContain("Sam");
    }
    for (const nonsense of ["nope", "AAAAAAAA", "../../etc"]) {
      expect((await (await Visitor.signedIn(cast.admin)).get(page.loader, `/referrals/x`, { reference: nonsense })).status).toBe(404);
    }
    const signedOut = await Visitor.anonymous().get(page.loader, `/referrals/${mine}`, { reference: mine });
    expect(signedOut.status).toBe(302);
  });

  it("writes an audit row for every view of personal data", async () => {
    const before = await auditCount("referral-viewed", mine);
    const visitor = await Visitor.signedIn(cast.provider);
    await visitor.get(page.loader, `/referrals/${mine}`, { reference: mine });
    await visitor.get(page.loader, `/referrals/${mine}`, { reference: mine });
    await (await Visitor.signedIn(cast.champion)).get(page.loader, `/referrals/${mine}`, { reference: mine });
    expect(await auditCount("referral-viewed", mine)).toBe(before + 3);
    // A refused view is not a view.
    await (await Visitor.signedIn(cast.otherProvider)).get(page.loader, `/referrals/${mine}`, { reference: mine });
    expect(await auditCount("referral-viewed", mine)).toBe(before + 3);
  });

  it("offers each person only their moves", async () => {
    const moves = async (who: keyof Cast) =>
      ((await (await (await Visitor.signedIn(cast[who])).get(page.loader, `/referrals/${mine}`, { reference: mine })).json()) as { moves: { to: string }[] }).moves.map(
        (m) => m.to,
      );
    expect(await moves("provider")).toEqual(["accepted", "declined"]);
    expect(await moves("champion")).toEqual(["withdrawn"]);
    expect(await moves("coordinator")).toEqual(["accepted", "declined", "withdrawn"]);
  });
});

describe("changing a referral's status", () => {
  it("refuses forged and out-of-turn moves with a message, storing nothing", async () => {
    const provider = await Visitor.signedIn(cast.provider);
    const eventsBefore = await getDb().selectFrom("referral_events").select("id").execute();
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ intent: "move", to: "closed" }, "to", /cannot be changed/],
      [{ intent: "move", to: "teleported" }, "to", /from the list/],
      [{ intent: "move", to: "" }, "to", /from the list/],
      [{ intent: "move", to: "withdrawn" }, "to", /Only the person who made the referral or a coordinator/],
      [{ intent: "move", to: "declined" }, "declineReason", /why the referral is being declined/],
      [{ intent: "move", to: "declined", declineReason: "bored" }, "declineReason", /why/],
      [{ intent: "move", to: "declined", declineReason: "other" }, "note", /Say why/],
      [{ intent: "move", to: "accepted", note: "<script>alert(1)</script>" }, "note", /plain words/],
      [{ intent: "move", to: "accepted", note: "a".repeat(1001) }, "note", /1,000 characters or fewer/],
      [{ intent: "delete", to: "accepted" }, "intent", /from the list/],
    ];
    for (const [fields, field, message] of cases) {
      const errors = await errorsOf(await provider.post(page.action, `/referrals/${mine}`, fields, { reference: mine }));
      expect(errors[field], JSON.stringify(fields)).toMatch(message);
    }
    expect((await status(mine)).status).toBe("sent");
    expect(await getDb().selectFrom("referral_events").select("id").execute()).toHaveLength(eventsBefore.length);
  });

  it("refuses a provider acting on another organisation's referral (404) and leaves it alone", async () => {
    const response = await (await Visitor.signedIn(cast.otherProvider)).post(page.action, `/referrals/${mine}`, { intent: "move", to: "accepted" }, { reference: mine });
    expect(response.status).toBe(404);
    expect((await status(mine)).status).toBe("sent");
  });

  it("lets the provider accept and record an outcome, with a timeline entry and an email to the referrer each time", async () => {
    const provider = await Visitor.signedIn(cast.provider);
    const { id } = await status(mine);
    const moves: Record<string, string>[] = [
      { intent: "move", to: "accepted", note: "Booked for Monday" },
      { intent: "move", to: "contacted" },
      { intent: "move", to: "outcome", outcome: "received-device", note: "Laptop given" },
    ];
    for (const fields of moves) {
      expectRedirect(await provider.post(page.action, `/referrals/${mine}`, fields, { reference: mine }), `/referrals/${mine}?done=${fields.to}`);
    }
    expect(await status(mine)).toMatchObject({ status: "outcome", outcome: "received-device" });
    const events = await getDb().selectFrom("referral_events").selectAll().where("referral_id", "=", id).orderBy("at").orderBy("to_status").execute();
    expect(events.slice(-3).map((e) => [e.from_status, e.to_status, e.actor_label, e.note])).toEqual([
      ["sent", "accepted", "Grace Okafor, " + (await orgName(IDS.connectKent)), "Booked for Monday"],
      ["accepted", "contacted", "Grace Okafor, " + (await orgName(IDS.connectKent)), null],
      ["contacted", "outcome", "Grace Okafor, " + (await orgName(IDS.connectKent)), "Laptop given"],
    ]);
    const emails = await getDb().selectFrom("messages").selectAll().where("related_id", "=", id).where("purpose", "=", "referral-status").execute();
    expect(emails.map((m) => m.recipient)).toEqual([cast.champion.email, cast.champion.email, cast.champion.email]);
    for (const email of emails) {
      expect(email.body).toContain(`/referrals/${mine}`);
      expect(email.body).not.toContain("Laptop");
      expect(email.body).not.toContain("Sam");
    }
    const champion = (await (await (await Visitor.signedIn(cast.champion)).get(page.loader, `/referrals/${mine}`, { reference: mine })).json()) as {
      status: string;
      summary: { key: string; value: string }[];
    };
    expect(champion.status).toBe("outcome");
    expect(champion.summary).toContainEqual({ key: "Outcome", value: "Received a device" });
  });
});

async function orgName(id: string): Promise<string> {
  return (await getDb().selectFrom("organisations").select("name").where("id", "=", id).executeTakeFirstOrThrow()).name;
}

describe("export and erase", () => {
  it("lets only a coordinator of the area (or an admin) export, audited, as JSON and CSV", async () => {
    for (const [who, expected] of [
      ["champion", 403],
      ["provider", 403],
      ["thanetCoordinator", 404],
      ["coordinator", 200],
      ["admin", 200],
    ] as const) {
      const response = await (await Visitor.signedIn(cast[who])).get(exportJson.loader, `/referrals/${theirs}/export.json`, { reference: theirs });
      expect(response.status, who).toBe(expected);
    }
    const before = await auditCount("referral-exported", theirs);
    const coordinator = await Visitor.signedIn(cast.coordinator);
    const json = await coordinator.get(exportJson.loader, `/referrals/${theirs}/export.json`, { reference: theirs });
    const data = (await json.json()) as {
      reference: string;
      referral: Record<string, unknown>;
      timeline: unknown[];
      messagesToPerson: { channel: string; recipient: string; subject: string; body: string }[];
    };
    expect(data.reference).toBe(theirs);
    expect(data.referral).toMatchObject({ person_name: "Sam", contact_detail: "sam.person@example.org" });
    expect(data.timeline.length).toBeGreaterThanOrEqual(2);
    // The confirmation emailed to the person is held about them too: where it went and what it said.
    expect(data.messagesToPerson).toHaveLength(1);
    expect(data.messagesToPerson[0]).toMatchObject({ channel: "email", recipient: "sam.person@example.org" });
    expect(data.messagesToPerson[0].body).toContain(theirs.slice(0, 4));
    const csv = await coordinator.get(exportCsv.loader, `/referrals/${theirs}/export.csv`, { reference: theirs });
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    const text = await csv.text();
    expect(text).toContain("referral,person_name,Sam");
    expect(text).toMatch(/\r\n[^\r\n]*,email,sam\.person@example\.org,Your Waymark reference/);
    expect(await auditCount("referral-exported", theirs)).toBe(before + 2);
  });

  it("erases on request: personal columns, timeline notes and the person's message address, audited", async () => {
    const coordinator = await Visitor.signedIn(cast.coordinator);
    expect((await (await Visitor.signedIn(cast.thanetCoordinator)).post(erase.action, `/referrals/${theirs}/erase`, {}, { reference: theirs })).status).toBe(404);
    expect((await coordinator.get(erase.loader, `/referrals/${theirs}/erase`, { reference: theirs })).status).toBe(200);
    expectRedirect(await coordinator.post(erase.action, `/referrals/${theirs}/erase`, {}, { reference: theirs }), `/referrals/${theirs}?done=erased`);
    const row = await getDb().selectFrom("referrals").selectAll().where("reference", "=", theirs).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ person_name: null, contact_detail: null, best_times: null, access_needs: null, reason_note: null, consent_confirmed_by: null });
    expect(row.personal_data_erased_at).not.toBeNull();
    expect(row.status).toBe("sent");
    const notes = await getDb().selectFrom("referral_events").select("note").where("referral_id", "=", row.id).where("note", "is not", null).execute();
    expect(notes).toHaveLength(0);
    const toPerson = await getDb().selectFrom("messages").select("recipient").where("related_type", "=", "referral-person").where("related_id", "=", row.id).execute();
    expect(toPerson.every((m) => m.recipient === "")).toBe(true);
    expect(await auditCount("referral-erased", theirs)).toBe(1);
    // Viewing it now shows no personal data, so is not audited as a view of it.
    const before = await auditCount("referral-viewed", theirs);
    const view = await coordinator.get(page.loader, `/referrals/${theirs}`, { reference: theirs });
    expect(await view.text()).not.toContain("sam.person");
    expect(await auditCount("referral-viewed", theirs)).toBe(before);
    // The erase page is gone once there is nothing to erase.
    expectRedirect(await coordinator.get(erase.loader, `/referrals/${theirs}/erase`, { reference: theirs }), `/referrals/${theirs}`);
  });
});
