import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/lib/db.server";
import { coordinatorDeskId } from "~/referrals/coordinator-desk";
import * as check from "~/routes/referrals.self.check";
import * as confirmation from "~/routes/referrals.self.confirmation";
import * as consent from "~/routes/referrals.self.consent";
import * as contact from "~/routes/referrals.self.contact";
import * as start from "~/routes/referrals.self._index";
import * as page from "~/routes/referrals.$reference";
import * as inbox from "~/routes/referrals._index";
import { createTestUser } from "../../helpers/auth";
import { errorsOf, expectRedirect, IDS, seedCast, seedTriage, Visitor, type Cast } from "./support";

let cast: Cast;
beforeAll(async () => {
  cast = await seedCast(getDb());
});

const CONTACT = { personName: "Lee", contactMethod: "text", mobile: "07700 900 123", phone: "", email: "", addressLine: "", addressPostcode: "", bestTimes: "", postcode: "" };

async function ask(visitor: Visitor, query: string, fields: Record<string, string>): Promise<string> {
  expect((await visitor.get(start.loader, `/referrals/self${query}`)).status).toBe(200);
  expectRedirect(await visitor.post(contact.action, "/referrals/self/contact", fields), "/referrals/self/consent");
  expect((await visitor.get(consent.loader, "/referrals/self/consent")).status).toBe(200);
  expectRedirect(await visitor.post(consent.action, "/referrals/self/consent", { consent: "yes" }), "/referrals/self/check");
  expect((await visitor.get(check.loader, "/referrals/self/check")).status).toBe(200);
  expectRedirect(await visitor.post(check.action, "/referrals/self/check", {}), "/referrals/self/confirmation");
  const done = (await (await visitor.get(confirmation.loader, "/referrals/self/confirmation")).json()) as { reference: string };
  return done.reference;
}

async function row(reference: string) {
  return getDb().selectFrom("referrals").selectAll().where("reference", "=", reference).executeTakeFirstOrThrow();
}

