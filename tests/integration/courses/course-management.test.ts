import { beforeAll, describe, expect, it } from "vitest";
import { addDays, toLondon } from "~/directory/opening-times-calendar";
import { serviceIdFor } from "~/directory/stable-id";
import { action as courseAction, loader as courseLoader } from "~/routes/courses.manage.$id._index";
import { action as editAction, loader as editLoader } from "~/routes/courses.manage.$id.edit";
import { action as newAction } from "~/routes/courses.manage.new";
import { action as registerAction, loader as registerLoader } from "~/routes/courses.register.$sessionId";
import { loader as serviceLoader } from "~/routes/services.$id._index";
import type { TestUser } from "../../helpers/auth";
import { createBookedPerson, createTestCourse } from "../../helpers/courses";
import { testDb } from "../../setup/integration";
import { get, maidstone, post, setUpPartnership } from "./support";

let users: Awaited<ReturnType<typeof setUpPartnership>>;
const parkWood = serviceIdFor("park-wood-device-and-data");
const nextWeek = addDays(toLondon(new Date()).date, 7);

beforeAll(async () => {
  users = await setUpPartnership();
});

async function createCourse(user: TestUser, fields: Record<string, string>) {
  return post(newAction, "/courses/manage/new", user, { serviceId: parkWood, title: "Getting started online", description: "Five sessions for beginners.", ...fields });
}

describe("a provider publishes a course", () => {
  it("adds a course, five weekly sessions in one go, publishes it, and the listing shows the next sessions", async () => {
    const created = await createCourse(users.provider, {});
    expect(created.status).toBe(302);
    const courseId = created.headers.get("Location")!.split("/").pop()!;

    const added = await post(courseAction, `/courses/manage/${courseId}`, users.provider, { intent: "add-sessions", date: nextWeek, startsAt: "10:00", endsAt: "12:00", where: "bus", capacity: "6", weeks: "5" }, { id: courseId });
    expect(added.status).toBe(302);
    const sessions = await testDb.selectFrom("course_sessions").selectAll().where("course_id", "=", courseId).orderBy("date").execute();
    expect(sessions.map((s) => s.date)).toEqual([0, 7, 14, 21, 28].map((d) => addDays(nextWeek, d)));
    expect(sessions.every((s) => s.on_bus === 1 && s.place === null && s.capacity === 6)).toBe(true);

    // A draft is not in the directory yet.
    let page = await (await get(serviceLoader, `/services/${parkWood}`, null, { id: parkWood })).json();
    expect(page.courses.map((c: { id: string }) => c.id)).not.toContain(courseId);

    expect((await post(courseAction, `/courses/manage/${courseId}`, users.provider, { intent: "publish" }, { id: courseId })).headers.get("Location")).toContain("done=published");
    page = await (await get(serviceLoader, `/services/${parkWood}`, null, { id: parkWood })).json();
    const shown = page.courses.find((c: { id: string }) => c.id === courseId);
    expect(shown.next).toHaveLength(2);
    expect(shown.next[0]).toMatch(/10am to midday, on the digital bus$/);
  });

  it("refuses bad input with a message per field and keeps what was typed", async () => {
    const refused = await createCourse(users.provider, { title: "", description: "Kept as typed" });
    expect(refused.status).toBe(400);
    const body = await refused.json();
    expect(body.errors.title).toBe("Enter a title for the course");
    expect(body.values.description).toBe("Kept as typed");

    const { courseId } = await createTestCourse(testDb, { createdBy: users.provider.id, status: "draft", sessions: [] });
    const bad = await post(courseAction, `/courses/manage/${courseId}`, users.provider, { intent: "add-sessions", date: nextWeek, startsAt: "12:00", endsAt: "10:00", where: "place", place: "", capacity: "lots", weeks: "5" }, { id: courseId });
    expect(bad.status).toBe(400);
    const errors = (await bad.json()).errors;
    expect(Object.keys(errors)).toEqual(expect.arrayContaining(["endsAt", "place", "capacity"]));
    const noSessions = await post(courseAction, `/courses/manage/${courseId}`, users.provider, { intent: "publish" }, { id: courseId });
    expect(noSessions.status).toBe(400);
  });

  it("removes a session nobody has been marked at, and keeps one with a register", async () => {
    const { courseId, sessionIds } = await createTestCourse(testDb, { createdBy: users.provider.id, sessions: [{ inDays: 0 }, { inDays: 7 }] });
    const personId = await createBookedPerson(testDb, { courseId, areaId: maidstone, bookedBy: users.champion.id });
    await testDb.insertInto("session_attendance").values({ session_id: sessionIds[0], person_id: personId, attended: 1, note: null, marked_by_user_id: users.provider.id, marked_at: new Date().toISOString() }).execute();
    const remove = (sessionId: string) => post(courseAction, `/courses/manage/${courseId}?index`, users.provider, { intent: "remove-session", sessionId }, { id: courseId });
    expect((await remove(sessionIds[0])).status).toBe(400);
    expect((await remove(sessionIds[1])).headers.get("Location")).toContain("done=removed");
    const left = await testDb.selectFrom("course_sessions").select("id").where("course_id", "=", courseId).execute();
    expect(left).toEqual([{ id: sessionIds[0] }]);
  });

  it("will not put a course on another organisation's listing", async () => {
    const refused = await createCourse(users.otherProvider, {});
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors.serviceId).toBe("Choose one of your listings");
  });
});

