import { beforeAll, describe, expect, it } from "vitest";
import { seedDirectory } from "~/directory/seed.server";
import { getDb } from "~/lib/db.server";
import * as answersPage from "~/routes/triage.answers";
import * as startPage from "~/routes/triage._index";
import * as questionPage from "~/routes/triage.q.$questionId";
import * as resultPage from "~/routes/triage.result.$id";
import * as sectionsPage from "~/routes/triage.sections";
import { createTestArea, createTestOrganisation, createTestUser, type TestUser } from "../../helpers/auth";
import { postcodesIoHandlers } from "../../mocks/postcodes-io";
import { server } from "../../mocks/server";
import { answerEverything } from "./journey";
import { Visitor, attr, context, openingTags, textOf, thrownResponse } from "./support";

let areaId: string;
let otherAreaId: string;
let organisationId: string;
let champion: TestUser;
let colleague: TestUser;
let outsider: TestUser;
let coordinator: TestUser;
let otherCoordinator: TestUser;
let admin: TestUser;
let provider: TestUser;

beforeAll(async () => {
  server.use(...postcodesIoHandlers);
  const db = getDb();
  await seedDirectory(db);
  areaId = await createTestArea(db, "Aylesham and district", ["ZE3"]);
  otherAreaId = await createTestArea(db, "Zennor and district", ["ZE2"]);
  organisationId = await createTestOrganisation(db);
  champion = await createTestUser(db, { role: "champion", organisationId, areaIds: [areaId, otherAreaId] });
  colleague = await createTestUser(db, { role: "staff", organisationId, areaIds: [areaId] });
  outsider = await createTestUser(db, { role: "champion", areaIds: [areaId] });
  coordinator = await createTestUser(db, { role: "coordinator", areaIds: [areaId] });
  otherCoordinator = await createTestUser(db, { role: "coordinator", areaIds: [otherAreaId] });
  admin = await createTestUser(db, { role: "admin", areaIds: [] });
  provider = await createTestUser(db, { role: "provider", areaIds: [areaId] });
});

/** A champion's finished conversation: started with the given details, every question answered. */
async function finishedTriage(user: TestUser, start: Record<string, string> = {}, observations = ""): Promise<string> {
  const visitor = await Visitor.signedIn(user);
  const started = await visitor.post(startPage, "/triage", start);
  await answerEverything(visitor, "/triage", questionPage, started.headers.get("Location")!, { devices: ["smartphone"], "home-internet": "mobile-prepay" });
  const done = await visitor.post(answersPage, "/triage/answers", { observations });
  expect(done.status).toBe(302);
  return done.headers.get("Location")!.split("/").pop()!;
}

describe("who may run a triage", () => {
  const pages: [string, { loader: (args: never) => Promise<unknown> }, Record<string, string>][] = [
    ["/triage", startPage, {}],
    ["/triage/sections", sectionsPage, {}],
    ["/triage/q/goals", questionPage, { questionId: "goals" }],
    ["/triage/answers", answersPage, {}],
  ];

  it("asks a signed-out visitor to sign in first, and comes back afterwards", async () => {
    for (const [path, page, params] of pages) {
      const response = await thrownResponse((page.loader as (a: unknown) => Promise<unknown>)({ request: new Visitor().request(path), params, context }));
      expect(response.headers.get("Location"), path).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
    }
    const posted = await thrownResponse(questionPage.action({ request: new Visitor().request("/triage/q/goals", { answer: "health" }), params: { questionId: "goals" }, context }));
    expect(posted.headers.get("Location")).toMatch(/^\/login/);
  });

  it("refuses a signed-in provider", async () => {
    const visitor = await Visitor.signedIn(provider);
    for (const [path, page, params] of pages) {
      const response = await thrownResponse((page.loader as (a: unknown) => Promise<unknown>)({ request: visitor.request(path), params, context }));
      expect(response.status, path).toBe(403);
    }
    expect((await thrownResponse(startPage.action({ request: visitor.request("/triage", {}), params: {}, context }))).status).toBe(403);
  });
});

