import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoUsers } from "~/accounts/demo-users.server";
import { seedDemoCourses } from "~/courses/demo-courses.server";
import { runLearnerRetention } from "~/courses/people.server";
import { addDays, toLondon } from "~/directory/opening-times-calendar";
import { serviceIdFor } from "~/directory/stable-id";
import { enqueueMessage } from "~/messaging/outbox.server";
import { action as eraseAction } from "~/routes/people.$id_.erase";
import { loader as exportLoader } from "~/routes/people.$id_.export[.]json";
import { loader as personLoader } from "~/routes/people.$id";
import { createTestArea, createTestUser } from "../../helpers/auth";
import { createBookedPerson, createTestCourse } from "../../helpers/courses";
import { testDb } from "../../setup/integration";
import { get, maidstone, post, setUpPartnership } from "./support";

let users: Awaited<ReturnType<typeof setUpPartnership>>;

beforeAll(async () => {
  users = await setUpPartnership();
});

/** A person who came to one session with a note, and was sent their dates. */
async function learner(name: string) {
  const { courseId, sessionIds } = await createTestCourse(testDb, { createdBy: users.provider.id, sessions: [{ inDays: 0 }] });
  const personId = await createBookedPerson(testDb, { courseId, areaId: maidstone, bookedBy: users.champion.id, name, phone: `07700900${Math.floor(100 + Math.random() * 899)}` });
  await testDb.insertInto("session_attendance").values({ session_id: sessionIds[0], person_id: personId, attended: 1, note: `${name} set up email`, marked_by_user_id: users.provider.id, marked_at: new Date().toISOString() }).execute();
  await enqueueMessage(testDb, { channel: "sms", to: "07700900999", body: `Hello ${name}`, purpose: "course-booking", related: { type: "course-person", id: personId } });
  return personId;
}

describe("a learner's data", () => {
  it("is shown and exported to the coordinator of their area, every time audited, and to nobody else", async () => {
    const personId = await learner("Robin");
    const page = await (await get(personLoader, `/people/${personId}`, users.coordinator, { id: personId })).json();
    expect(page.person.name).toBe("Robin");
    expect(page.attendance).toEqual([expect.objectContaining({ attended: true, note: "Robin set up email" })]);

    const download = await get(exportLoader, `/people/${personId}/export.json`, users.coordinator, { id: personId });
    expect(download.headers.get("Content-Disposition")).toContain("attachment");
    const data = await download.json();
    expect(data.person.name).toBe("Robin");
    expect(data.bookings).toHaveLength(1);
    expect(data.attendance[0].note).toBe("Robin set up email");
    expect(data.messages[0].body).toBe("Hello Robin");

    const audit = await testDb.selectFrom("audit_log").select("action").where("record_id", "=", personId).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(["person-exported", "person-viewed"]);

    const elsewhere = await createTestUser(testDb, { role: "coordinator", areaIds: [await createTestArea(testDb)] });
    expect((await get(personLoader, `/people/${personId}`, elsewhere, { id: personId })).status).toBe(404);
    expect((await get(exportLoader, `/people/${personId}/export.json`, users.provider, { id: personId })).status).toBe(403);
  });

  it("is erased on request: details, notes and message addresses go, attendance stays", async () => {
    const personId = await learner("Jordan");
    expect((await post(eraseAction, `/people/${personId}/erase`, users.coordinator, {}, { id: personId })).headers.get("Location")).toBe(`/people/${personId}?done=erased`);
    const person = await testDb.selectFrom("people").selectAll().where("id", "=", personId).executeTakeFirstOrThrow();
    expect(person).toMatchObject({ name: null, phone: null, email: null, triage_reference: null });
    expect(person.personal_data_erased_at).not.toBeNull();
    const marks = await testDb.selectFrom("session_attendance").select(["attended", "note"]).where("person_id", "=", personId).execute();
    expect(marks).toEqual([{ attended: 1, note: null }]);
    const messages = await testDb.selectFrom("messages").select(["recipient", "status"]).where("related_id", "=", personId).execute();
    expect(messages).toEqual([{ recipient: "", status: "failed" }]);
  });

  it("is erased by the retention job the set months after their last session, and not before", async () => {
    const personId = await learner("Alex");
    const lastSeen = toLondon(new Date()).date;
    const [y, m, d] = lastSeen.split("-").map(Number);
    const sixMonthsOn = new Date(Date.UTC(y, m - 1 + 6, d, 12));
    expect(await runLearnerRetention(testDb, new Date(sixMonthsOn.getTime() - 3 * 86_400_000), 6)).toBe(0);
    expect((await testDb.selectFrom("people").select("name").where("id", "=", personId).executeTakeFirstOrThrow()).name).toBe("Alex");
    expect(await runLearnerRetention(testDb, new Date(sixMonthsOn.getTime() + 2 * 86_400_000), 6)).toBeGreaterThanOrEqual(1);
    expect((await testDb.selectFrom("people").select("name").where("id", "=", personId).executeTakeFirstOrThrow()).name).toBeNull();
  });
});

describe("demo courses", () => {
  it("seed a course two weeks in with registers marked, and one on the bus, once", async () => {
    await seedDemoUsers(testDb);
    await seedDemoCourses(testDb);
    await seedDemoCourses(testDb);
    const bus = await testDb.selectFrom("courses").select("status").where("service_id", "=", serviceIdFor("cliftonville-free-sim")).execute();
    expect(bus).toEqual([{ status: "published" }]);
    const parkWood = await testDb.selectFrom("courses").select("id").where("title", "=", "Getting started online").where("description", "like", "Five friendly%").execute();
    expect(parkWood).toHaveLength(1);
    const sessions = await testDb.selectFrom("course_sessions").select("date").where("course_id", "=", parkWood[0].id).orderBy("date").execute();
    expect(sessions[0].date).toBe(addDays(toLondon(new Date()).date, -14));
    const marked = await testDb.selectFrom("session_attendance as a").innerJoin("course_sessions as s", "s.id", "a.session_id").select("a.attended").where("s.course_id", "=", parkWood[0].id).execute();
    expect(marked).toHaveLength(8);
    expect(marked.filter((m) => m.attended === 1)).toHaveLength(6);
  });
});
