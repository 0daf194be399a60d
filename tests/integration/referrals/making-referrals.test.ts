import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/lib/db.server";
import { PERSONAL_DATA_COLUMNS } from "~/referrals/retention";
import { makeReferral, STEPS, VALID } from "./flow";
import { errorsOf, expectRedirect, IDS, seedCast, seedTriage, Visitor, type Cast } from "./support";

let cast: Cast;
beforeAll(async () => {
  cast = await seedCast(getDb());
});

async function referralByReference(reference: string) {
  return getDb().selectFrom("referrals").selectAll().where("reference", "=", reference).executeTakeFirstOrThrow();
}

async function countReferrals(): Promise<number> {
  const { n } = await getDb().selectFrom("referrals").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(n);
}

describe("making a referral", () => {
  it("stores it, sends it to the service, and tells the service and the person without leaking details to staff", async () => {
    const visitor = await Visitor.signedIn(cast.champion);
    const reference = await makeReferral(visitor, { serviceId: IDS.parkWood });
    expect(reference).toMatch(/^[2-9A-HJKMNP-TV-Z]{8}$/);

    const referral = await referralByReference(reference);
    expect(referral).toMatchObject({
      kind: "live",
      status: "sent",
      service_id: IDS.parkWood,
      organisation_id: IDS.connectKent,
      area_id: IDS.maidstone,
      referrer_user_id: cast.champion.id,
      self_referral: 0,
      person_name: "Sam",
      contact_method: "email",
      contact_detail: "sam.person@example.org",
      outward_code: "ME14",
      language: "Polish",
      consent_given: 1,
      consent_method: "in-person",
      consent_confirmed_by: "Priya Shah",
    });
    expect(referral.consent_at).not.toBeNull();
    expect(referral.sent_at).not.toBeNull();
    expect(JSON.parse(referral.reasons)).toEqual({ barriers: ["device", "skills"], goals: ["job-search"] });

    const events = await getDb().selectFrom("referral_events").selectAll().where("referral_id", "=", referral.id).orderBy("at").execute();
    expect(events.map((e) => [e.from_status, e.to_status, e.actor_label])).toEqual([
      [null, "new", "Priya Shah, Maidstone Digital Champions Network"],
      ["new", "sent", "Waymark"],
    ]);

    const messages = await getDb().selectFrom("messages").selectAll().where("related_id", "=", referral.id).execute();
    const staff = messages.filter((m) => m.related_type === "referral");
    expect(staff.map((m) => m.recipient).sort()).toEqual(["hello@connectkent.example.org", cast.provider.email].sort());
    for (const message of staff) {
      expect(message.purpose).toBe("referral-new");
      expect(message.body).toContain(`/referrals/${reference}`);
      for (const secret of ["Sam", "sam.person@example.org", "Polish", "Large print", "warehouse"]) expect(message.body).not.toContain(secret);
    }
    const toPerson = messages.filter((m) => m.related_type === "referral-person");
    expect(toPerson).toHaveLength(1);
    expect(toPerson[0]).toMatchObject({ channel: "email", recipient: "sam.person@example.org", forget_recipient: 0 });
    expect(toPerson[0].body).toContain(reference.slice(0, 4));
  });

  it("fills the reasons and postcode from a triage plan", async () => {
    const triage = await seedTriage(getDb(), "ME15 6JQ");
    const visitor = await Visitor.signedIn(cast.champion);
    await visitor.get(STEPS.start.loader, `/referrals/new?service=${IDS.parkWood}&triage=${triage.reference.toLowerCase()}`);
    const reasons = (await (await visitor.get(STEPS.reasons.loader, "/referrals/new/reasons")).json()) as { barriers: string[]; goals: string[]; fromTriage: boolean };
    expect(reasons.fromTriage).toBe(true);
    expect(reasons.barriers.sort()).toEqual([...triage.barriers].sort());
    expect(reasons.goals).toEqual(["job-search", "universal-credit"]);
    await visitor.post(STEPS.reasons.action, "/referrals/new/reasons", { barriers: reasons.barriers, goals: reasons.goals, reasonNote: "" });
    const person = (await (await visitor.get(STEPS.person.loader, "/referrals/new/person")).json()) as { defaults: { postcode: string } };
    expect(person.defaults.postcode).toBe("ME15");
  });

  it("keeps only the outward code of a full postcode and says so on the next page", async () => {
    const visitor = await Visitor.signedIn(cast.champion);
    await visitor.get(STEPS.start.loader, `/referrals/new?service=${IDS.parkWood}`);
    await visitor.post(STEPS.reasons.action, "/referrals/new/reasons", VALID.reasons);
    await visitor.post(STEPS.person.action, "/referrals/new/person", { ...VALID.person, postcode: "me16 8aq" });
    const needs = (await (await visitor.get(STEPS.needs.loader, "/referrals/new/needs")).json()) as { notice: string };
    expect(needs.notice).toContain("ME16");
  });

  it("with consent refused, stops, records only a signpost with no personal data, and still tells the coordinators of a safeguarding concern", async () => {
    const before = await countReferrals();
    const visitor = await Visitor.signedIn(cast.champion);
    await visitor.get(STEPS.start.loader, `/referrals/new?service=${IDS.parkWood}`);
    await visitor.post(STEPS.reasons.action, "/referrals/new/reasons", VALID.reasons);
    await visitor.post(STEPS.person.action, "/referrals/new/person", VALID.person);
    await visitor.post(STEPS.needs.action, "/referrals/new/needs", { ...VALID.needs, safeguarding: "yes", safeguardingNote: "Worried about money" });
    expectRedirect(await visitor.post(STEPS.consent.action, "/referrals/new/consent", { consent: "no" }), "/referrals/new/signpost");
    // Check answers cannot be reached without consent.
    expectRedirect(await visitor.get(STEPS.check.loader, "/referrals/new/check"), "/referrals/new/signpost");
    expectRedirect(await visitor.post(STEPS.check.action, "/referrals/new/check", {}), "/referrals/new/signpost");
    expect(await countReferrals()).toBe(before);

    expectRedirect(await visitor.post(STEPS.signpost.action, "/referrals/new/signpost", {}), "/referrals/new/confirmation");
    const confirmed = (await (await visitor.get(STEPS.confirmation.loader, "/referrals/new/confirmation")).json()) as {
      reference: string;
      kind: string;
      signpostSafeguarding: boolean;
    };
    const { reference } = confirmed;
    expect(confirmed).toMatchObject({ kind: "logged", signpostSafeguarding: true });
    const logged = await referralByReference(reference);
    // The flag says a concern was raised, not about whom; the note describing it is not kept.
    expect(logged).toMatchObject({ kind: "logged", status: "closed", consent_given: 0, safeguarding: 1, outward_code: "ME14", area_id: IDS.maidstone, service_id: IDS.parkWood });
    for (const column of [...PERSONAL_DATA_COLUMNS, "contact_method", "language", "consent_method", "consent_at", "triage_result_id"] as const) {
      expect(logged[column], column).toBeNull();
    }
    const messages = await getDb().selectFrom("messages").selectAll().where("related_id", "=", logged.id).execute();
    expect(messages.map((m) => [m.related_type, m.recipient, m.subject])).toEqual([["referral", cast.coordinator.email, "Safeguarding concern raised without a referral"]]);
    const body = messages[0].body;
    for (const expected of ["Priya Shah", cast.champion.email, "Laptop, tablet and free SIM scheme at Park Wood", `${reference.slice(0, 4)} ${reference.slice(4)}`]) expect(body).toContain(expected);
    for (const secret of ["Sam", "sam.person@example.org", "Worried about money", "Polish", "Large print", "warehouse"]) expect(body).not.toContain(secret);
  });

  it("with consent refused and no safeguarding concern, sends nothing at all", async () => {
    const visitor = await Visitor.signedIn(cast.champion);
    await visitor.get(STEPS.start.loader, `/referrals/new?service=${IDS.parkWood}`);
    await visitor.post(STEPS.reasons.action, "/referrals/new/reasons", VALID.reasons);
    await visitor.post(STEPS.person.action, "/referrals/new/person", VALID.person);
    await visitor.post(STEPS.needs.action, "/referrals/new/needs", VALID.needs);
    await visitor.post(STEPS.consent.action, "/referrals/new/consent", { consent: "no" });
    expectRedirect(await visitor.post(STEPS.signpost.action, "/referrals/new/signpost", {}), "/referrals/new/confirmation");
    const confirmed = (await (await visitor.get(STEPS.confirmation.loader, "/referrals/new/confirmation")).json()) as { reference: string; signpostSafeguarding: boolean };
    expect(confirmed.signpostSafeguarding).toBe(false);
    const logged = await referralByReference(confirmed.reference);
    expect(logged).toMatchObject({ kind: "logged", safeguarding: 0 });
    expect(await getDb().selectFrom("messages").select("id").where("related_id", "=", logged.id).execute()).toHaveLength(0);
  });

  it("sends a safeguarding concern to the area's coordinators as well", async () => {
    const visitor = await Visitor.signedIn(cast.champion);
    const reference = await makeReferral(visitor, { serviceId: IDS.parkWood, needs: { safeguarding: "yes", safeguardingNote: "Lives with someone who takes their money" } });
    const referral = await referralByReference(reference);
    expect(referral).toMatchObject({ safeguarding: 1, safeguarding_note: "Lives with someone who takes their money", status: "sent" });
    const toCoordinators = await getDb()
      .selectFrom("messages")
      .selectAll()
      .where("related_id", "=", referral.id)
      .where("subject", "like", "Safeguarding%")
      .execute();
    expect(toCoordinators.map((m) => m.recipient)).toEqual([cast.coordinator.email]);
    expect(toCoordinators[0].body).not.toContain("money");
  });

  it("refers to a national service from any area, but refuses another area's service and unknown ids", async () => {
    const visitor = await Visitor.signedIn(cast.champion);
    await makeReferral(visitor, { serviceId: IDS.helpline });

    const before = await countReferrals();
    await visitor.get(STEPS.start.loader, "/referrals/new");
    for (const forged of [IDS.cliftonville, "00000000-0000-5000-8000-000000000000", "", "x".repeat(101), "<script>alert(1)</script>"]) {
      const errors = await errorsOf(await visitor.post(STEPS.service.action, "/referrals/new/service", { serviceId: forged }));
      expect(errors.serviceId).toMatch(/Choose (a service|the service)/);
    }
    // The start link with another area's service is not taken either.
    expectRedirect(await visitor.get(STEPS.start.loader, `/referrals/new?service=${IDS.cliftonville}`), "/referrals/new/service");
    expect(await countReferrals()).toBe(before);
  });

  it("lists only services the user may refer to in the picker", async () => {
    const visitor = await Visitor.signedIn(cast.champion);
    await visitor.get(STEPS.start.loader, "/referrals/new");
    const page = (await (await visitor.get(STEPS.service.loader, "/referrals/new/service?q=sim")).json()) as { services: { id: string }[] };
    const ids = page.services.map((s) => s.id);
    expect(ids).toContain(IDS.parkWood);
    expect(ids).not.toContain(IDS.cliftonville);
    const wildcard = (await (await visitor.get(STEPS.service.loader, "/referrals/new/service?q=%25%25")).json()) as { services: unknown[] };
    expect(wildcard.services.length).toBeGreaterThan(0);
  });

  it("does not let a step be skipped by going straight to a later page", async () => {
    const visitor = await Visitor.signedIn(cast.champion);
    await visitor.get(STEPS.start.loader, `/referrals/new?service=${IDS.parkWood}`);
    expectRedirect(await visitor.get(STEPS.consent.loader, "/referrals/new/consent"), "/referrals/new/reasons");
    expectRedirect(await visitor.post(STEPS.needs.action, "/referrals/new/needs", VALID.needs), "/referrals/new/reasons");
  });

  it("makes one referral when the final button is pressed twice", async () => {
    const visitor = await Visitor.signedIn(cast.champion);
    await makeReferral(visitor, { serviceId: IDS.parkWood });
    const before = await countReferrals();
    expectRedirect(await visitor.post(STEPS.check.action, "/referrals/new/check", {}), "/referrals/new/confirmation");
    expect(await countReferrals()).toBe(before);
  });

  it("brings change links back to check answers", async () => {
    const visitor = await Visitor.signedIn(cast.champion);
    await visitor.get(STEPS.start.loader, `/referrals/new?service=${IDS.parkWood}`);
    await visitor.post(STEPS.reasons.action, "/referrals/new/reasons", VALID.reasons);
    await visitor.post(STEPS.person.action, "/referrals/new/person", VALID.person);
    await visitor.post(STEPS.needs.action, "/referrals/new/needs", VALID.needs);
    await visitor.post(STEPS.consent.action, "/referrals/new/consent", VALID.consent);
    expectRedirect(
      await visitor.post(STEPS.person.action, "/referrals/new/person?return=check", { ...VALID.person, personName: "S J", returnTo: "check" }),
      "/referrals/new/check",
    );
    const check = (await (await visitor.get(STEPS.check.loader, "/referrals/new/check")).json()) as { personName: string };
    expect(check.personName).toBe("S J");
  });

  it("needs the permission to refer: providers are refused and the signed-out are sent to sign in", async () => {
    const provider = await Visitor.signedIn(cast.provider);
    expect((await provider.get(STEPS.start.loader, "/referrals/new")).status).toBe(403);
    expect((await provider.post(STEPS.check.action, "/referrals/new/check", {})).status).toBe(403);
    const anonymous = Visitor.anonymous();
    const response = await anonymous.get(STEPS.service.loader, "/referrals/new/service");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });
});