describe("asking someone to contact me", () => {
  it("goes from a resident's check to the coordinators of their area, with their reasons and consent given online", async () => {
    const triage = await seedTriage(getDb(), "ME14 1LQ");
    const reference = await ask(Visitor.anonymous(), `?triage=${triage.reference}`, CONTACT);
    const referral = await row(reference);
    expect(referral).toMatchObject({
      kind: "live",
      self_referral: 1,
      referrer_user_id: null,
      area_id: IDS.maidstone,
      service_id: coordinatorDeskId(IDS.maidstone),
      organisation_id: IDS.council,
      person_name: "Lee",
      contact_method: "text",
      contact_detail: "07700900123",
      outward_code: "ME14",
      consent_given: 1,
      consent_method: "online",
      consent_confirmed_by: "Lee",
    });
    expect(JSON.parse(referral.reasons).goals).toEqual(["job-search", "universal-credit"]);
    const desk = await getDb().selectFrom("services").select(["published", "name"]).where("id", "=", referral.service_id).executeTakeFirstOrThrow();
    expect(desk).toEqual({ published: 0, name: "Digital help team, Maidstone" });
    const toCoordinators = await getDb().selectFrom("messages").select("recipient").where("related_id", "=", referral.id).where("subject", "like", "A resident%").execute();
    expect(toCoordinators.map((m) => m.recipient)).toEqual([cast.coordinator.email]);
    const text = await getDb().selectFrom("messages").selectAll().where("related_type", "=", "referral-person").where("related_id", "=", referral.id).executeTakeFirstOrThrow();
    expect(text).toMatchObject({ channel: "sms", recipient: "07700900123" });

    // The Maidstone coordinator can see it and act as the service; the Thanet one cannot see it.
    const moves = (await (await (await Visitor.signedIn(cast.coordinator)).get(page.loader, `/referrals/${reference}`, { reference })).json()) as { moves: { to: string }[] };
    expect(moves.moves.map((m) => m.to)).toContain("accepted");
    expect((await (await Visitor.signedIn(cast.thanetCoordinator)).get(page.loader, `/referrals/${reference}`, { reference })).status).toBe(404);
  });

  it("keeps a request to the coordinator desk from the providers of the organisation that owns the desk", async () => {
    const deskOwner = await createTestUser(getDb(), { role: "provider", name: "Pat Hall", organisationId: IDS.council, areaIds: [] });
    const reference = await ask(Visitor.anonymous(), "", { ...CONTACT, postcode: "ME16" });
    const referral = await row(reference);
    expect(referral).toMatchObject({ service_id: coordinatorDeskId(IDS.maidstone), organisation_id: IDS.council, status: "sent" });

    const provider = await Visitor.signedIn(deskOwner);
    const list = (await (await provider.get(inbox.loader, "/referrals")).json()) as { rows: { reference: string }[]; services: { id: string }[] };
    expect(list.rows.map((r) => r.reference)).not.toContain(reference);
    expect(list.services.map((s) => s.id)).not.toContain(referral.service_id);
    const view = await provider.get(page.loader, `/referrals/${reference}`, { reference });
    expect(view.status).toBe(404);
    expect(await view.text()).not.toContain("Lee");
    expect((await provider.post(page.action, `/referrals/${reference}`, { intent: "move", to: "accepted" }, { reference })).status).toBe(404);
    expect((await row(reference)).status).toBe("sent");

    // Only the area's coordinators hear of it: not the desk organisation's address or providers.
    const organisation = await getDb().selectFrom("organisations").select("email").where("id", "=", IDS.council).executeTakeFirstOrThrow();
    const told = await getDb().selectFrom("messages").select("recipient").where("related_type", "=", "referral").where("related_id", "=", referral.id).execute();
    expect(told.map((m) => m.recipient)).toEqual([cast.coordinator.email]);
    expect(told.map((m) => m.recipient)).not.toContain(organisation.email);

    // The coordinator still answers it.
    const coordinator = await Visitor.signedIn(cast.coordinator);
    expectRedirect(await coordinator.post(page.action, `/referrals/${reference}`, { intent: "move", to: "accepted" }, { reference }), `/referrals/${reference}?done=accepted`);
  });

  it("goes straight to a service that takes self-referrals", async () => {
    const reference = await ask(Visitor.anonymous(), `?service=${IDS.parkWood}`, { ...CONTACT, postcode: "ME15" });
    expect(await row(reference)).toMatchObject({ service_id: IDS.parkWood, organisation_id: IDS.connectKent, status: "sent", self_referral: 1 });
  });

  it("needs a postcode in the partnership when nothing else says where the person lives", async () => {
    const visitor = Visitor.anonymous();
    await visitor.get(start.loader, "/referrals/self");
    expect((await errorsOf(await visitor.post(contact.action, "/referrals/self/contact", CONTACT))).postcode).toMatch(/Enter the first part of your postcode/);
    expect((await errorsOf(await visitor.post(contact.action, "/referrals/self/contact", { ...CONTACT, postcode: "SW1A" }))).postcode).toMatch(/do not have a local help team/);
    expect((await errorsOf(await visitor.post(contact.action, "/referrals/self/contact", { ...CONTACT, contactMethod: "through-champion" }))).contactMethod).toMatch(/Choose how/);
    expect((await errorsOf(await visitor.post(contact.action, "/referrals/self/contact", { ...CONTACT, personName: "<script>alert(1)</script>" }))).personName).toMatch(/only include letters/);
    expectRedirect(await visitor.get(consent.loader, "/referrals/self/consent"), "/referrals/self/contact");
  });

  it("keeps nothing when the resident does not agree", async () => {
    const before = (await getDb().selectFrom("referrals").select("id").execute()).length;
    const visitor = Visitor.anonymous();
    await visitor.get(start.loader, "/referrals/self");
    await visitor.post(contact.action, "/referrals/self/contact", { ...CONTACT, postcode: "ME16" });
    expectRedirect(await visitor.post(consent.action, "/referrals/self/consent", { consent: "no" }), "/referrals/self/consent?answer=no");
    expectRedirect(await visitor.post(check.action, "/referrals/self/check", {}), "/referrals/self/consent");
    expect((await errorsOf(await visitor.post(consent.action, "/referrals/self/consent", { consent: "" }))).consent).toMatch(/Select yes/);
    expect((await getDb().selectFrom("referrals").select("id").execute()).length).toBe(before);
  });
});