describe("an assisted conversation", () => {
  it("shows the champion's prompt, what to look out for and why we ask, with continue and skip", async () => {
    const visitor = await Visitor.signedIn(champion);
    await visitor.post(startPage, "/triage", {});
    const page = await visitor.render(questionPage, "/triage/q/:questionId", "/triage/q/goals");
    const text = textOf(page.html);
    expect(text).toContain("If you could sort out one or two things online, what would help you most right now?");
    expect(text).toContain("What to look out for");
    expect(text).toContain("Letters they have brought with them that ask them to go online.");
    expect(text).toContain("Why we ask");
    expect(openingTags(page.html, "h1")).toHaveLength(1);
    const buttons = openingTags(page.html, "button");
    expect(buttons.map((b) => attr(b, "value") ?? "")).toEqual(["", "skip"]);
  });

  it("checks where the conversation starts and keeps only the outward code", async () => {
    const visitor = await Visitor.signedIn(champion);
    const bad = await visitor.post(startPage, "/triage", { postcode: "nowhere", areaId: "someone-elses-area", venue: "the-moon" });
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).errors).sort()).toEqual(["areaId", "postcode", "venue"]);
    const good = await visitor.post(startPage, "/triage", { postcode: "me14 1le", venue: "library" });
    expect(good.headers.get("Location")).toBe("/triage/q/goals");
  });

  it("lets a champion skip a question, see it on the section list and come back to it", async () => {
    const visitor = await Visitor.signedIn(champion);
    await visitor.post(startPage, "/triage", {});
    const skipped = await visitor.post(questionPage, "/triage/q/goals", { questionId: "goals", intent: "skip" }, { questionId: "goals" });
    expect(skipped.headers.get("Location")).toBe("/triage/q/work-status");

    const sections = await visitor.render(sectionsPage, "/triage/sections", "/triage/sections");
    expect(textOf(sections.html)).toContain("Skipped questions");
    expect(sections.html).toContain('href="/triage/q/goals?section=about-you"');
    expect(textOf(sections.html)).toContain("In progress");

    const back = await visitor.render(questionPage, "/triage/q/:questionId", "/triage/q/goals?section=about-you");
    expect(textOf(back.html)).toContain("(skipped earlier)");
    const answered = await visitor.post(questionPage, "/triage/q/goals?section=about-you", { questionId: "goals", answer: "health" }, { questionId: "goals" });
    expect(answered.headers.get("Location")).toBe("/triage/q/work-status?section=about-you");
  });

  it("refuses tampered answers with a clear message and keeps the answers given", async () => {
    const visitor = await Visitor.signedIn(champion);
    await visitor.post(startPage, "/triage", {});
    await visitor.post(questionPage, "/triage/q/goals", { questionId: "goals", answer: "health" }, { questionId: "goals" });
    const cases: [string, Record<string, string>, string][] = [
      ["work-status", { questionId: "work-status", answer: "astronaut" }, "Choose from the answers shown."],
      ["work-status", { questionId: "work-status" }, "Choose an answer."],
      ["data-runs-out", { questionId: "data-runs-out", answer: "often" }, "does not apply"],
      ["made-up", { questionId: "made-up", answer: "yes" }, "not part of this check"],
      ["work-status", { questionId: "goals", answer: "health" }, "different question"],
    ];
    for (const [id, fields, message] of cases) {
      const response = await visitor.post(questionPage, `/triage/q/${id}`, fields, { questionId: id });
      expect(response.status).toBe(400);
      expect((await response.json()).error).toContain(message);
    }
    expect((await visitor.get(sectionsPage, "/triage/sections")).status).toBe(200);
    const goals = await (await visitor.get(questionPage, "/triage/q/goals", { questionId: "goals" })).json();
    expect(goals.question.chosen).toEqual(["health"]);
  });

  it("shows an error summary when a question is sent empty, for each kind of control", async () => {
    const visitor = await Visitor.signedIn(champion);
    const started = await visitor.post(startPage, "/triage", {});
    await answerEverything(visitor, "/triage", questionPage, started.headers.get("Location")!, { goals: ["hobbies"] });
    for (const [id, message] of [
      ["goals", "Choose at least one answer."],
      ["work-status", "Choose an answer."],
      ["confidence", "Choose a number from 0 to 10."],
      ["f-turn-on", "Choose an answer."],
    ]) {
      const page = await visitor.render(questionPage, "/triage/q/:questionId", `/triage/q/${id}`, { questionId: id });
      expect(page.status, id).toBe(400);
      expect(page.html).toContain("govuk-error-summary");
      expect(textOf(page.html)).toContain("There is a problem");
      expect(textOf(page.html)).toContain(message);
      expect(page.html).toContain('href="#answer"');
      expect(openingTags(page.html, "input").filter((i) => attr(i, "id") === "answer")).toHaveLength(1);
    }
  });

  it("shows what was just ticked when an answer is refused, not the answer saved before", async () => {
    const ticked = (html: string) =>
      openingTags(html, "input")
        .filter((i) => / checked=""/.test(i))
        .map((i) => attr(i, "value"))
        .sort();
    const visitor = await Visitor.signedIn(champion);
    await visitor.post(startPage, "/triage", {});
    await visitor.post(questionPage, "/triage/q/goals", { questionId: "goals", answer: "banking" }, { questionId: "goals" });
    const clash = await visitor.render(questionPage, "/triage/q/:questionId", "/triage/q/goals", { questionId: "goals", answer: ["nothing", "health", "made-up"] });
    expect(clash.status).toBe(400);
    expect(ticked(clash.html)).toEqual(["health", "nothing"]);
    // Nothing was saved: the page still opens with the earlier answer.
    const again = await visitor.render(questionPage, "/triage/q/:questionId", "/triage/q/goals");
    expect(ticked(again.html)).toEqual(["banking"]);
  });

  it("refuses contact details in the notes, keeping what was typed", async () => {
    const visitor = await Visitor.signedIn(champion);
    const started = await visitor.post(startPage, "/triage", {});
    await answerEverything(visitor, "/triage", questionPage, started.headers.get("Location")!);
    for (const notes of ["Call her on 07700 900 982", "email sam@example.com", "<script>alert(1)</script>", "x".repeat(1001)]) {
      const page = await visitor.render(answersPage, "/triage/answers", "/triage/answers", { observations: notes });
      expect(page.status, notes).toBe(400);
      expect(page.html).toContain("govuk-error-summary");
    }
  });

  it("finishes with one saved result: assisted, by this champion and organisation, outward code only, audited", async () => {
    const db = getDb();
    const id = await finishedTriage(champion, { postcode: "ZE3 9ZZ", venue: "library" }, "Kept looking at her phone bill.\nHappy to come back.");
    const row = await db.selectFrom("triage_results").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ mode: "assisted", outward_postcode: "ZE3", area_id: areaId, created_by_user_id: champion.id, organisation_id: organisationId });
    expect(row.observations).toBe("Kept looking at her phone bill.\nHappy to come back.");
    expect(JSON.stringify(row)).not.toContain("9ZZ");
    const audit = await db.selectFrom("audit_log").select(["action", "detail", "actor_user_id"]).where("record_id", "=", id).execute();
    expect(audit[0]).toMatchObject({ action: "triage-created", actor_user_id: champion.id });
    expect(JSON.parse(audit[0].detail)).toMatchObject({ venue: "library", reference: row.reference });
  });

  it("counts a result without a postcode or area in the champion's first area by name", async () => {
    const id = await finishedTriage(champion);
    const row = await getDb().selectFrom("triage_results").select(["area_id", "outward_postcode"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({ area_id: areaId, outward_postcode: null });
  });
});

