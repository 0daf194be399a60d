import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { areaIdFor, organisationIdFor, serviceIdFor } from "~/directory/stable-id";
import { createReferenceCode } from "~/lib/reference-code";
import { action as bookAction, loader as bookLoader } from "~/routes/courses.$id.book";
import { loader as coursesLoader } from "~/routes/courses._index";
import { createTestCourse } from "../../helpers/courses";
import { testDb } from "../../setup/integration";
import { assistedPlanBy, get, post, setUpPartnership } from "./support";

let users: Awaited<ReturnType<typeof setUpPartnership>>;
let plan: string;

beforeAll(async () => {
  users = await setUpPartnership();
  plan = await assistedPlanBy(users.champion);
});

const book = (courseId: string, query: string, user = users.champion, fields: Record<string, string> = {}) =>
  post(bookAction, `/courses/${courseId}/book?${query}`, user, { name: "Sam Jones", phone: "07700 900 321", email: "", sendBy: "sms", consent: "yes", ...fields }, { id: courseId });

describe("booking a person onto a course", () => {
  it("books from a plan with consent, finds the person by the plan, and texts them the dates through the outbox", async () => {
    const { courseId } = await createTestCourse(testDb, { createdBy: users.provider.id, sessions: [{ inDays: 2, startsAt: "10:00", endsAt: "12:00" }, { inDays: 9, startsAt: "10:00", endsAt: "12:00" }] });
    const list = await (await get(coursesLoader, `/courses?triage=${plan}`, users.champion)).json();
    expect(list.courses.find((c: { id: string }) => c.id === courseId).placesLeft).toBe(8);

    const booked = await book(courseId, `triage=${plan}`);
    expect(booked.headers.get("Location")).toBe(`/courses?triage=${plan}&done=sent`);
    const person = await testDb.selectFrom("people").selectAll().where("triage_reference", "=", plan).executeTakeFirstOrThrow();
    expect(person).toMatchObject({ name: "Sam Jones", phone: "07700900321", area_id: areaIdFor("maidstone") });
    expect(person.consent_text).toContain("deleted 6 months after my last session");
    const message = await testDb.selectFrom("messages").selectAll().where("related_type", "=", "course-person").where("related_id", "=", person.id).executeTakeFirstOrThrow();
    expect(message).toMatchObject({ channel: "sms", recipient: "07700900321", purpose: "course-booking", status: "queued" });
    expect(message.body).toMatch(/Getting started online with Connect Kent/);
    expect(message.body.split("\n").filter((l) => l.startsWith("- "))).toHaveLength(2);

    // The same person again, typed differently: refused, and no second record.
    const again = await book(courseId, `triage=${plan}`, users.champion, { name: "Sam J", phone: "+44 7700 900321" });
    expect(again.status).toBe(400);
    expect((await again.json()).errors.name).toMatch(/already booked/);
    expect(await testDb.selectFrom("people").select("id").where("phone", "=", "07700900321").execute()).toHaveLength(1);
  });

  it("books from a referral with the person's details already filled in, onto another course as the same person", async () => {
    const { courseId } = await createTestCourse(testDb, { createdBy: users.provider.id, title: "Staying safe online", sessions: [{ inDays: 4 }] });
    const reference = createReferenceCode();
    await testDb
      .insertInto("referrals")
      .values({ id: randomUUID(), reference, kind: "live", status: "sent", service_id: serviceIdFor("park-wood-device-and-data"), organisation_id: organisationIdFor("connect-kent-cic"), area_id: areaIdFor("maidstone"), referrer_user_id: users.champion.id, referrer_organisation_id: users.champion.organisationId, reasons: JSON.stringify({ barriers: [], goals: [] }), person_name: "Sam Jones", contact_method: "text", contact_detail: "07700 900321", consent_given: 1 })
      .execute();
    const form = await (await get(bookLoader, `/courses/${courseId}/book?referral=${reference}`, users.champion, { id: courseId })).json();
    expect(form.prefill).toEqual({ name: "Sam Jones", phone: "07700900321", email: "" });

    expect((await book(courseId, `referral=${reference}`, users.champion, { sendBy: "none" })).headers.get("Location")).toContain("done=booked");
    const people = await testDb.selectFrom("people").select("id").where("phone", "=", "07700900321").execute();
    expect(people).toHaveLength(1);
    expect(await testDb.selectFrom("course_bookings").select("course_id").where("person_id", "=", people[0].id).execute()).toHaveLength(2);
  });

  it("respects capacity: the last place goes once, then the course is full", async () => {
    const { courseId } = await createTestCourse(testDb, { createdBy: users.provider.id, sessions: [{ inDays: 1, capacity: 1 }, { inDays: 8, capacity: 5 }] });
    const first = await assistedPlanBy(users.champion);
    const second = await assistedPlanBy(users.champion);
    expect((await book(courseId, `triage=${first}`, users.champion, { phone: "", sendBy: "none", name: "First" })).status).toBe(302);
    const full = await book(courseId, `triage=${second}`, users.champion, { phone: "", sendBy: "none", name: "Second" });
    expect(full.status).toBe(400);
    expect((await full.json()).errors.course).toBe("This course is full");
    expect(await testDb.selectFrom("people").select("id").where("name", "=", "Second").execute()).toEqual([]);
  });

  it("keeps what was typed when something is wrong, and books nobody without consent", async () => {
    const { courseId } = await createTestCourse(testDb, { createdBy: users.provider.id, sessions: [{ inDays: 1 }] });
    const refused = await book(courseId, `triage=${plan}`, users.champion, { consent: "", email: "not-an-email", name: "Kim" });
    expect(refused.status).toBe(400);
    const body = await refused.json();
    expect(Object.keys(body.errors)).toEqual(expect.arrayContaining(["consent", "email"]));
    expect(body.values).toMatchObject({ name: "Kim", email: "not-an-email" });
    expect(await testDb.selectFrom("course_bookings").select("id").where("course_id", "=", courseId).execute()).toEqual([]);
  });

  it("answers 404 for a plan the user may not see, a draft course, and a course with nothing to come", async () => {
    const { courseId } = await createTestCourse(testDb, { createdBy: users.provider.id, sessions: [{ inDays: 1 }] });
    expect((await book(courseId, `triage=${plan}`, users.staff)).status).toBe(404);
    expect((await get(coursesLoader, `/courses?triage=${plan}`, users.staff)).status).toBe(404);
    const draft = await createTestCourse(testDb, { createdBy: users.provider.id, status: "draft", sessions: [{ inDays: 1 }] });
    expect((await book(draft.courseId, `triage=${plan}`)).status).toBe(404);
    const over = await createTestCourse(testDb, { createdBy: users.provider.id, sessions: [{ inDays: -3 }] });
    expect((await get(bookLoader, `/courses/${over.courseId}/book?triage=${plan}`, users.champion, { id: over.courseId })).status).toBe(404);
    expect((await book(courseId, `triage=${plan}`, users.provider)).status).toBe(403);
  });
});