describe("who may change a course", () => {
  it("lets the provider's organisation and the area's coordinator in, and tells another provider it does not exist", async () => {
    const { courseId } = await createTestCourse(testDb, { createdBy: users.provider.id, sessions: [{ inDays: 3 }] });
    expect((await get(editLoader, `/courses/manage/${courseId}/edit`, users.provider, { id: courseId })).status).toBe(200);
    expect((await get(courseLoader, `/courses/manage/${courseId}`, users.coordinator, { id: courseId })).status).toBe(200);
    expect((await get(courseLoader, `/courses/manage/${courseId}`, users.otherProvider, { id: courseId })).status).toBe(404);

    const edit = await post(editAction, `/courses/manage/${courseId}/edit`, users.otherProvider, { serviceId: parkWood, title: "Taken over", description: "No" }, { id: courseId });
    expect(edit.status).toBe(404);
    const sessions = await post(courseAction, `/courses/manage/${courseId}`, users.otherProvider, { intent: "add-sessions", date: nextWeek, startsAt: "10:00", endsAt: "12:00", where: "bus", capacity: "6", weeks: "1" }, { id: courseId });
    expect(sessions.status).toBe(404);
    const course = await testDb.selectFrom("courses").select("title").where("id", "=", courseId).executeTakeFirstOrThrow();
    expect(course.title).toBe("Getting started online");
    expect(await testDb.selectFrom("course_sessions").select("id").where("course_id", "=", courseId).execute()).toHaveLength(1);
  });
});

describe("the register", () => {
  it("is marked in one post by the provider, with notes, and a champion cannot mark it", async () => {
    const { courseId, sessionIds } = await createTestCourse(testDb, { createdBy: users.provider.id, sessions: [{ inDays: 0 }, { inDays: 7 }] });
    const sam = await createBookedPerson(testDb, { courseId, areaId: maidstone, bookedBy: users.champion.id, name: "Sam" });
    const ali = await createBookedPerson(testDb, { courseId, areaId: maidstone, bookedBy: users.champion.id, name: "Ali" });
    const url = `/courses/register/${sessionIds[0]}`;
    const params = { sessionId: sessionIds[0] };

    const champion = await post(registerAction, url, users.champion, { intent: "save", attended: [sam] }, params);
    expect(champion.status).toBe(403);
    expect(await testDb.selectFrom("session_attendance").select("person_id").where("session_id", "=", sessionIds[0]).execute()).toEqual([]);
    expect((await post(registerAction, url, users.otherProvider, { intent: "save", attended: [sam] }, params)).status).toBe(404);

    const tooLong = await post(registerAction, url, users.provider, { intent: "save", attended: [sam], [`note-${sam}`]: "x".repeat(301) }, params);
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).values.attended).toEqual([sam]);

    const saved = await post(registerAction, url, users.provider, { intent: "save", attended: [sam], [`note-${sam}`]: "Set up email", [`note-${ali}`]: "" }, params);
    expect(saved.headers.get("Location")).toBe(`${url}?done=saved`);
    const marks = await testDb.selectFrom("session_attendance").select(["person_id", "attended", "note"]).where("session_id", "=", sessionIds[0]).orderBy("attended").execute();
    expect(marks).toEqual([
      { person_id: ali, attended: 0, note: null },
      { person_id: sam, attended: 1, note: "Set up email" },
    ]);

    const register = await (await get(registerLoader, url, users.provider, params)).json();
    expect(register.entries.map((e: { name: string; attended: boolean }) => [e.name, e.attended])).toEqual([
      ["Ali", false],
      ["Sam", true],
    ]);

    // Next week's session has not started: nothing to mark yet.
    const early = await post(registerAction, `/courses/register/${sessionIds[1]}`, users.provider, { intent: "save", attended: [sam] }, { sessionId: sessionIds[1] });
    expect(early.status).toBe(400);
  });

  it("adds a walk-in who is booked on and marked here, and finds them again by their number", async () => {
    const { courseId, sessionIds } = await createTestCourse(testDb, { createdBy: users.provider.id, sessions: [{ inDays: 0 }] });
    const url = `/courses/register/${sessionIds[0]}`;
    const params = { sessionId: sessionIds[0] };
    const noConsent = await post(registerAction, url, users.provider, { intent: "walk-in", name: "Pat", contact: "07700 900 555" }, params);
    expect(noConsent.status).toBe(400);
    expect((await noConsent.json()).values.name).toBe("Pat");

    for (const contact of ["07700 900 555", "+44 7700 900555"]) {
      expect((await post(registerAction, url, users.provider, { intent: "walk-in", name: "Pat", contact, consent: "yes" }, params)).status).toBe(302);
    }
    const people = await testDb.selectFrom("people").select(["id", "name", "area_id"]).where("phone", "=", "07700900555").execute();
    expect(people).toHaveLength(1);
    expect(people[0].area_id).toBe(maidstone);
    const booking = await testDb.selectFrom("course_bookings").select("source").where("course_id", "=", courseId).where("person_id", "=", people[0].id).execute();
    expect(booking).toEqual([{ source: "walk-in" }]);
    const mark = await testDb.selectFrom("session_attendance").select("attended").where("session_id", "=", sessionIds[0]).where("person_id", "=", people[0].id).executeTakeFirstOrThrow();
    expect(mark.attended).toBe(1);
  });
});