describe("the plan page", () => {
  let id: string;
  beforeAll(async () => {
    id = await finishedTriage(champion, { postcode: "ME14", areaId }, "Noticed a cracked screen.");
  });

  const view = async (user: TestUser) => resultPage.loader({ request: (await Visitor.signedIn(user)).request(`/triage/result/${id}`), params: { id }, context });

  it("shows barriers, level, next steps, guides and a referral link for each suggested service", async () => {
    const page = await (await Visitor.signedIn(champion)).render(resultPage, "/triage/result/:id", `/triage/result/${id}`);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    for (const heading of ["Barriers", "Essential Digital Skills", "Next steps", "Suggested services", "Guides for these barriers"]) expect(text).toContain(heading);
    expect(text).toContain("Noticed a cracked screen.");
    const row = await getDb().selectFrom("triage_results").select("reference").where("id", "=", id).executeTakeFirstOrThrow();
    const referrals = openingTags(page.html, "a").filter((a) => attr(a, "href")?.startsWith("/referrals/new?"));
    expect(referrals.length).toBeGreaterThan(0);
    for (const link of referrals) expect(attr(link, "href")).toMatch(new RegExp(`^/referrals/new\\?service=[^&]+&amp;triage=${row.reference}$`));
    expect(page.html).toContain('href="/knowledge/');
    const guides = openingTags(page.html, "a").filter((a) => attr(a, "href")?.startsWith("/knowledge/"));
    expect(new Set(guides.map((a) => attr(a, "href"))).size).toBe(guides.length);
  });

  it("is for the champion who ran it, coordinators of its area and admins; others are told it is not there", async () => {
    for (const user of [champion, coordinator, admin]) expect(((await view(user)) as Response).status).toBe(200);
    for (const user of [colleague, outsider, otherCoordinator]) expect((await thrownResponse(view(user))).status).toBe(404);
    expect((await thrownResponse(view(provider))).status).toBe(403);
    expect((await thrownResponse(resultPage.loader({ request: new Visitor().request(`/triage/result/${id}`), params: { id }, context }))).headers.get("Location")).toMatch(/^\/login/);
    expect((await thrownResponse(resultPage.loader({ request: (await Visitor.signedIn(admin)).request("/triage/result/nope"), params: { id: "nope" }, context }))).status).toBe(404);
  });

  it("records each view in the audit log", async () => {
    await view(coordinator);
    const views = await getDb().selectFrom("audit_log").select("actor_user_id").where("record_id", "=", id).where("action", "=", "triage-viewed").execute();
    expect(views.map((v) => v.actor_user_id)).toContain(coordinator.id);
  });
});
