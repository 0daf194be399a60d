import { randomUUID } from "node:crypto";
import type { Role } from "~db/schema/accounts";
import { loadEditableListing } from "~/directory/listing-edit.server";
import { areaIdFor, organisationIdFor, serviceIdFor } from "~/directory/stable-id";
import { recordQuizAttempt } from "~/knowledge/training.server";
import type { Db } from "~/lib/db.server";
import { createReferenceCode } from "~/lib/reference-code";
import { completeTriage } from "~/triage/outcome";
import { loadScenarios, loadTriageContent } from "~/triage/question-bank.server";
import { saveTriageResult } from "~/triage/triage-results.server";
import { createCampaign } from "~/outreach/campaigns.server";
import { createTestUser, type TestUser } from "../../helpers/auth";
import { createBookedPerson, createTestCourse } from "../../helpers/courses";
import type { Fixtures } from "./authorization-rules";

/** Records the matrix's URLs point at, made once per run, all in the Maidstone area. */
export async function createFixtures(db: Db, users: Record<Role, TestUser>): Promise<Fixtures> {
  const maidstone = areaIdFor("maidstone");
  const managed = await createTestUser(db, { role: "champion", organisationId: organisationIdFor("maidstone-digital-champions"), areaIds: [maidstone] });

  const content = loadTriageContent();
  const completeAs = (mode: "self" | "assisted") => {
    const done = completeTriage(content, loadScenarios()[0].answers, mode);
    if (!done.ok) throw new Error(`scenario does not complete: ${done.error}`);
    return done.outcome;
  };
  const selfCheck = await saveTriageResult(db, { outcome: completeAs("self"), postcode: "ME14 1LE", areaId: maidstone });
  const assisted = await saveTriageResult(db, {
    outcome: completeAs("assisted"),
    areaId: maidstone,
    createdByUserId: users.champion.id,
    organisationId: users.champion.organisationId,
  });

  // Referrals by the champion to a Connect Kent CIC service (the provider's organisation).
  const serviceId = serviceIdFor("park-wood-device-and-data");
  const reference = await createReferral(db, users.champion, serviceId);
  const erasableReference = await createReferral(db, users.champion, serviceId);

  const listing = await loadEditableListing(db, serviceId);
  if (!listing) throw new Error("the fixture listing is missing");
  const snapshot = JSON.stringify({ ...listing.snapshot, description: `${listing.snapshot.description} Now open on Saturdays too.` });
  const changeId = randomUUID();
  await db
    .insertInto("listing_changes")
    .values({ id: changeId, service_id: serviceId, area_id: maidstone, organisation_id: organisationIdFor("connect-kent-cic"), proposed_by_user_id: users.provider.id, proposed: snapshot, previous: JSON.stringify(listing.snapshot) })
    .execute();

  const attempt = await recordQuizAttempt(db, { userId: users.champion.id, moduleId: "online-safety", score: 90, passed: true });

  const outreachCampaignId = await createCampaign(db, {
    name: "Digital bus in Park Wood",
    channel: "sms",
    subject: "",
    body: "The digital bus is at Park Wood on Monday.",
    audience: { areaIds: [maidstone], districts: [], barriers: [], goals: [] },
    serviceId: null,
    organisationId: users.coordinator.organisationId,
    createdByUserId: users.coordinator.id,
    sendAfter: new Date(Date.now() + 86_400_000),
  });

  const { courseId, sessionIds } = await createTestCourse(db, { createdBy: users.provider.id, sessions: [{ inDays: 0 }, { inDays: 7 }] });
  const personId = await createBookedPerson(db, { courseId, areaId: maidstone, bookedBy: users.champion.id });
  const erasablePersonId = await createBookedPerson(db, { courseId, areaId: maidstone, bookedBy: users.champion.id, name: "Jo Test" });

  return {
    managedUserId: managed.id,
    assistedTriageReference: assisted.reference,
    courseId,
    courseSessionId: sessionIds[0],
    personId,
    erasablePersonId,
    outreachCampaignId,
    organisationId: organisationIdFor("connect-kent-cic"),
    areaId: maidstone,
    serviceId,
    triageReference: selfCheck.reference,
    assistedTriageId: assisted.id,
    referralReference: reference,
    erasableReferralReference: erasableReference,
    listingChangeId: changeId,
    quizAttemptId: attempt.id,
  };
}

/** A sent referral to the referrer's chosen Connect Kent CIC service, in Maidstone; returns its reference. */
async function createReferral(db: Db, referrer: TestUser, serviceId: string): Promise<string> {
  const reference = createReferenceCode();
  await db
    .insertInto("referrals")
    .values({
      id: randomUUID(),
      reference,
      kind: "live",
      status: "sent",
      service_id: serviceId,
      organisation_id: organisationIdFor("connect-kent-cic"),
      area_id: areaIdFor("maidstone"),
      referrer_user_id: referrer.id,
      referrer_organisation_id: referrer.organisationId,
      reasons: JSON.stringify({ barriers: ["device"], goals: [] }),
      person_name: "Sam",
      contact_method: "through-champion",
      outward_code: "ME15",
      consent_given: 1,
      consent_method: "in-person",
      consent_confirmed_by: referrer.id,
      consent_at: new Date().toISOString(),
      sent_at: new Date().toISOString(),
    })
    .execute();
  return reference;
}