describe("bad input on every field gives a clear message and stores nothing", () => {
  const script = "<script>alert(1)</script>";
  const long = (n: number) => "a".repeat(n);
  const cases: [step: "reasons" | "person" | "needs" | "consent", fields: Record<string, string | string[]>, field: string, message: RegExp][] = [
    ["reasons", { barriers: [], goals: [], reasonNote: "" }, "barriers", /at least one reason/],
    ["reasons", { barriers: ["flying"], goals: [], reasonNote: "" }, "barriers", /from the list/],
    ["reasons", { barriers: [], goals: ["world-domination"], reasonNote: "" }, "goals", /from the list/],
    ["reasons", { barriers: ["device"], goals: [], reasonNote: long(501) }, "reasonNote", /500 characters or fewer/],
    ["reasons", { barriers: ["device"], goals: [], reasonNote: script }, "reasonNote", /plain words/],
    ["person", { ...VALID.person, personName: "" }, "personName", /Enter their first name/],
    ["person", { ...VALID.person, personName: long(41) }, "personName", /40 characters or fewer/],
    ["person", { ...VALID.person, personName: script }, "personName", /only include letters/],
    ["person", { ...VALID.person, contactMethod: "" }, "contactMethod", /Choose how/],
    ["person", { ...VALID.person, contactMethod: "pigeon" }, "contactMethod", /Choose how/],
    ["person", { ...VALID.person, contactMethod: "phone", phone: "" }, "phone", /Enter a phone number/],
    ["person", { ...VALID.person, contactMethod: "phone", phone: "12345" }, "phone", /UK phone number/],
    ["person", { ...VALID.person, contactMethod: "text", mobile: "01632 960001" }, "mobile", /UK mobile/],
    ["person", { ...VALID.person, contactMethod: "email", email: "not-an-email" }, "email", /correct format/],
    ["person", { ...VALID.person, contactMethod: "email", email: `${long(250)}@example.org` }, "email", /correct format/],
    ["person", { ...VALID.person, contactMethod: "letter", addressLine: "", addressPostcode: "ME14 1AB" }, "addressLine", /first line/],
    ["person", { ...VALID.person, contactMethod: "letter", addressLine: script, addressPostcode: "ME14 1AB" }, "addressLine", /only include/],
    ["person", { ...VALID.person, contactMethod: "letter", addressLine: "1 High Street", addressPostcode: "ME14" }, "addressPostcode", /full postcode/],
    ["person", { ...VALID.person, bestTimes: long(101) }, "bestTimes", /100 characters or fewer/],
    ["person", { ...VALID.person, bestTimes: script }, "bestTimes", /plain words/],
    ["person", { ...VALID.person, postcode: "NOT A CODE" }, "postcode", /first part of their postcode/],
    ["needs", { ...VALID.needs, accessNeeds: long(501) }, "accessNeeds", /500 characters or fewer/],
    ["needs", { ...VALID.needs, accessNeeds: script }, "accessNeeds", /plain words/],
    ["needs", { ...VALID.needs, language: "Polish123" }, "language", /only include letters/],
    ["needs", { ...VALID.needs, language: long(61) }, "language", /60 characters or fewer/],
    ["needs", { ...VALID.needs, safeguarding: "" }, "safeguarding", /Select yes/],
    ["needs", { ...VALID.needs, safeguarding: "maybe" }, "safeguarding", /Select yes/],
    ["needs", { ...VALID.needs, safeguarding: "yes", safeguardingNote: "" }, "safeguardingNote", /Describe/],
    ["needs", { ...VALID.needs, safeguarding: "yes", safeguardingNote: script }, "safeguardingNote", /plain words/],
    ["consent", { consent: "" }, "consent", /Select yes/],
    ["consent", { consent: "perhaps" }, "consent", /Select yes/],
    ["consent", { consent: "yes", consentMethod: "" }, "consentMethod", /how they gave/],
    ["consent", { consent: "yes", consentMethod: "telepathy" }, "consentMethod", /how they gave/],
  ];

  it.each(cases)("%s: %j → %s", async (step, fields, field, message) => {
    const visitor = await Visitor.signedIn(cast.otherChampion);
    await visitor.get(STEPS.start.loader, `/referrals/new?service=${IDS.parkWood}`);
    const order = ["reasons", "person", "needs", "consent"] as const;
    const valid = { reasons: VALID.reasons, person: VALID.person, needs: VALID.needs, consent: VALID.consent };
    for (const earlier of order.slice(0, order.indexOf(step))) await visitor.post(STEPS[earlier].action, `/referrals/new/${earlier}`, valid[earlier]);
    const before = await countReferrals();
    const response = await visitor.post(STEPS[step].action, `/referrals/new/${step}`, fields);
    const body = (await response.clone().json()) as { values: Record<string, unknown> };
    const errors = await errorsOf(response);
    expect(errors[field]).toMatch(message);
    // What was typed comes back to be shown again.
    for (const [key, value] of Object.entries(fields)) if (typeof value === "string" && value) expect(body.values[key]).toBe(value);
    // The bad answer was not saved: the next page still sends the visitor back to this step.
    const next = (["person", "needs", "consent", "check"] as const)[order.indexOf(step)];
    expectRedirect(await visitor.get(STEPS[next].loader, `/referrals/new/${next}`), `/referrals/new/${step}`);
    expect(await countReferrals()).toBe(before);
  });
});
